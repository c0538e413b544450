namespace OpenStack.Client.Network.V2
{
    /// <summary>A Neutron floating IP, with the fields `openstack floating ip show` prints.</summary>
    public sealed class FloatingIp : NeutronObject, IResource
    {
        [JsonPropertyName("floating_ip_address")] public string? FloatingIpAddress { get; set; }
        [JsonPropertyName("floating_network_id")] public string FloatingNetworkId { get; set; } = string.Empty;
        [JsonPropertyName("fixed_ip_address")] public string? FixedIpAddress { get; set; }
        [JsonPropertyName("port_id")] public string? PortId { get; set; }
        [JsonPropertyName("router_id")] public string? RouterId { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }

        /// <summary>The address is what names a floating IP (in messages, completion, and a lookup by name).</summary>
        [JsonIgnore] public string? Name => FloatingIpAddress;

        public override string ToString() => FloatingIpAddress ?? Id;
    }
}
