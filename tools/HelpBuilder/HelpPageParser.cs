using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace HelpBuilder
{
    /// <summary>
    /// Reads one PlatyPS (schema 2.0.0) cmdlet page into a <see cref="CommandHelp"/>, refusing anything that
    /// would give wrong or silently incomplete help: a missing section, a parameter without its yaml block,
    /// or a SYNTAX block that disagrees with the PARAMETERS metadata.
    /// </summary>
    internal static class HelpPageParser
    {
        private static readonly string[] RequiredSections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS" };
        private static readonly string[] OptionalSections = { "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS", "ALIASES" };
        private static readonly string[] YamlKeys =
            { "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters" };
        private static readonly Regex LinkLine = new Regex(@"^\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)$");

        public static CommandHelp Parse(string path)
        {
            var (frontMatter, blocks) = MarkdownReader.Read(File.ReadAllText(path));
            if (!frontMatter.TryGetValue("schema", out var schema) || schema != "2.0.0")
                throw new HelpFormatException(1, "the front matter has no 'schema: 2.0.0'.");
            if (!frontMatter.ContainsKey("external help file"))
                throw new HelpFormatException(1, "the front matter has no 'external help file:'.");

            if (blocks.Count == 0 || blocks[0].Kind != BlockKind.Heading || blocks[0].Level != 1)
                throw new HelpFormatException(blocks.Count == 0 ? 1 : blocks[0].Line, "the page must start with '# Verb-Noun'.");
            var name = blocks[0].Text;
            var expected = Path.GetFileNameWithoutExtension(path);
            if (!string.Equals(name, expected, StringComparison.Ordinal) || name.IndexOf('-') <= 0)
                throw new HelpFormatException(blocks[0].Line, $"the title '# {name}' must be the Verb-Noun of the file name ('{expected}').");

            var help = new CommandHelp(name, path);
            frontMatter.TryGetValue("online version", out var online);
            help.OnlineVersion = string.IsNullOrWhiteSpace(online) ? null : online;

            var sections = SplitSections(blocks);
            foreach (var required in RequiredSections)
            {
                if (!sections.ContainsKey(required)) throw new HelpFormatException(blocks[0].Line, $"the page has no '## {required}' section.");
            }

            help.Synopsis = string.Join(" ", sections["SYNOPSIS"].Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(MarkdownReader.ToPara));
            if (help.Synopsis.Length == 0) throw new HelpFormatException(sections["SYNOPSIS"].Line, "'## SYNOPSIS' is empty.");
            help.Description.AddRange(Paragraphs(sections["DESCRIPTION"]));
            if (help.Description.Count == 0) throw new HelpFormatException(sections["DESCRIPTION"].Line, "'## DESCRIPTION' is empty.");

            ParseSyntax(help, sections["SYNTAX"]);
            ParseParameters(help, sections["PARAMETERS"]);
            CheckSyntaxAgainstParameters(help);
            ParseExamples(help, sections["EXAMPLES"]);
            if (sections.TryGetValue("INPUTS", out var inputs)) help.Inputs.AddRange(ParseTypes(inputs));
            if (sections.TryGetValue("OUTPUTS", out var outputs)) help.Outputs.AddRange(ParseTypes(outputs));
            if (sections.TryGetValue("NOTES", out var notes)) help.Notes.AddRange(Paragraphs(notes));
            if (sections.TryGetValue("RELATED LINKS", out var links)) ParseLinks(help, links);
            return help;
        }

        private sealed record Section(int Line, List<Block> Blocks);

        private static Dictionary<string, Section> SplitSections(List<Block> blocks)
        {
            var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
            Section? current = null;
            foreach (var block in blocks.Skip(1))
            {
                if (block.Kind == BlockKind.Heading && block.Level <= 2)
                {
                    var title = block.Text.Trim();
                    if (block.Level == 1) throw new HelpFormatException(block.Line, $"a second '# ' title ('{title}').");
                    if (!RequiredSections.Contains(title) && !OptionalSections.Contains(title))
                        throw new HelpFormatException(block.Line, $"unknown section '## {title}' (expected {string.Join(", ", RequiredSections.Concat(OptionalSections))}).");
                    if (sections.ContainsKey(title)) throw new HelpFormatException(block.Line, $"'## {title}' appears twice.");
                    sections[title] = current = new Section(block.Line, new List<Block>());
                }
                else if (current == null) throw new HelpFormatException(block.Line, "text between the title and the first '## ' section.");
                else current.Blocks.Add(block);
            }
            return sections;
        }

        private static List<string> Paragraphs(Section section) => section.Blocks
            .Where(b => b.Kind != BlockKind.Heading).Select(MarkdownReader.ToPara).Where(p => p.Length > 0).ToList();

        private static void ParseSyntax(CommandHelp help, Section section)
        {
            for (var i = 0; i < section.Blocks.Count; i++)
            {
                var block = section.Blocks[i];
                if (block.Kind != BlockKind.Heading || block.Level != 3)
                    throw new HelpFormatException(block.Line, "'## SYNTAX' must hold '### SetName' headings, each followed by a ``` block.");
                if (i + 1 >= section.Blocks.Count || section.Blocks[i + 1].Kind != BlockKind.Fence)
                    throw new HelpFormatException(block.Line, $"the syntax set '{block.Text}' has no ``` block.");
                var isDefault = block.Text.EndsWith("(Default)", StringComparison.Ordinal);
                var setName = isDefault ? block.Text.Substring(0, block.Text.Length - "(Default)".Length).Trim() : block.Text.Trim();
                if (help.Sets.Any(s => s.Name == setName)) throw new HelpFormatException(block.Line, $"the syntax set '{setName}' appears twice.");
                var fence = section.Blocks[++i];
                help.Sets.Add(new SyntaxSet(setName, isDefault, block.Line, ParseSyntaxLine(fence.Text, help.Name, fence.Line)));
            }
            if (help.Sets.Count == 0) throw new HelpFormatException(section.Line, "'## SYNTAX' has no parameter set.");
            if (help.Sets.Count(s => s.IsDefault) > 1) throw new HelpFormatException(section.Line, "more than one syntax set is marked (Default).");
        }

        /// <summary>
        /// Reads the parameters of a Get-Command -Syntax line in order. Brackets tell what the metadata must say:
        /// "-X &lt;T&gt;" is required, "[-X] &lt;T&gt;" is positional, and anything inside an outer "[ ]" is optional.
        /// </summary>
        private static List<SyntaxEntry> ParseSyntaxLine(string text, string command, int line)
        {
            var flat = Regex.Replace(text, @"\s+", " ").Trim();
            if (flat != command && !flat.StartsWith(command + " ", StringComparison.Ordinal))
                throw new HelpFormatException(line, $"the syntax block does not start with '{command}'.");
            var entries = new List<SyntaxEntry>();
            var depth = 0;
            for (var i = command.Length; i < flat.Length; i++)
            {
                var c = flat[i];
                if (c == '[') depth++;
                else if (c == ']' && --depth < 0) throw new HelpFormatException(line, "unbalanced ']' in the syntax block.");
                else if (c == '-' && (flat[i - 1] == ' ' || flat[i - 1] == '['))
                {
                    var end = i + 1;
                    while (end < flat.Length && char.IsLetterOrDigit(flat[end])) end++;
                    if (end == i + 1) continue;
                    var name = flat.Substring(i + 1, end - i - 1);
                    // "[-Name] <T>": the bracket holds only the name and a value follows, so the name is optional to type.
                    var positional = flat[i - 1] == '[' && end < flat.Length && flat[end] == ']' &&
                                     flat.Substring(end + 1).TrimStart().StartsWith("<", StringComparison.Ordinal);
                    var enclosing = depth - (positional ? 1 : 0);
                    entries.Add(new SyntaxEntry(name, enclosing == 0, positional));
                    i = end - 1;
                }
            }
            if (depth != 0) throw new HelpFormatException(line, "unbalanced '[' in the syntax block.");
            return entries;
        }

        private static void ParseParameters(CommandHelp help, Section section)
        {
            ParameterHelp? current = null;
            var inCommon = false;
            foreach (var block in section.Blocks)
            {
                if (block.Kind == BlockKind.Heading)
                {
                    var title = block.Text.Trim();
                    if (block.Level != 3) throw new HelpFormatException(block.Line, $"unexpected heading '{title}' in '## PARAMETERS'.");
                    if (title.Trim('<', '>') is "CommonParameters" or "WorkflowCommonParameters")
                    {
                        // Get-Help adds the common parameters itself; their text is not part of MAML.
                        (current, inCommon) = (null, true);
                        continue;
                    }
                    if (!title.StartsWith("-", StringComparison.Ordinal) || title.Length < 2)
                        throw new HelpFormatException(block.Line, $"a parameter heading must be '### -Name', not '### {title}'.");
                    var name = title.Substring(1);
                    if (help.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                        throw new HelpFormatException(block.Line, $"the parameter -{name} is documented twice.");
                    help.Parameters.Add(current = new ParameterHelp(name, block.Line));
                    inCommon = false;
                }
                else if (current == null)
                {
                    if (!inCommon) throw new HelpFormatException(block.Line, "text before the first '### -Name' in '## PARAMETERS'.");
                }
                else if (block.Kind == BlockKind.Fence && block.Info.Equals("yaml", StringComparison.OrdinalIgnoreCase))
                {
                    current.Metadata.Add(ParseYaml(help, current, block));
                }
                else current.Description.Add(MarkdownReader.ToPara(block));
            }
            foreach (var parameter in help.Parameters)
            {
                if (parameter.Description.Count == 0) throw new HelpFormatException(parameter.Line, $"the parameter -{parameter.Name} has no description.");
                if (parameter.Metadata.Count == 0) throw new HelpFormatException(parameter.Line, $"the parameter -{parameter.Name} has no ```yaml block.");
            }
        }

        private static ParameterMetadata ParseYaml(CommandHelp help, ParameterHelp parameter, Block block)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in block.Text.Split('\n').Where(l => l.Trim().Length > 0))
            {
                var colon = line.IndexOf(':');
                if (colon <= 0) throw new HelpFormatException(block.Line, $"-{parameter.Name}: '{line.Trim()}' is not 'Key: value'.");
                values[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
            foreach (var key in YamlKeys)
            {
                if (!values.ContainsKey(key)) throw new HelpFormatException(block.Line, $"the yaml block of -{parameter.Name} has no '{key}:'.");
            }
            var m = new ParameterMetadata
            {
                Type = values["Type"],
                Required = Bool(values["Required"], "Required"),
                Globbing = Bool(values["Accept wildcard characters"], "Accept wildcard characters"),
                DefaultValue = values["Default value"].Length == 0 ? "None" : values["Default value"],
                PipelineInput = values["Accept pipeline input"],
            };
            if (m.Type.Length == 0) throw new HelpFormatException(block.Line, $"-{parameter.Name} has an empty 'Type:'.");
            var position = values["Position"];
            if (position.Equals("Named", StringComparison.OrdinalIgnoreCase)) m.Position = "named";
            else if (int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var p)) m.Position = p.ToString(CultureInfo.InvariantCulture);
            else throw new HelpFormatException(block.Line, $"-{parameter.Name}: 'Position: {position}' must be a number or Named.");
            if (!Regex.IsMatch(m.PipelineInput, @"^(True|False)\b", RegexOptions.IgnoreCase))
                throw new HelpFormatException(block.Line, $"-{parameter.Name}: 'Accept pipeline input: {m.PipelineInput}' must start with True or False.");
            m.Aliases.AddRange(List(values["Aliases"]).Where(a => !a.Equals("None", StringComparison.OrdinalIgnoreCase)));
            if (values.TryGetValue("Accepted values", out var accepted)) m.AcceptedValues.AddRange(List(accepted));

            var sets = values["Parameter Sets"];
            if (sets != "(All)")
            {
                m.Sets = List(sets);
                var unknown = m.Sets.FirstOrDefault(s => help.Sets.All(x => x.Name != s));
                if (m.Sets.Count == 0 || unknown != null)
                    throw new HelpFormatException(block.Line, $"-{parameter.Name}: 'Parameter Sets: {sets}' names a set that '## SYNTAX' does not have ({string.Join(", ", help.Sets.Select(s => s.Name))}).");
            }
            foreach (var set in m.Sets ?? help.Sets.Select(s => s.Name).ToList())
            {
                if (parameter.For(set) != null) throw new HelpFormatException(block.Line, $"-{parameter.Name} has two yaml blocks for the set '{set}'.");
            }
            return m;

            bool Bool(string value, string key) => value.Equals("True", StringComparison.OrdinalIgnoreCase) ? true
                : value.Equals("False", StringComparison.OrdinalIgnoreCase) ? false
                : throw new HelpFormatException(block.Line, $"-{parameter.Name}: '{key}: {value}' must be True or False.");
        }

        private static List<string> List(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

        /// <summary>The SYNTAX blocks and the yaml blocks describe the same facts twice; drift between them is an error.</summary>
        private static void CheckSyntaxAgainstParameters(CommandHelp help)
        {
            foreach (var set in help.Sets)
            {
                foreach (var entry in set.Entries)
                {
                    var parameter = help.Parameters.Find(p => string.Equals(p.Name, entry.Name, StringComparison.OrdinalIgnoreCase))
                        ?? throw new HelpFormatException(set.Line, $"the syntax of '{set.Name}' has -{entry.Name}, which has no '### -{entry.Name}' under '## PARAMETERS'.");
                    var m = parameter.For(set.Name)
                        ?? throw new HelpFormatException(parameter.Line, $"-{parameter.Name} is in the syntax of '{set.Name}' but its 'Parameter Sets:' leaves that set out.");
                    if (m.Required != entry.Required)
                        throw new HelpFormatException(parameter.Line, $"-{parameter.Name} is 'Required: {m.Required}' but the syntax of '{set.Name}' shows it as {(entry.Required ? "required" : "optional")}.");
                    if ((m.Position != "named") != entry.Positional)
                        throw new HelpFormatException(parameter.Line, $"-{parameter.Name} is 'Position: {m.Position}' but the syntax of '{set.Name}' shows it as {(entry.Positional ? "positional" : "named")}.");
                }
                foreach (var parameter in help.Parameters.Where(p => p.For(set.Name) != null))
                {
                    if (!set.Entries.Any(e => string.Equals(e.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                        throw new HelpFormatException(parameter.Line, $"-{parameter.Name} belongs to the set '{set.Name}' but is missing from its syntax block.");
                }
            }
        }

        private static void ParseExamples(CommandHelp help, Section section)
        {
            string? title = null;
            int line = section.Line;
            var intro = new List<string>();
            var code = new List<string>();
            var remarks = new List<string>();
            foreach (var block in section.Blocks.Append(new Block(BlockKind.Heading, 0, "", 3)))
            {
                if (block.Kind == BlockKind.Heading)
                {
                    if (block.Level != 3) throw new HelpFormatException(block.Line, $"unexpected heading '{block.Text}' in '## EXAMPLES'.");
                    if (title != null)
                    {
                        if (code.Count == 0) throw new HelpFormatException(line, $"the example '{title}' has no ``` code block.");
                        help.Examples.Add(new ExampleHelp(title, intro, string.Join("\n\n", code), remarks));
                    }
                    (title, line, intro, code, remarks) = (block.Text.Trim(), block.Line, new List<string>(), new List<string>(), new List<string>());
                }
                else if (title == null) throw new HelpFormatException(block.Line, "text before the first '### Example' heading.");
                else if (block.Kind == BlockKind.Fence) code.Add(block.Text); // the command, then any Output block after it
                else (code.Count == 0 ? intro : remarks).Add(MarkdownReader.ToPara(block));
            }
            if (help.Examples.Count == 0) throw new HelpFormatException(section.Line, "'## EXAMPLES' has no '### Example' heading.");
        }

        private static IEnumerable<TypeHelp> ParseTypes(Section section)
        {
            TypeHelp? current = null;
            foreach (var block in section.Blocks)
            {
                if (block.Kind == BlockKind.Heading && block.Level == 3) yield return current = new TypeHelp(block.Text.Trim(), new List<string>());
                else if (current == null) throw new HelpFormatException(block.Line, "a type must be given as '### TypeName' before its description.");
                else current.Description.Add(MarkdownReader.ToPara(block));
            }
        }

        private static void ParseLinks(CommandHelp help, Section section)
        {
            foreach (var block in section.Blocks)
            {
                if (block.Kind != BlockKind.Paragraph) throw new HelpFormatException(block.Line, "'## RELATED LINKS' may only hold '[text](uri)' lines.");
                foreach (var line in block.Text.Split('\n'))
                {
                    var match = LinkLine.Match(line.Trim());
                    if (!match.Success) throw new HelpFormatException(block.Line, $"'{line.Trim()}' is not a '[text](uri)' link.");
                    // Local .md links only make sense on the web; Get-Help shows the text and resolves cmdlet names itself.
                    var uri = match.Groups["uri"].Value;
                    help.Links.Add(new LinkHelp(match.Groups["text"].Value, Uri.IsWellFormedUriString(uri, UriKind.Absolute) ? uri : string.Empty));
                }
            }
        }
    }
}
