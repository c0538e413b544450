namespace OpenStack.Client.Image.V2
{
    /// <summary>Glance v2 URLs, pure functions of the service root (the catalog URL without a version).</summary>
    internal static class Urls
    {
        /// <summary>
        /// The catalog may say "http://h:9292", "http://h/image" or "http://h:9292/v2". Requests are built as
        /// root + "v2/…", and Glance's "next" links ("/v2/images?marker=…") are relative to that root too.
        /// </summary>
        public static Uri ServiceRoot(Uri catalogUrl) => ServiceUrls.RootWithoutVersion(catalogUrl);

        public static Uri File(Uri root, string id) => new Uri(root, "v2/images/" + Uri.EscapeDataString(id) + "/file");
        public static Uri Action(Uri root, string id, string action) => new Uri(root, "v2/images/" + Uri.EscapeDataString(id) + "/actions/" + action);

        /// <summary>
        /// The page after <paramref name="next"/>, asked with the first page's own query plus the link's marker.
        /// Glance re-encodes its next link as a dict, so a repeated parameter keeps only its last value
        /// ("tag=a&amp;tag=b" comes back as "tag=b") and following the link as-is would widen the filter from page two on.
        /// </summary>
        public static Uri NextPage(Uri root, Uri first, string next)
        {
            var link = ServiceUrls.ResolveLink(root, next);
            string? marker = null;
            foreach (var pair in link.Query.TrimStart('?').Split('&'))
            {
                if (pair.StartsWith("marker=", StringComparison.Ordinal)) marker = Uri.UnescapeDataString(pair.Substring(7).Replace('+', ' '));
            }
            if (marker == null) return link;
            var query = first.Query.TrimStart('?');
            var builder = new UriBuilder(first) { Query = (query.Length > 0 ? query + "&" : "") + "marker=" + Uri.EscapeDataString(marker) };
            return builder.Uri;
        }
    }
}
