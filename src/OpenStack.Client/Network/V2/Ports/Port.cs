namespace OpenStack.Client.Network.V2
{
    /// <summary>A Neutron port, with the fields `openstack port show` prints.</summary>
    public sealed class Port : NeutronResource
    {
        [JsonPropertyName("network_id")] public string NetworkId { get; set; } = string.Empty;
        [JsonPropertyName("mac_address")] public string? MacAddress { get; set; }
        [JsonPropertyName("fixed_ips")] public ValueList<FixedIp> FixedIps { get; set; } = new ValueList<FixedIp>();
        [JsonPropertyName("device_id")] public string? DeviceId { get; set; }
        [JsonPropertyName("device_owner")] public string? DeviceOwner { get; set; }
        /// <summary>The ids of the port's security groups (the CLI's security_group_ids).</summary>
        [JsonPropertyName("security_groups")] public ValueList<string> SecurityGroups { get; set; } = new ValueList<string>();
        /// <summary>Null on a cloud without the port-security extension.</summary>
        [JsonPropertyName("port_security_enabled")] public bool? PortSecurityEnabled { get; set; }
        [JsonPropertyName("admin_state_up")] public bool AdminStateUp { get; set; }
        /// <summary>ACTIVE, DOWN, BUILD or ERROR.</summary>
        [JsonPropertyName("status")] public string? Status { get; set; }
    }
}
