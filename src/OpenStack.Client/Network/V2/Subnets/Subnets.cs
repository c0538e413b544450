namespace OpenStack.Client.Network.V2
{
    /// <summary>Neutron subnets: /v2.0/subnets, {"subnet": …}, paged by "subnets_links".</summary>
    public static class Subnets
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("Subnet", "subnet");

        public static readonly ResourceDescriptor<Subnet> Resource = new ResourceDescriptor<Subnet>(
            Noun, "v2.0/subnets", "subnet", "subnets", SubnetJson.Default.Subnet, PagingStyle.Links,
            filters: new[] { "network_id", "project_id", "ip_version", "cidr", "gateway_ip", "enable_dhcp" },
            deleteConflictMeansInUse: true);
    }

    [JsonSerializable(typeof(Subnet))]
    internal partial class SubnetJson : JsonSerializerContext
    {
    }
}
