namespace OpenStack.Client.Network.V2
{
    /// <summary>Neutron floating IPs: /v2.0/floatingips, {"floatingip": …}; named by their address.</summary>
    public static class FloatingIps
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("FloatingIp", "floating IP");

        public static readonly ResourceDescriptor<FloatingIp> Resource = new ResourceDescriptor<FloatingIp>(
            Noun, "v2.0/floatingips", "floatingip", "floatingips", FloatingIpJson.Default.FloatingIp, PagingStyle.Links,
            nameFilter: "floating_ip_address",
            filters: new[] { "floating_network_id", "port_id", "fixed_ip_address", "project_id", "router_id", "status" });
    }

    [JsonSerializable(typeof(FloatingIp))]
    internal partial class FloatingIpJson : JsonSerializerContext
    {
    }
}
