using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenStack.Client.Http
{
    /// <summary>
    /// The lines of the HTTP trace (what `openstack --debug` answers): method, URL, status, duration and request
    /// id of each request, and the body of an error answer. Nothing secret may pass: no header is quoted (the
    /// token travels in one), user info is cut from URLs, and secret-looking values are masked in URLs and bodies.
    /// </summary>
    internal static class HttpTrace
    {
        private const int MaxBodyChars = 2000;
        private const string Mask = "***";

        // JSON members whose name says they hold a secret: "password", "secret", "token", "private_key", "credential"…
        private static readonly Regex SecretMember = new Regex(
            "(\"[^\"]*(?:password|secret|token|private_key|credential|passphrase)[^\"]*\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex PrivateKeyBlock = new Regex(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", RegexOptions.Singleline | RegexOptions.CultureInvariant);

        // Keystone's Fernet tokens (gAAAAA…) and anything after "X-Auth-Token:" or "Bearer" in free text.
        private static readonly Regex TokenText = new Regex(
            "gAAAAA[A-Za-z0-9_\\-=]{20,}|(?<=(?:x-auth-token|x-subject-token|bearer)[\"':= ]{1,3})[A-Za-z0-9_\\-=.]{8,}",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly string[] SecretQueryWords = { "token", "password", "secret", "signature", "_sig", "api_key", "access_key", "private_key", "credential" };

        public static string Request(HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
        {
            var requestId = HttpTransport.RequestIdOf(response);
            return string.Format(CultureInfo.InvariantCulture, "HTTP {0} {1} -> {2} {3} in {4:0} ms{5}",
                request.Method, Url(request.RequestUri!), (int)response.StatusCode, response.ReasonPhrase,
                elapsed.TotalMilliseconds, requestId == null ? "" : ", request id " + requestId);
        }

        public static string Failure(HttpRequestMessage request, Exception failure, TimeSpan elapsed) =>
            string.Format(CultureInfo.InvariantCulture, "HTTP {0} {1} -> no answer after {2:0} ms: {3}",
                request.Method, Url(request.RequestUri!), elapsed.TotalMilliseconds, Redact(Innermost(failure).Message));

        public static string ErrorBody(HttpResponseMessage response, byte[] body)
        {
            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(body);
            }
            catch (ArgumentException)
            {
                return $"HTTP {(int)response.StatusCode} body: {body.Length} bytes, not UTF-8 text.";
            }
            text = Redact(string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())));
            if (text.Length > MaxBodyChars) text = text.Substring(0, MaxBodyChars) + $"… ({text.Length - MaxBodyChars} more characters)";
            return $"HTTP {(int)response.StatusCode} body: {text}";
        }

        /// <summary>The URL without user info, secret-looking query values masked (markers and filters stay: they are what one debugs).</summary>
        public static string Url(Uri uri)
        {
            var path = uri.GetLeftPart(UriPartial.Path);
            if (!string.IsNullOrEmpty(uri.UserInfo)) path = new UriBuilder(path) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path);
            var query = uri.Query;
            if (query.Length <= 1) return path;
            var parts = query.Substring(1).Split('&').Select(p =>
            {
                var eq = p.IndexOf('=');
                var name = eq < 0 ? p : p.Substring(0, eq);
                return eq >= 0 && SecretQueryWords.Any(w => name.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0) ? name + "=" + Mask : p;
            });
            return path + "?" + string.Join("&", parts);
        }

        /// <summary>Masks secret JSON members, PEM private keys and token-looking strings in free text.</summary>
        public static string Redact(string text)
        {
            text = SecretMember.Replace(text, m => m.Groups[1].Value + "\"" + Mask + "\"");
            text = PrivateKeyBlock.Replace(text, "-----" + Mask + " PRIVATE KEY-----");
            return TokenText.Replace(text, Mask);
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }
    }
}
