using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace HelpBuilder
{
    /// <summary>A page is malformed; the message names the file and line so the author can go straight to it.</summary>
    internal sealed class HelpFormatException : Exception
    {
        public HelpFormatException(int line, string message) : base(message) => Line = line;

        public int Line { get; }
    }

    internal enum BlockKind
    {
        Heading,
        Fence,
        Paragraph,
    }

    /// <summary>
    /// A heading (Text = title, Level = number of #), a fenced code block (Text = content, Info = language)
    /// or a paragraph (Text = its lines joined by \n).
    /// </summary>
    internal sealed record Block(BlockKind Kind, int Line, string Text, int Level = 0, string Info = "");

    /// <summary>
    /// Just enough markdown for PlatyPS pages: YAML front matter, ATX headings, ``` fences and paragraphs.
    /// Fences are recognised first so that a "# comment" inside PowerShell code is never taken for a heading.
    /// </summary>
    internal static class MarkdownReader
    {
        private static readonly Regex Heading = new Regex(@"^(#{1,6})\s+(.*?)\s*#*\s*$");

        public static (Dictionary<string, string> FrontMatter, List<Block> Blocks) Read(string text)
        {
            var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            var frontMatter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var i = 0;
            if (lines.Length == 0 || lines[0].Trim() != "---") throw new HelpFormatException(1, "the page does not start with YAML front matter ('---').");
            for (i = 1; i < lines.Length && lines[i].Trim() != "---"; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0) frontMatter[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
            if (i >= lines.Length) throw new HelpFormatException(1, "the YAML front matter is not closed by '---'.");
            i++;

            var blocks = new List<Block>();
            while (i < lines.Length)
            {
                var line = lines[i];
                if (line.Trim().Length == 0)
                {
                    i++;
                    continue;
                }
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    var start = i + 1;
                    var info = line.Trim().TrimStart('`').Trim();
                    var content = new List<string>();
                    for (i++; i < lines.Length && !IsFenceEnd(lines[i]); i++) content.Add(lines[i].TrimEnd());
                    if (i >= lines.Length) throw new HelpFormatException(start, "a ``` code block is never closed.");
                    blocks.Add(new Block(BlockKind.Fence, start, string.Join("\n", content), Info: info));
                    i++;
                    continue;
                }
                var heading = Heading.Match(line);
                if (heading.Success)
                {
                    blocks.Add(new Block(BlockKind.Heading, i + 1, heading.Groups[2].Value, heading.Groups[1].Length));
                    i++;
                    continue;
                }
                var first = i + 1;
                var paragraph = new List<string>();
                while (i < lines.Length && lines[i].Trim().Length > 0 && !Heading.IsMatch(lines[i]) &&
                       !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    paragraph.Add(lines[i].TrimEnd());
                    i++;
                }
                blocks.Add(new Block(BlockKind.Paragraph, first, string.Join("\n", paragraph)));
            }
            return (frontMatter, blocks);
        }

        private static bool IsFenceEnd(string line)
        {
            var t = line.Trim();
            return t.Length >= 3 && t.Trim('`').Length == 0;
        }

        private static readonly Regex ItemStart = new Regex(@"^([-*+]\s|\d+\.\s|\|)");

        /// <summary>
        /// A paragraph as one maml:para. Wrapped lines are joined with spaces (Get-Help re-wraps text to the
        /// console), but list items and table rows keep their own lines, or they would run together.
        /// </summary>
        public static string ToPara(Block block)
        {
            if (block.Kind == BlockKind.Fence) return block.Text;
            var result = new List<string>();
            foreach (var raw in block.Text.Split('\n'))
            {
                var line = raw.Trim();
                if (result.Count == 0 || ItemStart.IsMatch(line)) result.Add(line);
                else result[result.Count - 1] += " " + line;
            }
            return string.Join("\n", result);
        }
    }
}
