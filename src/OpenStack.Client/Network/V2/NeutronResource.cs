namespace OpenStack.Client.Network.V2
{
    /// <summary>
    /// The fields every Neutron resource has (networks, subnets, routers, security groups, ports…), declared once;
    /// a resource's model adds its own.
    /// </summary>
    public abstract class NeutronResource : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("tags")] public List<string> Tags { get; set; } = new List<string>();
        [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("revision_number")] public int RevisionNumber { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id : Name!;
    }
}
