using System;

namespace OpenStack.Client.Http
{
    /// <summary>URL rules shared by services whose requests are built as root + "vN/…" (Glance, Neutron).</summary>
    internal static class ServiceUrls
    {
        /// <summary>
        /// The catalog URL without a trailing version segment ("http://h:9292/v2" → "http://h:9292/"), since catalogs
        /// list these services both with and without it.
        /// </summary>
        public static Uri RootWithoutVersion(Uri catalogUrl)
        {
            var text = catalogUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
            var lastSlash = text.LastIndexOf('/');
            var lastSegment = text.Substring(lastSlash + 1);
            if (lastSegment.Length > 1 && lastSegment[0] == 'v' && char.IsDigit(lastSegment[1])) text = text.Substring(0, lastSlash);
            return new Uri(text + "/");
        }

        /// <summary>A paging link: absolute links are followed as they are, a path is taken below the root.</summary>
        public static Uri ResolveLink(Uri root, string link)
        {
            if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)) return absolute;
            return new Uri(root, link.TrimStart('/'));
        }
    }
}
