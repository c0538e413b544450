namespace OpenStack.Client.Network.V2
{
    /// <summary>A Neutron security group, with the fields `openstack security group show` prints (its rules inline).</summary>
    public sealed class SecurityGroup : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("stateful")] public bool Stateful { get; set; } = true;
        [JsonPropertyName("shared")] public bool Shared { get; set; }
        [JsonPropertyName("security_group_rules")] public ValueList<SecurityGroupRule> Rules { get; set; } = new ValueList<SecurityGroupRule>();
        [JsonPropertyName("tags")] public ValueList<string> Tags { get; set; } = new ValueList<string>();
        [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("revision_number")] public int RevisionNumber { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id : Name!;
    }
}
