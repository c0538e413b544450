using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace HelpBuilder
{
    /// <summary>
    /// Writes the MAML that PowerShell's Get-Help reads for binary cmdlets (&lt;Assembly&gt;.dll-Help.xml): the
    /// element names, namespaces and attribute spellings below are the ones Get-Help looks up, so they are
    /// not a matter of style.
    /// </summary>
    internal static class MamlWriter
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

        public static XDocument Write(IEnumerable<CommandHelp> commands) =>
            new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XElement(Msh + "helpItems",
                    new XAttribute("schema", "maml"),
                    new XAttribute(XNamespace.Xmlns + "maml", Maml),
                    new XAttribute(XNamespace.Xmlns + "command", Command),
                    new XAttribute(XNamespace.Xmlns + "dev", Dev),
                    new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
                    commands.Select(CommandElement)));

        private static XElement CommandElement(CommandHelp help) =>
            new XElement(Command + "command",
                new XElement(Command + "details",
                    new XElement(Command + "name", help.Name),
                    new XElement(Command + "verb", help.Verb),
                    new XElement(Command + "noun", help.Noun),
                    Description(new[] { help.Synopsis })),
                Description(help.Description),
                new XElement(Command + "syntax", help.Sets.Select(set => SyntaxItem(help, set))),
                new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, p.Metadata[0], inSyntax: false))),
                new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeEntry("inputType", t))),
                new XElement(Command + "returnValues", help.Outputs.Select(t => TypeEntry("returnValue", t))),
                new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(help.Notes))),
                new XElement(Command + "examples", help.Examples.Select(Example)),
                new XElement(Maml + "relatedLinks", Links(help)));

        /// <summary>One syntax line of Get-Help: the set's parameters in the order of the markdown's SYNTAX block.</summary>
        private static XElement SyntaxItem(CommandHelp help, SyntaxSet set) =>
            new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", help.Name),
                set.Entries.Select(e =>
                {
                    var parameter = help.Parameters.First(p => string.Equals(p.Name, e.Name, System.StringComparison.OrdinalIgnoreCase));
                    return Parameter(parameter, parameter.For(set.Name)!, inSyntax: true);
                }));

        private static XElement Parameter(ParameterHelp parameter, ParameterMetadata m, bool inSyntax)
        {
            var element = new XElement(Command + "parameter",
                new XAttribute("required", m.Required ? "true" : "false"),
                new XAttribute("variableLength", m.Type.EndsWith("[]") ? "true" : "false"),
                new XAttribute("globbing", m.Globbing ? "true" : "false"),
                new XAttribute("pipelineInput", m.PipelineInput),
                new XAttribute("position", m.Position),
                new XAttribute("aliases", m.Aliases.Count == 0 ? "none" : string.Join(", ", m.Aliases)),
                new XElement(Maml + "name", parameter.Name),
                Description(parameter.Description));
            // A switch has no value: with a parameterValue, Get-Help's syntax would show "[-All <SwitchParameter>]".
            if (inSyntax && m.AcceptedValues.Count > 0)
            {
                // Shown by Get-Help as "-Interface {public | internal | admin}".
                element.Add(new XElement(Command + "parameterValueGroup",
                    m.AcceptedValues.Select(v => new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v))));
            }
            else if (!inSyntax || !m.IsSwitch)
            {
                element.Add(new XElement(Command + "parameterValue",
                    new XAttribute("required", m.IsSwitch ? "false" : "true"),
                    new XAttribute("variableLength", m.Type.EndsWith("[]") ? "true" : "false"), DisplayType(m.Type)));
            }
            element.Add(new XElement(Dev + "type", new XElement(Maml + "name", m.Type), new XElement(Maml + "uri")),
                new XElement(Dev + "defaultValue", m.DefaultValue));
            return element;
        }

        /// <summary>
        /// The type as a user types the value: "Nullable`1[Int32]" shows as "Int32", as Get-Command -Syntax shows it.
        /// dev:type keeps the exact type.
        /// </summary>
        private static string DisplayType(string type) =>
            type.StartsWith("Nullable`1[", System.StringComparison.Ordinal) && type.EndsWith("]") ? type.Substring(11, type.Length - 12)
            : type.StartsWith("System.Nullable`1[", System.StringComparison.Ordinal) && type.EndsWith("]") ? type.Substring(18, type.Length - 19)
            : type;

        private static XElement TypeEntry(string kind, TypeHelp type) =>
            new XElement(Command + kind,
                new XElement(Dev + "type", new XElement(Maml + "name", type.Name)),
                Description(type.Description));

        private static XElement Example(ExampleHelp example) =>
            new XElement(Command + "example",
                // Get-Help prints the title as it is; the dashes are what every built-in help shows.
                new XElement(Maml + "title", $"---------- {example.Title} ----------"),
                example.Introduction.Count > 0 ? new XElement(Maml + "introduction", Paras(example.Introduction)) : null,
                new XElement(Dev + "code", example.Code),
                // The empty last para keeps a blank line between one example's remarks and the next title.
                new XElement(Dev + "remarks", Paras(example.Remarks.Append(string.Empty))));

        private static IEnumerable<XElement> Links(CommandHelp help)
        {
            // Get-Help -Online opens the first link whose text is exactly "Online Version:".
            if (help.OnlineVersion != null) yield return Link("Online Version:", help.OnlineVersion);
            foreach (var link in help.Links) yield return Link(link.Text, link.Uri);
        }

        private static XElement Link(string text, string uri) =>
            new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));

        private static XElement Description(IEnumerable<string> paragraphs) => new XElement(Maml + "description", Paras(paragraphs));

        private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));
    }
}
