using System;

namespace OpenStack.Client.Image.V2
{
    /// <summary>Glance v2 URLs, pure functions of the service root (the catalog URL without a version).</summary>
    internal static class Urls
    {
        /// <summary>
        /// The catalog may say "http://h:9292", "http://h/image" or "http://h:9292/v2". Requests are built as
        /// root + "v2/…", and Glance's "next" links ("/v2/images?marker=…") are relative to that root too.
        /// </summary>
        public static Uri ServiceRoot(Uri catalogUrl)
        {
            var text = catalogUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
            var lastSlash = text.LastIndexOf('/');
            var lastSegment = text.Substring(lastSlash + 1);
            if (lastSegment.Length > 1 && lastSegment[0] == 'v' && char.IsDigit(lastSegment[1])) text = text.Substring(0, lastSlash);
            return new Uri(text + "/");
        }

        public static Uri Images(Uri root) => new Uri(root, "v2/images");
        public static Uri Image(Uri root, string id) => new Uri(root, "v2/images/" + Uri.EscapeDataString(id));
        public static Uri File(Uri root, string id) => new Uri(root, "v2/images/" + Uri.EscapeDataString(id) + "/file");
        public static Uri Action(Uri root, string id, string action) => new Uri(root, "v2/images/" + Uri.EscapeDataString(id) + "/actions/" + action);

        /// <summary>Glance's next link is an absolute path below the root ("/v2/images?…").</summary>
        public static Uri Next(Uri root, string next)
        {
            if (Uri.TryCreate(next, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)) return absolute;
            return new Uri(root, next.TrimStart('/'));
        }
    }
}
