namespace OpenStack.Client.Network.V2
{
    /// <summary>
    /// Neutron v2.0. Each resource is a folder beside this file (Networks/, Subnets/, Routers/) with its model, its
    /// options and its descriptor; the generic operations of <see cref="ServiceClient"/> serve them all.
    /// </summary>
    public sealed partial class NetworkClient : ServiceClient
    {
        public const string ServiceType = "network";

        public NetworkClient(OpenStackSession session) : base(session, ServiceRoot(session.GetEndpoint(ServiceType))) { }

        /// <summary>
        /// The catalog says "http://h:9696" (devstack: "http://h/networking"), sometimes with "/v2.0" already on;
        /// requests are built as root + "v2.0/…" either way.
        /// </summary>
        public static System.Uri ServiceRoot(System.Uri catalogUrl) => ServiceUrls.RootWithoutVersion(catalogUrl);
    }
}
