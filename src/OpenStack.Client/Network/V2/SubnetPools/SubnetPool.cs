namespace OpenStack.Client.Network.V2
{
    /// <summary>
    /// A Neutron subnet pool, with the fields `openstack subnet pool show` prints. Neutron (Zed) writes the three
    /// prefix lengths as JSON strings ("26"), other deployments as numbers: both are read.
    /// </summary>
    public sealed class SubnetPool : NeutronResource
    {
        [JsonPropertyName("prefixes")] public ValueList<string> Prefixes { get; set; } = new ValueList<string>();
        [JsonPropertyName("ip_version")] public int IpVersion { get; set; }
        [JsonPropertyName("default_prefixlen"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public int DefaultPrefixLength { get; set; }
        [JsonPropertyName("min_prefixlen"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public int MinPrefixLength { get; set; }
        [JsonPropertyName("max_prefixlen"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public int MaxPrefixLength { get; set; }
        [JsonPropertyName("default_quota")] public int? DefaultQuota { get; set; }
        [JsonPropertyName("shared")] public bool Shared { get; set; }
        [JsonPropertyName("is_default")] public bool IsDefault { get; set; }
        [JsonPropertyName("address_scope_id")] public string? AddressScopeId { get; set; }
    }
}
