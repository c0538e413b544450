namespace OpenStack.Client.Network.V2
{
    /// <summary>Neutron networks: /v2.0/networks, {"network": …}, paged by "networks_links".</summary>
    public static class Networks
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("Network", "network");

        public static readonly ResourceDescriptor<Network> Resource = new ResourceDescriptor<Network>(
            Noun, "v2.0/networks", "network", "networks", NetworkJson.Default.Network, PagingStyle.Links,
            filters: new[] { "status", "project_id", "shared", "router:external", "admin_state_up" },
            deleteConflictMeansInUse: true);
    }

    [JsonSerializable(typeof(Network))]
    internal partial class NetworkJson : JsonSerializerContext
    {
    }
}
