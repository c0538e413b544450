namespace OpenStack.Client.Network.V2
{
    /// <summary>Neutron subnet pools: /v2.0/subnetpools, {"subnetpool": …}, paged by "subnetpools_links".</summary>
    public static class SubnetPools
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("SubnetPool", "subnet pool");

        public static readonly ResourceDescriptor<SubnetPool> Resource = new ResourceDescriptor<SubnetPool>(
            Noun, "v2.0/subnetpools", "subnetpool", "subnetpools", SubnetPoolJson.Default.SubnetPool, PagingStyle.Links,
            filters: new[] { "project_id", "ip_version", "shared", "is_default" }, deleteConflictMeansInUse: true);
    }

    [JsonSerializable(typeof(SubnetPool))]
    internal partial class SubnetPoolJson : JsonSerializerContext
    {
    }
}
