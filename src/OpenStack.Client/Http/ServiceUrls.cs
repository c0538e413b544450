namespace OpenStack.Client.Http
{
    /// <summary>How a service's relative paging links are meant.</summary>
    public enum LinkStyle
    {
        /// <summary>Glance and Neutron: "/v2/images?marker=…" is a path below the service root (which may be "http://h/image/").</summary>
        BelowRoot,

        /// <summary>Nova: an RFC 3986 reference against the versioned root: "/v2.1/servers?…" from the host, "servers?…" below the root.</summary>
        Rfc3986,
    }

    /// <summary>URL rules shared by every service.</summary>
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

        /// <summary>The one link resolver: an absolute http(s) link is followed as it is; a relative one as <paramref name="style"/> says.</summary>
        public static Uri ResolveLink(Uri root, string link, LinkStyle style = LinkStyle.BelowRoot)
        {
            if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)) return absolute;
            return style == LinkStyle.Rfc3986 ? new Uri(root, link) : new Uri(root, link.TrimStart('/'));
        }
    }
}
