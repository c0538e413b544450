using System;
using OpenStack.Client.Http;

namespace OpenStack.Client.Network.V2
{
    /// <summary>Neutron v2.0 URLs, pure functions of the service root (the catalog URL without a version).</summary>
    internal static class Urls
    {
        /// <summary>
        /// The catalog says "http://h:9696" (devstack: "http://h/networking"), sometimes with "/v2.0" already on;
        /// requests are built as root + "v2.0/…" either way.
        /// </summary>
        public static Uri ServiceRoot(Uri catalogUrl) => ServiceUrls.RootWithoutVersion(catalogUrl);

        public static Uri Networks(Uri root) => new Uri(root, "v2.0/networks");
        public static Uri Network(Uri root, string id) => new Uri(root, "v2.0/networks/" + Uri.EscapeDataString(id));
        public static Uri Subnets(Uri root) => new Uri(root, "v2.0/subnets");
        public static Uri Subnet(Uri root, string id) => new Uri(root, "v2.0/subnets/" + Uri.EscapeDataString(id));
        public static Uri Routers(Uri root) => new Uri(root, "v2.0/routers");
        public static Uri Router(Uri root, string id) => new Uri(root, "v2.0/routers/" + Uri.EscapeDataString(id));
        public static Uri RouterAction(Uri root, string id, string action) => new Uri(root, "v2.0/routers/" + Uri.EscapeDataString(id) + "/" + action);

        /// <summary>Neutron's links are absolute ("http://h:9696/v2.0/networks?limit=1&amp;marker=…"); a relative one is taken below the root.</summary>
        public static Uri Next(Uri root, string next) => ServiceUrls.ResolveLink(root, next);
    }
}
