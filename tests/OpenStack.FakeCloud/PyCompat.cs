using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenStack.FakeCloud;

/// <summary>
/// The real services are Python: their JSON comes from <c>json.dumps</c> (", " and ": " separators), their
/// links from <c>urlencode</c>, their schema errors quote values with <c>repr</c>, and their query strings are
/// parsed by <c>parse_qsl</c>. Byte-for-byte imitations of those, so bodies and links match the real ones.
/// </summary>
internal static class Py
{
    /// <summary><c>json.dumps(node)</c>; <paramref name="compact"/> gives Flask's separators (Keystone errors).</summary>
    public static string Dumps(JsonNode? node, bool compact = false, bool ensureAscii = true)
    {
        var sb = new StringBuilder();
        Write(sb, node, compact ? "," : ", ", compact ? ":" : ": ", ensureAscii);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node, string itemSep, string keySep, bool ascii)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first) sb.Append(itemSep);
                    first = false;
                    WriteString(sb, key, ascii);
                    sb.Append(keySep);
                    Write(sb, value, itemSep, keySep, ascii);
                }
                sb.Append('}');
                break;
            case JsonArray arr:
                sb.Append('[');
                for (var i = 0; i < arr.Count; i++)
                {
                    if (i > 0) sb.Append(itemSep);
                    Write(sb, arr[i], itemSep, keySep, ascii);
                }
                sb.Append(']');
                break;
            default:
                if (node.GetValueKind() == JsonValueKind.String) WriteString(sb, node.GetValue<string>(), ascii);
                else sb.Append(node.ToJsonString()); // numbers, true, false
                break;
        }
    }

    private static void WriteString(StringBuilder sb, string s, bool ascii)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || (ascii && c > 0x7e)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Python's <c>repr</c> of a JSON value, as jsonschema prints it in its messages.</summary>
    public static string Repr(JsonNode? node) => node switch
    {
        null => "None",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => Repr(p.Key) + ": " + Repr(p.Value))) + "}",
        JsonArray arr => "[" + string.Join(", ", arr.Select(Repr)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Repr(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "False",
        _ => node.ToJsonString(),
    };

    public static string Repr(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            if (c == quote || c == '\\') sb.Append('\\').Append(c);
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append(quote).ToString();
    }

    /// <summary><c>urllib.parse.urlencode</c> (quote_plus): only letters, digits and <c>_.-~</c> stay as they are.</summary>
    public static string UrlEncode(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join("&", pairs.Select(p => QuotePlus(p.Key) + "=" + QuotePlus(p.Value)));

    public static string QuotePlus(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                || b == '_' || b == '.' || b == '-' || b == '~') sb.Append((char)b);
            else if (b == ' ') sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary><c>parse_qsl(query, keep_blank_values=True)</c>: ordered pairs, repeated keys kept, '+' is a space.</summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string? rawQuery)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(rawQuery)) return result;
        foreach (var piece in rawQuery.TrimStart('?').Split('&'))
        {
            if (piece.Length == 0) continue;
            var eq = piece.IndexOf('=');
            var key = eq < 0 ? piece : piece[..eq];
            var value = eq < 0 ? "" : piece[(eq + 1)..];
            result.Add(new(Unquote(key), Unquote(value)));
        }
        return result;
    }

    private static string Unquote(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    /// <summary>The raw query of a request (after '?'), exactly as the client sent it.</summary>
    public static string RawQuery(Microsoft.AspNetCore.Http.HttpContext ctx) =>
        ctx.Request.QueryString.HasValue ? ctx.Request.QueryString.Value![1..] : "";
}
