using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace HelpBuilder
{
    /// <summary>
    /// An about_*.md page into the plain text Get-Help prints for an about topic: no front matter, no Markdown
    /// syntax. Section headings in capitals at the left margin (TOPIC, SHORT DESCRIPTION…), text wrapped at
    /// 80 columns and indented 4, code indented 8, tables as aligned columns, links as "text (url)".
    /// </summary>
    internal static class AboutTopicWriter
    {
        private const int Width = 80;
        private const string Indent = "    ";
        private static readonly Regex InlineCode = new Regex("`([^`]+)`");
        private static readonly Regex Strong = new Regex(@"(\*\*|__)(.+?)\1");
        private static readonly Regex Emphasis = new Regex(@"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])");
        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\(([^)]+)\)");
        private static readonly Regex ListItem = new Regex(@"^(\s*)([-*+]|\d+\.)\s+(.*)$");
        private static readonly Regex TableRule = new Regex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$");

        public static string Write(string markdown)
        {
            var (_, blocks) = MarkdownReader.Read(markdown);
            var text = new StringBuilder();
            foreach (var block in blocks)
            {
                switch (block.Kind)
                {
                    case BlockKind.Heading when block.Level == 1:
                        text.Append("TOPIC\n").Append(Indent).Append(Plain(block.Text)).Append("\n\n");
                        break;
                    case BlockKind.Heading when block.Level == 2:
                        text.Append(Plain(block.Text).ToUpperInvariant()).Append("\n\n");
                        break;
                    case BlockKind.Heading:
                        var title = Plain(block.Text);
                        text.Append(Indent).Append(title).Append('\n').Append(Indent).Append(new string('-', title.Length)).Append("\n\n");
                        break;
                    case BlockKind.Fence:
                        foreach (var line in block.Text.Split('\n')) text.Append((Indent + Indent + line).TrimEnd()).Append('\n');
                        text.Append('\n');
                        break;
                    default:
                        WriteParagraph(text, block.Text.Split('\n'));
                        break;
                }
            }
            return text.ToString().TrimEnd('\n') + "\n";
        }

        private static void WriteParagraph(StringBuilder text, string[] lines)
        {
            if (lines.All(l => l.TrimStart().StartsWith("|", StringComparison.Ordinal)))
            {
                WriteTable(text, lines);
                return;
            }
            if (lines.All(l => l.StartsWith("    ", StringComparison.Ordinal) || l.StartsWith("\t", StringComparison.Ordinal)))
            {
                // An indented code block: verbatim, as a fence.
                foreach (var line in lines) text.Append((Indent + Indent + line.Substring(line[0] == '\t' ? 1 : 4)).TrimEnd()).Append('\n');
                text.Append('\n');
                return;
            }
            // List items keep their own lines (continuation lines join the item); other lines join into one paragraph.
            var items = new List<(string Marker, string Body, int Depth)>();
            foreach (var raw in lines)
            {
                var item = ListItem.Match(raw);
                if (item.Success) items.Add((item.Groups[2].Value.EndsWith(".", StringComparison.Ordinal) ? item.Groups[2].Value : "-", item.Groups[3].Value.Trim(), item.Groups[1].Value.Length / 2));
                else if (items.Count == 0) items.Add(("", raw.Trim(), 0));
                else items[items.Count - 1] = (items[^1].Marker, items[^1].Body + " " + raw.Trim(), items[^1].Depth);
            }
            foreach (var (marker, body, depth) in items)
            {
                var lead = Indent + new string(' ', depth * 2);
                var first = marker.Length == 0 ? lead : lead + marker + " ";
                Wrap(text, Plain(body), first, new string(' ', first.Length));
            }
            text.Append('\n');
        }

        private static void WriteTable(StringBuilder text, string[] lines)
        {
            var rows = lines.Where(l => !TableRule.IsMatch(l.Trim()))
                .Select(l => l.Trim().Trim('|').Split('|').Select(c => Plain(c.Trim())).ToList()).ToList();
            var columns = rows.Max(r => r.Count);
            foreach (var row in rows) while (row.Count < columns) row.Add("");
            var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
            for (var r = 0; r < rows.Count; r++)
            {
                text.Append((Indent + string.Join("  ", rows[r].Select((cell, c) => cell.PadRight(widths[c])))).TrimEnd()).Append('\n');
                if (r == 0) text.Append(Indent + string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
            }
            text.Append('\n');
        }

        private static void Wrap(StringBuilder text, string paragraph, string firstIndent, string nextIndent)
        {
            var line = new StringBuilder(firstIndent);
            var empty = true;
            foreach (var word in paragraph.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!empty && line.Length + 1 + word.Length > Width)
                {
                    text.Append(line.ToString().TrimEnd()).Append('\n');
                    line.Clear().Append(nextIndent);
                    empty = true;
                }
                if (!empty) line.Append(' ');
                line.Append(word);
                empty = false;
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        /// <summary>Inline Markdown to plain text: `code` and **strong** lose their marks, [text](url) becomes "text (url)".</summary>
        internal static string Plain(string markdown)
        {
            // Code spans are set aside first: a `*` or `**` inside one is text, not emphasis.
            var spans = new List<string>();
            var s = InlineCode.Replace(markdown, m => { spans.Add(m.Groups[1].Value); return "\u0001" + (spans.Count - 1) + "\u0002"; });
            // Only absolute links keep their address: a relative one means nothing outside the repository.
            s = Link.Replace(s, m => IsAbsolute(m.Groups[2].Value) ? $"{m.Groups[1].Value} ({m.Groups[2].Value})" : m.Groups[1].Value);
            s = Strong.Replace(s, "$2");
            s = Emphasis.Replace(s, "$1");
            s = s.Replace("\\|", "|").Replace("\\*", "*").Replace("\\_", "_");
            return Regex.Replace(s, "\u0001(\\d+)\u0002", m => spans[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
        }

        private static bool IsAbsolute(string url) =>
            url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
    }
}
