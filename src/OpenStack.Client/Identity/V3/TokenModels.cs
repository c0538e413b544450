using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

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
        [JsonPropertyName("endpoints")] public ValueList<CatalogEndpoint> Endpoints { get; set; } = new ValueList<CatalogEndpoint>();

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

    /// <summary>A Keystone project as GET /v3/projects and /v3/auth/projects give it.</summary>
    public sealed class Project
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("domain_id")] public string? DomainId { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("enabled")] public bool Enabled { get; set; }
        [JsonPropertyName("is_domain")] public bool IsDomain { get; set; }
        [JsonPropertyName("parent_id")] public string? ParentId { get; set; }
        [JsonPropertyName("tags")] public ValueList<string>? Tags { get; set; }

        public override string ToString() => Name;
    }

    internal sealed class ProjectList
    {
        [JsonPropertyName("projects")] public List<Project> Projects { get; set; } = new List<Project>();
        [JsonPropertyName("links")] public Links? Links { get; set; }
    }

    internal sealed class Links
    {
        [JsonPropertyName("next")] public string? Next { get; set; }
    }
}
