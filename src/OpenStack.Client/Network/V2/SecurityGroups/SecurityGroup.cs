namespace OpenStack.Client.Network.V2
{
    /// <summary>A Neutron security group, with the fields `openstack security group show` prints (its rules inline).</summary>
    public sealed class SecurityGroup : NeutronResource
    {
        [JsonPropertyName("stateful")] public bool Stateful { get; set; } = true;
        [JsonPropertyName("shared")] public bool Shared { get; set; }
        [JsonPropertyName("security_group_rules")] public ValueList<SecurityGroupRule> Rules { get; set; } = new ValueList<SecurityGroupRule>();
    }
}
