namespace OpenStack.Client.Network.V2
{
    /// <summary>A Neutron subnet, with the fields `openstack subnet show` prints.</summary>
    public sealed class Subnet : NeutronResource
    {
        [JsonPropertyName("network_id")] public string NetworkId { get; set; } = string.Empty;
        [JsonPropertyName("cidr")] public string? Cidr { get; set; }
        [JsonPropertyName("ip_version")] public int IpVersion { get; set; }
        [JsonPropertyName("gateway_ip")] public string? GatewayIp { get; set; }
        [JsonPropertyName("enable_dhcp")] public bool EnableDhcp { get; set; }
        [JsonPropertyName("allocation_pools")] public List<AllocationPool> AllocationPools { get; set; } = new List<AllocationPool>();
        [JsonPropertyName("dns_nameservers")] public List<string> DnsNameservers { get; set; } = new List<string>();
        [JsonPropertyName("host_routes")] public List<HostRoute> HostRoutes { get; set; } = new List<HostRoute>();
        [JsonPropertyName("ipv6_ra_mode")] public string? Ipv6RaMode { get; set; }
        [JsonPropertyName("ipv6_address_mode")] public string? Ipv6AddressMode { get; set; }
        [JsonPropertyName("subnetpool_id")] public string? SubnetPoolId { get; set; }
    }

    public sealed class AllocationPool
    {
        [JsonPropertyName("start")] public string? Start { get; set; }
        [JsonPropertyName("end")] public string? End { get; set; }

        public override string ToString() => $"{Start}-{End}";
    }

    public sealed class HostRoute
    {
        [JsonPropertyName("destination")] public string? Destination { get; set; }
        [JsonPropertyName("nexthop")] public string? NextHop { get; set; }

        public override string ToString() => $"{Destination} via {NextHop}";
    }
}
