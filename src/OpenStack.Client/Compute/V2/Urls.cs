using System;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>Nova v2.1 URLs, pure functions of the catalog URL (which already names the version: ".../v2.1").</summary>
    internal static class Urls
    {
        /// <summary>The catalog URL with a trailing '/', so relative paths go below it.</summary>
        public static Uri Root(Uri catalogUrl) => new Uri(catalogUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");

        /// <summary>
        /// GET on the versioned root answers Nova's version document (max microversion in "version"). Older catalogs
        /// name ".../v2.1/{project_id}": the document is at the version segment, not below the project.
        /// </summary>
        public static Uri Version(Uri root)
        {
            var segments = root.AbsolutePath.TrimEnd('/').Split('/');
            for (var i = segments.Length - 1; i >= 0; i--)
            {
                var s = segments[i];
                if (s.Length > 1 && s[0] == 'v' && char.IsDigit(s[1]))
                {
                    return new Uri(root, "/" + string.Join("/", segments, 1, i).TrimStart('/') + "/");
                }
            }
            return root;
        }
        public static Uri Servers(Uri root) => new Uri(root, "servers");
        public static Uri ServersDetail(Uri root) => new Uri(root, "servers/detail");
        public static Uri Server(Uri root, string id) => new Uri(root, "servers/" + Uri.EscapeDataString(id));
        public static Uri ServerAction(Uri root, string id) => new Uri(root, "servers/" + Uri.EscapeDataString(id) + "/action");
        public static Uri Flavors(Uri root) => new Uri(root, "flavors");
        public static Uri FlavorsDetail(Uri root) => new Uri(root, "flavors/detail");
        public static Uri Flavor(Uri root, string id) => new Uri(root, "flavors/" + Uri.EscapeDataString(id));
        public static Uri Keypairs(Uri root) => new Uri(root, "os-keypairs");
        public static Uri Keypair(Uri root, string name) => new Uri(root, "os-keypairs/" + Uri.EscapeDataString(name));

        /// <summary>Nova's "*_links" next hrefs are absolute; a relative one is taken below the root's host.</summary>
        public static Uri Next(Uri root, string next) =>
            Uri.TryCreate(next, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
                ? absolute
                : new Uri(root, next);
    }
}
