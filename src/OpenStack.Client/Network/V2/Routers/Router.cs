namespace OpenStack.Client.Network.V2
{
    /// <summary>A Neutron router, with the fields `openstack router show` prints.</summary>
    public sealed class Router : NeutronResource
    {
        /// <summary>ACTIVE, DOWN, BUILD or ERROR.</summary>
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("admin_state_up")] public bool AdminStateUp { get; set; }
        [JsonPropertyName("external_gateway_info")] public ExternalGateway? ExternalGatewayInfo { get; set; }
        [JsonPropertyName("distributed")] public bool? Distributed { get; set; }
        [JsonPropertyName("ha")] public bool? Ha { get; set; }
        [JsonPropertyName("routes")] public List<HostRoute> Routes { get; set; } = new List<HostRoute>();
        [JsonPropertyName("availability_zones")] public List<string> AvailabilityZones { get; set; } = new List<string>();

        /// <summary>"UP" or "DOWN", as the CLI's State column shows admin_state_up.</summary>
        [JsonIgnore] public string State => AdminStateUp ? "UP" : "DOWN";
    }

    public sealed class ExternalGateway
    {
        [JsonPropertyName("network_id")] public string? NetworkId { get; set; }
        [JsonPropertyName("enable_snat")] public bool? EnableSnat { get; set; }
        [JsonPropertyName("external_fixed_ips")] public List<FixedIp> ExternalFixedIps { get; set; } = new List<FixedIp>();

        public override string ToString() => NetworkId ?? string.Empty;
    }

    public sealed class FixedIp
    {
        [JsonPropertyName("subnet_id")] public string? SubnetId { get; set; }
        [JsonPropertyName("ip_address")] public string? IpAddress { get; set; }

        public override string ToString() => IpAddress ?? string.Empty;
    }

    /// <summary>The answer of add_router_interface / remove_router_interface.</summary>
    public sealed class RouterInterface
    {
        [JsonPropertyName("id")] public string RouterId { get; set; } = string.Empty;
        [JsonPropertyName("port_id")] public string? PortId { get; set; }
        [JsonPropertyName("network_id")] public string? NetworkId { get; set; }
        [JsonPropertyName("subnet_id")] public string? SubnetId { get; set; }
        [JsonPropertyName("subnet_ids")] public List<string> SubnetIds { get; set; } = new List<string>();
        [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("tenant_id")] public string? TenantId { get; set; }
    }
}
