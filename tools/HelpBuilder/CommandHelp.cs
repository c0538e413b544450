using System.Collections.Generic;

namespace HelpBuilder
{
    /// <summary>One cmdlet's help as read from its markdown page; the MAML writer needs nothing else.</summary>
    internal sealed class CommandHelp
    {
        public CommandHelp(string name, string sourceFile)
        {
            Name = name;
            SourceFile = sourceFile;
        }

        public string Name { get; }
        public string SourceFile { get; }
        public string Verb => Name.Substring(0, Name.IndexOf('-'));
        public string Noun => Name.Substring(Name.IndexOf('-') + 1);
        public string? OnlineVersion { get; set; }
        public string Synopsis { get; set; } = string.Empty;
        public List<string> Description { get; } = new List<string>();
        public List<SyntaxSet> Sets { get; } = new List<SyntaxSet>();
        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();
        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();
        public List<TypeHelp> Inputs { get; } = new List<TypeHelp>();
        public List<TypeHelp> Outputs { get; } = new List<TypeHelp>();
        public List<string> Notes { get; } = new List<string>();
        public List<LinkHelp> Links { get; } = new List<LinkHelp>();
    }

    /// <summary>A "### SetName" block of SYNTAX: the parameters in display order, as Get-Command -Syntax shows them.</summary>
    internal sealed record SyntaxSet(string Name, bool IsDefault, int Line, List<SyntaxEntry> Entries);

    /// <summary>How a parameter appears in a syntax line: "-X" (required), "[-X]" (positional name), "[...]" (optional).</summary>
    internal sealed record SyntaxEntry(string Name, bool Required, bool Positional);

    internal sealed class ParameterHelp
    {
        public ParameterHelp(string name, int line)
        {
            Name = name;
            Line = line;
        }

        public string Name { get; }
        public int Line { get; }
        public List<string> Description { get; } = new List<string>();
        /// <summary>One entry per ```yaml block: a parameter may be mandatory in one set and optional in another.</summary>
        public List<ParameterMetadata> Metadata { get; } = new List<ParameterMetadata>();

        public ParameterMetadata? For(string set) => Metadata.Find(m => m.Sets == null || m.Sets.Contains(set));
    }

    internal sealed class ParameterMetadata
    {
        public string Type { get; set; } = string.Empty;
        /// <summary>null means "(All)".</summary>
        public List<string>? Sets { get; set; }
        public List<string> Aliases { get; } = new List<string>();
        public List<string> AcceptedValues { get; } = new List<string>();
        public bool Required { get; set; }
        /// <summary>"0", "1"… or "named", as MAML writes it.</summary>
        public string Position { get; set; } = "named";
        public string DefaultValue { get; set; } = "None";
        public string PipelineInput { get; set; } = "False";
        public bool Globbing { get; set; }
        public bool IsSwitch => Type == "SwitchParameter" || Type.EndsWith(".SwitchParameter", System.StringComparison.Ordinal);
    }

    internal sealed record ExampleHelp(string Title, List<string> Introduction, string Code, List<string> Remarks);

    internal sealed record TypeHelp(string Name, List<string> Description);

    internal sealed record LinkHelp(string Text, string Uri);
}
