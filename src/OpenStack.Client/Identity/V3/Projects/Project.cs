namespace OpenStack.Client.Identity.V3
{
    /// <summary>A Keystone project as GET /v3/projects and /v3/auth/projects give it.</summary>
    public sealed class Project : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("domain_id")] public string? DomainId { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("enabled")] public bool Enabled { get; set; }
        [JsonPropertyName("is_domain")] public bool IsDomain { get; set; }
        [JsonPropertyName("parent_id")] public string? ParentId { get; set; }
        [JsonPropertyName("tags")] public List<string>? Tags { get; set; }

        string? IResource.Name => Name;

        public override string ToString() => Name;
    }
}
