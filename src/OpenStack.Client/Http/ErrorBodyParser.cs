using System.Text;
using System.Text.RegularExpressions;

namespace OpenStack.Client.Http
{
    /// <summary>
    /// Pulls the human message out of the many error body shapes OpenStack services use:
    /// Keystone <c>{"error":{"message":…}}</c>, Nova <c>{"itemNotFound":{"message":…}}</c>,
    /// Neutron <c>{"NeutronError":{"message":…}}</c>, and webob's HTML/plain text pages (Glance).
    /// </summary>
    internal static class ErrorBodyParser
    {
        private const int MaxMessageLength = 1000;
        private static readonly Regex Tags = new Regex("<[^>]+>", RegexOptions.Compiled);
        private static readonly Regex Spaces = new Regex(@"\s+", RegexOptions.Compiled);
        // webob's plain-text pages open with "<code> <reason phrase>"; the reason adds nothing to the status.
        private static readonly Regex StatusTitle = new Regex(
            @"^\d{3} (Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Conflict|Gone|" +
            @"Request Entity Too Large|Unsupported Media Type|Too Many Requests|Internal Server Error|Not Implemented|" +
            @"Bad Gateway|Service Unavailable|Gateway Timeout)\b", RegexOptions.Compiled);

        public static string? ExtractMessage(byte[] body, string? contentType)
        {
            if (body.Length == 0) return null;
            var text = Encoding.UTF8.GetString(body).Trim();
            if (text.Length == 0) return null;
            if (text[0] == '{' || (contentType?.IndexOf("json", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0)
            {
                var fromJson = FromJson(text);
                if (fromJson != null) return Truncate(FromText(fromJson));
            }
            return Truncate(FromText(text));
        }

        private static string? FromJson(string text)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                return FindMessage(doc.RootElement, depth: 0);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? FindMessage(JsonElement element, int depth)
        {
            if (depth > 3) return null;
            if (element.ValueKind == JsonValueKind.String) return element.GetString();
            if (element.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in new[] { "message", "faultstring", "detail", "title" })
            {
                if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    var message = value.GetString();
                    // Neutron puts the reason in "message" and sometimes extra words in "detail".
                    if (name == "message" && element.TryGetProperty("detail", out var detail) &&
                        detail.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(detail.GetString()))
                    {
                        message += " " + detail.GetString();
                    }
                    return message;
                }
            }
            // {"itemNotFound": {...}}, {"NeutronError": {...}}, {"error": {...}}: one wrapping key.
            return element.EnumerateObject()
                .Select(p => FindMessage(p.Value, depth + 1))
                .FirstOrDefault(m => !string.IsNullOrWhiteSpace(m));
        }

        private static string FromText(string text)
        {
            // webob pages repeat the status in <title> and <h1>; the body text after them is the message.
            var withoutTitle = Regex.Replace(text, "<title>.*?</title>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
            withoutTitle = Regex.Replace(withoutTitle, "<h1>.*?</h1>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
            var plain = Spaces.Replace(Tags.Replace(withoutTitle, " "), " ").Trim();
            plain = System.Net.WebUtility.HtmlDecode(plain);
            // Plain-text webob bodies start with "404 Not Found\n\n<message>".
            var stripped = StatusTitle.Replace(plain, string.Empty, 1).Trim();
            return stripped.Length > 0 ? stripped : plain;
        }

        private static string Truncate(string message) =>
            message.Length <= MaxMessageLength ? message : message.Substring(0, MaxMessageLength) + "…";
    }
}
