namespace OpenStack.Client.Network.V2
{
    /// <summary>A rule of a security group, with the fields `openstack security group rule show` prints.</summary>
    public sealed class SecurityGroupRule : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("security_group_id")] public string SecurityGroupId { get; set; } = string.Empty;
        [JsonPropertyName("direction")] public string? Direction { get; set; }
        [JsonPropertyName("ethertype")] public string? EtherType { get; set; }
        [JsonPropertyName("protocol")] public string? Protocol { get; set; }
        [JsonPropertyName("port_range_min")] public int? PortRangeMin { get; set; }
        [JsonPropertyName("port_range_max")] public int? PortRangeMax { get; set; }
        [JsonPropertyName("remote_ip_prefix")] public string? RemoteIpPrefix { get; set; }
        [JsonPropertyName("remote_group_id")] public string? RemoteGroupId { get; set; }
        [JsonPropertyName("remote_address_group_id")] public string? RemoteAddressGroupId { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("revision_number")] public int RevisionNumber { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>Rules have no name: the id names them (in messages, ShouldProcess, completion).</summary>
        string? IResource.Name => null;

        /// <summary>The port range as the CLI's "Port Range" column shows it: "22:22", "8000:8080", or "" for any.</summary>
        [JsonIgnore] public string PortRange => PortRangeMin == null && PortRangeMax == null ? "" : $"{PortRangeMin}:{PortRangeMax}";

        public override string ToString() => Id;
    }
}
