namespace OpenStack.Client.Identity.V3
{
    // Shapes of Keystone v3's POST /v3/auth/tokens answer (api-ref "Password authentication with scoped authorization").

    internal sealed class TokenEnvelope
    {
        [JsonPropertyName("token")] public TokenBody? Token { get; set; }
    }

    internal sealed class TokenBody
    {
        [JsonPropertyName("methods")] public List<string>? Methods { get; set; }
        [JsonPropertyName("expires_at")] public DateTimeOffset ExpiresAt { get; set; }
        [JsonPropertyName("issued_at")] public DateTimeOffset IssuedAt { get; set; }
        [JsonPropertyName("user")] public NamedRef? User { get; set; }
        [JsonPropertyName("project")] public NamedRef? Project { get; set; }
        [JsonPropertyName("domain")] public NamedRef? Domain { get; set; }
        [JsonPropertyName("roles")] public List<NamedRef>? Roles { get; set; }
        [JsonPropertyName("catalog")] public List<CatalogService>? Catalog { get; set; }
    }

    internal sealed class NamedRef
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("domain")] public NamedRef? Domain { get; set; }
    }

    /// <summary>One service of the catalog: its type (image, compute, …) and its endpoints.</summary>
    public sealed class CatalogService
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("type")] public string Type { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("endpoints")] public List<CatalogEndpoint> Endpoints { get; set; } = new List<CatalogEndpoint>();

        public override string ToString() => $"{Type} ({Name})";
    }

    public sealed class CatalogEndpoint
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("interface")] public string Interface { get; set; } = string.Empty;
        [JsonPropertyName("region_id")] public string? RegionId { get; set; }
        [JsonPropertyName("region")] public string? Region { get; set; }
        [JsonPropertyName("url")] public string Url { get; set; } = string.Empty;

        public override string ToString() => $"{Interface} {Region ?? RegionId} {Url}";
    }
}
