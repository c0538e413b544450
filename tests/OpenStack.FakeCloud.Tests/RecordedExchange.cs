using System.Text.RegularExpressions;

namespace OpenStack.FakeCloud.Tests;

/// <summary>
/// One exchange of tests/cloud/observed (written by tests/cloud/observe.sh against the real services): the request
/// ("### METHOD URL", then "### " lines for its headers and body) and the real answer as `curl -i` printed it.
/// </summary>
public sealed record RecordedExchange(
    string Name, string Method, string Url, IReadOnlyList<(string Name, string Value)> RequestHeaders, string? RequestBody,
    long? BinaryBodyBytes, bool BodyNotSaved, int Status, IReadOnlyList<(string Name, string Value)> ResponseHeaders, string ResponseBody)
{
    private static readonly Regex HeaderLine = new(@"^([A-Za-z0-9-]+): (.*)$");
    private static readonly Regex BinaryLine = new(@"^@\S+ \((\d+) bytes\)$");

    /// <summary>The recording's number: 75 for 75-… and 75a-….</summary>
    public int Number => int.Parse(Regex.Match(Name, @"^\d+").Value);

    public string? ResponseHeader(string name) =>
        ResponseHeaders.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).Cast<string?>().FirstOrDefault();

    /// <summary>The folder of recordings, found from the test's output folder upwards.</summary>
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "cloud", "observed");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/cloud/observed not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every recording, in the order observe.sh made them: 02 before 10, 75 before 75a before 76.</summary>
    public static IReadOnlyList<RecordedExchange> LoadAll(string folder) =>
        Directory.GetFiles(folder, "*.txt").Select(Path.GetFileName).Select(n => n!)
            .OrderBy(n => int.Parse(Regex.Match(n, @"^\d+").Value)).ThenBy(n => Regex.Match(n, @"^\d+([a-z]?)").Groups[1].Value, StringComparer.Ordinal)
            .Select(n => Parse(n, File.ReadAllText(Path.Combine(folder, n)))).ToList();

    public static RecordedExchange Parse(string name, string text)
    {
        var lines = text.Split('\n');
        var first = lines[0]["### ".Length..].Split(' ', 2);
        var headers = new List<(string, string)>();
        string? body = null;
        long? binary = null;
        var notSaved = false;
        var i = 1;
        for (; i < lines.Length && lines[i].StartsWith("### ", StringComparison.Ordinal); i++)
        {
            var line = lines[i][4..];
            if (line == "<body not saved>") notSaved = true;
            else if (BinaryLine.Match(line) is { Success: true } b) binary = long.Parse(b.Groups[1].Value);
            else if (!line.StartsWith('{') && !line.StartsWith('[') && HeaderLine.Match(line) is { Success: true } h) headers.Add((h.Groups[1].Value, h.Groups[2].Value));
            else body = line;
        }
        // curl -i: the status line, headers, a blank line, the body (a download's headers may come twice with -D -).
        var status = int.Parse(lines[i].Split(' ')[1]);
        var responseHeaders = new List<(string, string)>();
        for (i++; i < lines.Length && lines[i].Length > 0; i++)
        {
            if (HeaderLine.Match(lines[i]) is { Success: true } h) responseHeaders.Add((h.Groups[1].Value, h.Groups[2].Value));
        }
        var responseBody = i < lines.Length ? string.Join("\n", lines[(i + 1)..]).TrimEnd('\n') : "";
        if (notSaved) responseBody = "";
        return new RecordedExchange(name, first[0], first[1], headers, body, binary, notSaved, status, responseHeaders, responseBody);
    }
}
