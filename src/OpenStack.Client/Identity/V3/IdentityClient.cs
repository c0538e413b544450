using System;
using System.Collections.Generic;
using System.Threading;
using OpenStack.Client.Http;
using OpenStack.Client.Json;

namespace OpenStack.Client.Identity.V3
{
    /// <summary>Keystone v3 calls beyond authentication. Talks to the auth URL the session was opened with.</summary>
    public sealed class IdentityClient : ServiceClient
    {
        public IdentityClient(OpenStackSession session) : base(session, session.IdentityRoot) { }

        /// <summary>GET /v3/auth/projects: the projects the user may scope a token to (any user may ask).</summary>
        public Pager<Project> ListAuthProjects(CancellationToken cancellationToken) =>
            ProjectPager(Urls.AuthProjects(Root), cancellationToken);

        /// <summary>GET /v3/projects: every project (an admin call), optionally filtered by exact name or domain.</summary>
        public Pager<Project> ListProjects(string? name, string? domainId, CancellationToken cancellationToken) =>
            ProjectPager(new QueryString().Add("name", name).Add("domain_id", domainId).AppendTo(Urls.Projects(Root)), cancellationToken);

        private Pager<Project> ProjectPager(Uri first, CancellationToken cancellationToken) =>
            Pager<Project>.Create(this, first, ClientJsonContext.Default.ProjectList,
                page => ((IReadOnlyList<Project>)page.Projects, page.Links?.Next), next => new Uri(Root, next), cancellationToken);
    }
}
