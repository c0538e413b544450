namespace OpenStack.Client.Network.V2
{
    /// <summary>A Neutron network, with the fields `openstack network show` prints.</summary>
    public sealed class Network : NeutronResource
    {
        /// <summary>ACTIVE, DOWN, BUILD or ERROR.</summary>
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("admin_state_up")] public bool AdminStateUp { get; set; }
        [JsonPropertyName("shared")] public bool Shared { get; set; }
        [JsonPropertyName("router:external")] public bool External { get; set; }
        [JsonPropertyName("subnets")] public List<string> Subnets { get; set; } = new List<string>();
        [JsonPropertyName("mtu")] public int? Mtu { get; set; }
        [JsonPropertyName("port_security_enabled")] public bool? PortSecurityEnabled { get; set; }
        [JsonPropertyName("provider:network_type")] public string? ProviderNetworkType { get; set; }
        [JsonPropertyName("provider:physical_network")] public string? ProviderPhysicalNetwork { get; set; }
        [JsonPropertyName("provider:segmentation_id")] public int? ProviderSegmentationId { get; set; }
        [JsonPropertyName("availability_zones")] public List<string> AvailabilityZones { get; set; } = new List<string>();
    }
}
