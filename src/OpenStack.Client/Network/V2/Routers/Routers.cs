namespace OpenStack.Client.Network.V2
{
    /// <summary>Neutron routers: /v2.0/routers, {"router": …}, paged by "routers_links".</summary>
    public static class Routers
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("Router", "router");

        public static readonly ResourceDescriptor<Router> Resource = new ResourceDescriptor<Router>(
            Noun, "v2.0/routers", "router", "routers", RouterJson.Default.Router, PagingStyle.Links,
            filters: new[] { "project_id", "status", "admin_state_up" },
            deleteConflictMeansInUse: true);
    }

    [JsonSerializable(typeof(Router))]
    [JsonSerializable(typeof(RouterInterface))]
    internal partial class RouterJson : JsonSerializerContext
    {
    }
}
