namespace OpenStack.Client.Identity.V3
{
    /// <summary>
    /// Keystone projects: /v3/projects (an admin list) and /v3/auth/projects (the caller's own), {"project": …}, paged
    /// by "links": {"next": …}. Ids are tried first whatever they look like, as `openstack project show` does.
    /// </summary>
    public static class Projects
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("Project", "project");

        public static readonly ResourceDescriptor<Project> Resource = new ResourceDescriptor<Project>(
            Noun, "projects", "project", "projects", ProjectJson.Default.Project, PagingStyle.LinksObject, ResourceIdentity.Opaque,
            filters: new[] { "domain_id", "enabled", "parent_id", "is_domain", "tags" });

        /// <summary>The projects the caller may scope a token to (any user may ask); no name filter.</summary>
        public static readonly ResourceDescriptor<Project> OwnResource = new ResourceDescriptor<Project>(
            Noun, "auth/projects", "project", "projects", ProjectJson.Default.Project, PagingStyle.LinksObject, ResourceIdentity.Opaque,
            nameFilter: null);

        public static readonly ResourceNoun DomainNoun = new ResourceNoun("Domain", "domain");

        public static readonly ResourceDescriptor<Domain> Domains = new ResourceDescriptor<Domain>(
            DomainNoun, "domains", "domain", "domains", ProjectJson.Default.Domain, PagingStyle.LinksObject, ResourceIdentity.Opaque);
    }

    /// <summary>Filters of GET /v3/projects.</summary>
    public sealed class ListProjectsOptions : ListOptions
    {
        public string? DomainId { get; set; }

        private protected override void AddFilters(Http.QueryString query) => query.Add("domain_id", DomainId);
    }

    /// <summary>The body of POST /v3/projects.</summary>
    public sealed class CreateProjectOptions : RequestOptions
    {
        public string Name { get; set; } = string.Empty;
        public string? Description { get; set; }
        /// <summary>Unset: Keystone puts the project in the domain of the caller's project.</summary>
        public string? DomainId { get; set; }
        public bool Enabled { get; set; } = true;
        public System.Collections.Generic.IList<string> Tags { get; } = new System.Collections.Generic.List<string>();

        internal override BodyMap ToBody() => new BodyMap()
            .Set("name", Name)
            .Set("enabled", Enabled)
            .Set("description", Description)
            .Set("domain_id", DomainId)
            .Set("tags", Tags.Count > 0 ? new System.Collections.Generic.List<string>(Tags) : null);
    }

    public sealed class Domain : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("enabled")] public bool Enabled { get; set; }

        string? IResource.Name => Name;
    }

    [JsonSerializable(typeof(Project))]
    [JsonSerializable(typeof(Domain))]
    internal partial class ProjectJson : JsonSerializerContext
    {
    }
}
