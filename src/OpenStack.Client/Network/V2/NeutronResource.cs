namespace OpenStack.Client.Network.V2
{
    /// <summary>
    /// The standard attributes every Neutron object has (networks, subnets, routers, security groups, ports, floating
    /// IPs…), declared once; a model adds its own. Floating IPs derive this directly: they have no name field.
    /// </summary>
    public abstract class NeutronObject
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("tags")] public ValueList<string> Tags { get; set; } = new ValueList<string>();
        [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("revision_number")] public int RevisionNumber { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
    }

    /// <summary>A named Neutron resource: the standard attributes and its name.</summary>
    public abstract class NeutronResource : NeutronObject, IResource
    {
        [JsonPropertyName("name")] public string? Name { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id : Name!;
    }
}
