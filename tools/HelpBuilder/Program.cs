using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace HelpBuilder
{
    /// <summary>
    /// HelpBuilder &lt;docsDir&gt; &lt;outputXmlPath&gt;: every cmdlet page of docsDir (PlatyPS markdown) into one MAML
    /// file, and every about_*.md page into about_*.help.txt (plain text) beside it. Exit 0 when written, 1 when a page is malformed (nothing is written then,
    /// so a stale but valid help file is never replaced by a partial one), 2 on wrong usage.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length != 2 || !Directory.Exists(args[0]))
            {
                Console.Error.WriteLine("usage: HelpBuilder <docsDir> <outputXmlPath>   (docsDir holds the Verb-Noun.md pages)");
                return 2;
            }
            var (docsDir, output) = (args[0], Path.GetFullPath(args[1]));

            var pages = Directory.GetFiles(docsDir, "*.md").OrderBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase).ToList();
            var skipped = pages.Count(IsAboutTopic);
            var commands = new List<CommandHelp>();
            var failures = new List<string>();
            // Every page is checked before giving up, so one run lists every problem.
            foreach (var page in pages.Where(p => !IsAboutTopic(p)))
            {
                try
                {
                    commands.Add(HelpPageParser.Parse(page));
                }
                catch (HelpFormatException ex)
                {
                    failures.Add($"{Path.GetRelativePath(Environment.CurrentDirectory, page)}:{ex.Line}: {ex.Message}");
                }
            }
            if (failures.Count > 0)
            {
                foreach (var failure in failures) Console.Error.WriteLine("error: " + failure);
                Console.Error.WriteLine($"HelpBuilder: {failures.Count} malformed page(s); {output} was not written.");
                return 1;
            }
            if (commands.Count == 0)
            {
                Console.Error.WriteLine($"HelpBuilder: no cmdlet pages (*.md other than about_*.md) in {docsDir}; nothing written.");
                return 1;
            }
            // PowerShell finds a binary module's help by this exact file name; a mismatch means Get-Help shows nothing.
            foreach (var name in commands.Select(c => ExternalHelpFile(c.SourceFile)).Distinct().Where(n => n != null && !n.Equals(Path.GetFileName(output), StringComparison.OrdinalIgnoreCase)))
            {
                Console.Error.WriteLine($"warning: pages name '{name}' as their external help file, but the output is '{Path.GetFileName(output)}'.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
            using (var writer = XmlWriter.Create(output, settings)) MamlWriter.Write(commands.OrderBy(c => c.Name, StringComparer.Ordinal)).Save(writer);

            // About topics ship as plain text beside the MAML file: Get-Help prints a .help.txt as it is.
            foreach (var page in pages.Where(IsAboutTopic))
            {
                var topic = Path.Combine(Path.GetDirectoryName(output)!, Path.GetFileNameWithoutExtension(page) + ".help.txt");
                File.WriteAllText(topic, AboutTopicWriter.Write(File.ReadAllText(page)), new UTF8Encoding(false));
            }

            Console.WriteLine($"HelpBuilder: wrote {output}: {commands.Count} cmdlets, {commands.Sum(c => c.Parameters.Count)} parameters, " +
                              $"{commands.Sum(c => c.Examples.Count)} examples; {skipped} about topic(s) as plain text.");
            return 0;
        }

        private static bool IsAboutTopic(string path) => Path.GetFileName(path).StartsWith("about_", StringComparison.OrdinalIgnoreCase);

        private static string? ExternalHelpFile(string page) =>
            MarkdownReader.Read(File.ReadAllText(page)).FrontMatter.TryGetValue("external help file", out var name) ? name : null;
    }
}
