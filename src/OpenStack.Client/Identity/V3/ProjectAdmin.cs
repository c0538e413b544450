using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Json;

namespace OpenStack.Client.Identity.V3
{
    /// <summary>The body of POST /v3/projects.</summary>
    public sealed class CreateProjectOptions
    {
        public string Name { get; set; } = string.Empty;
        public string? Description { get; set; }
        /// <summary>Unset: Keystone puts the project in the domain of the caller's project.</summary>
        public string? DomainId { get; set; }
        public bool Enabled { get; set; } = true;
        public IList<string> Tags { get; } = new List<string>();
    }

    public sealed class Domain
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    }

    internal sealed class ProjectEnvelope
    {
        [JsonPropertyName("project")] public Project Project { get; set; } = new Project();
    }

    internal sealed class DomainEnvelope
    {
        [JsonPropertyName("domain")] public Domain Domain { get; set; } = new Domain();
    }

    internal sealed class DomainList
    {
        [JsonPropertyName("domains")] public List<Domain> Domains { get; set; } = new List<Domain>();
    }

    /// <summary>Keystone admin calls: project create, show, find and delete; domain lookup.</summary>
    public static class ProjectAdmin
    {
        /// <summary>POST /v3/projects (201; 409 when the domain already has a project of that name).</summary>
        public static async Task<Project> CreateProjectAsync(this IdentityClient client, CreateProjectOptions o, CancellationToken cancellationToken)
        {
            var project = new Dictionary<string, object>(StringComparer.Ordinal) { ["name"] = o.Name, ["enabled"] = o.Enabled };
            if (o.Description != null) project["description"] = o.Description;
            if (o.DomainId != null) project["domain_id"] = o.DomainId;
            if (o.Tags.Count > 0) project["tags"] = o.Tags.ToArray();
            var bytes = JsonBodyWriter.Write(new Dictionary<string, object>(StringComparer.Ordinal) { ["project"] = project });
            using var response = await client.SendAsync(() =>
            {
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return new HttpRequestMessage(HttpMethod.Post, Urls.Projects(client.Root)) { Content = content };
            }, cancellationToken).ConfigureAwait(false);
            return (await ServiceClient.ReadJsonAsync(response, IdentityJsonContext.Default.ProjectEnvelope).ConfigureAwait(false)).Project;
        }

        public static async Task<Project> GetProjectAsync(this IdentityClient client, string id, CancellationToken cancellationToken) =>
            (await client.GetJsonAsync(new Uri(client.Root, "projects/" + Uri.EscapeDataString(id)), IdentityJsonContext.Default.ProjectEnvelope, cancellationToken)
                .ConfigureAwait(false)).Project;

        /// <summary>A project by id, or else by exact name (GET /v3/projects?name=), as `openstack project show`.</summary>
        public static async Task<Project> FindProjectAsync(this IdentityClient client, string nameOrId, string? domainId, CancellationToken cancellationToken)
        {
            try
            {
                return await client.GetProjectAsync(nameOrId, cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
            }
            var matches = await client.ListProjects(nameOrId, domainId, cancellationToken).AllAsync().ConfigureAwait(false);
            if (matches.Count == 0) throw new ResourceNotFoundException(Resources.LegacyNouns.Project, nameOrId);
            if (matches.Count > 1) throw new AmbiguousNameException(Resources.LegacyNouns.Project, nameOrId, matches.Select(p => p.Id));
            return matches[0];
        }

        /// <summary>DELETE /v3/projects/{id} (204).</summary>
        public static async Task DeleteProjectAsync(this IdentityClient client, string id, CancellationToken cancellationToken)
        {
            using var _ = await client.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, new Uri(client.Root, "projects/" + Uri.EscapeDataString(id))),
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A domain's id from its name (GET /v3/domains?name=) or its id (GET /v3/domains/{id}).</summary>
        public static async Task<string> FindDomainIdAsync(this IdentityClient client, string nameOrId, CancellationToken cancellationToken)
        {
            var byName = await client.GetJsonAsync(new Uri(client.Root, "domains?name=" + Uri.EscapeDataString(nameOrId)), IdentityJsonContext.Default.DomainList,
                cancellationToken).ConfigureAwait(false);
            if (byName.Domains.Count == 1) return byName.Domains[0].Id;
            try
            {
                return (await client.GetJsonAsync(new Uri(client.Root, "domains/" + Uri.EscapeDataString(nameOrId)), IdentityJsonContext.Default.DomainEnvelope,
                    cancellationToken).ConfigureAwait(false)).Domain.Id;
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ResourceNotFoundException(Resources.LegacyNouns.Domain, nameOrId);
            }
        }
    }
}
