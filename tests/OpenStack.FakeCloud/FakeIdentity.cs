using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace OpenStack.FakeCloud;

public sealed record FakeDomain(string Id, string Name, string Description = "", bool Enabled = true);

public sealed record FakeProject(string Id, string Name, string DomainId, string Description = "", bool Enabled = true);

public sealed record FakeUser(string Id, string Name, string DomainId, string? DefaultProjectId, bool Enabled = true);

public sealed record FakeRole(string Id, string Name);

public sealed record FakeApplicationCredential(string Id, string Name, string UserId, string ProjectId, string Secret, IReadOnlyList<FakeRole> Roles);

/// <summary>
/// Keystone's state, seeded like <c>keystone-manage bootstrap</c> plus devstack-style demo users: domain Default
/// (id "default"); projects admin, service, demo, alt_demo; users admin (admin on project admin, on domain Default
/// and on the system), demo (member of demo) and alt_demo (member of alt_demo); roles reader ⊂ member ⊂ admin
/// (implied, as bootstrap makes them); an application credential of demo's on project demo.
/// </summary>
public sealed class FakeIdentity
{
    public const string DefaultDomainId = "default";
    public const string DemoPassword = "demo-Passw0rd";

    private readonly object _gate = new();
    private readonly List<FakeDomain> _domains = new();
    private readonly List<FakeProject> _projects = new();
    private readonly List<FakeUser> _users = new();
    private readonly Dictionary<string, string> _passwords = new();
    private readonly List<FakeRole> _roles = new();
    private readonly List<(string UserId, string Target, string RoleId)> _assignments = new(); // Target: project id, domain id or "system"
    private readonly List<FakeApplicationCredential> _appCredentials = new();
    private readonly Dictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    internal FakeIdentity(Uri baseUri, FakeCloudOptions options)
    {
        BaseUri = baseUri;
        TokenLifetime = options.TokenLifetime;
        _domains.Add(new FakeDomain(DefaultDomainId, "Default", "The default domain"));
        foreach (var role in new[] { "reader", "admin", "member" }) _roles.Add(new FakeRole(NewId(), role));

        AdminProjectId = AddProject("admin", description: "Bootstrap project for initializing the cloud.").Id;
        ServiceProjectId = AddProject("service", description: "service users").Id;
        DemoProjectId = AddProject("demo", description: "demo project (non-admin tests)").Id;
        AltDemoProjectId = AddProject("alt_demo", description: "second non-admin project").Id;

        AdminUserId = AddUser("admin", options.AdminPassword, "admin", "admin", setDefaultProject: false).Id;
        Grant(AdminUserId, DefaultDomainId, "admin");
        Grant(AdminUserId, "system", "admin");
        DemoUserId = AddUser("demo", DemoPassword, "demo").Id;
        AddUser("alt_demo", DemoPassword, "alt_demo");

        var credential = AddApplicationCredential("demo", "demo", "demo-appcred");
        (ApplicationCredentialId, ApplicationCredentialSecret) = (credential.Id, credential.Secret);

        _catalog = BuildCatalog().ToJsonString();
    }

    internal Uri BaseUri { get; }

    /// <summary>Lifetime of new tokens; change it to test expiry without waiting an hour.</summary>
    public TimeSpan TokenLifetime { get; set; }

    public string AdminUserId { get; }
    public string AdminProjectId { get; }
    public string ServiceProjectId { get; }
    public string DemoUserId { get; }
    public string DemoProjectId { get; }
    public string AltDemoProjectId { get; }
    public string ApplicationCredentialId { get; }
    public string ApplicationCredentialSecret { get; }
    public string ApplicationCredentialName => "demo-appcred";

    public IReadOnlyList<FakeDomain> Domains { get { lock (_gate) return _domains.ToList(); } }
    public IReadOnlyList<FakeProject> Projects { get { lock (_gate) return _projects.ToList(); } }
    public IReadOnlyList<FakeUser> Users { get { lock (_gate) return _users.ToList(); } }
    public IReadOnlyList<FakeRole> Roles { get { lock (_gate) return _roles.ToList(); } }

    /// <summary>Tokens issued so far (valid or not).</summary>
    public int IssuedTokenCount { get { lock (_gate) return _tokens.Count; } }

    public FakeDomain AddDomain(string name, string description = "")
    {
        lock (_gate)
        {
            var domain = new FakeDomain(NewId(), name, description);
            _domains.Add(domain);
            return domain;
        }
    }

    public FakeProject AddProject(string name, string domainId = DefaultDomainId, string description = "", bool enabled = true)
    {
        lock (_gate)
        {
            if (_projects.Any(p => p.Name == name && p.DomainId == domainId)) throw new InvalidOperationException($"Project {name} exists in domain {domainId}.");
            var project = new FakeProject(NewId(), name, domainId, description, enabled);
            _projects.Add(project);
            return project;
        }
    }

    /// <summary>Deletes a project (and its role assignments' target goes with it); false when there was none.</summary>
    public bool RemoveProject(string id)
    {
        lock (_gate) return _projects.RemoveAll(p => p.Id == id) > 0;
    }

    /// <summary>Adds a user; with <paramref name="projectName"/> it gets <paramref name="role"/> there (and it becomes its default project).</summary>
    public FakeUser AddUser(string name, string password, string? projectName = null, string role = "member",
        string domainId = DefaultDomainId, bool enabled = true, bool setDefaultProject = true)
    {
        lock (_gate)
        {
            var project = projectName is null ? null : FindProject(projectName, domainId) ?? throw new ArgumentException($"No project {projectName}.");
            var user = new FakeUser(NewId(), name, domainId, setDefaultProject ? project?.Id : null, enabled);
            _users.Add(user);
            _passwords[user.Id] = password;
            if (project is not null) Grant(user.Id, project.Id, role);
            return user;
        }
    }

    /// <summary>Gives a user a role on a project id, a domain id or "system".</summary>
    public void Grant(string userId, string targetId, string role)
    {
        lock (_gate)
        {
            var roleId = _roles.FirstOrDefault(r => r.Name == role)?.Id ?? throw new ArgumentException($"No role {role}.");
            _assignments.Add((userId, targetId, roleId));
        }
    }

    public FakeApplicationCredential AddApplicationCredential(string userName, string projectName, string name)
    {
        lock (_gate)
        {
            var user = _users.First(u => u.Name == userName);
            var project = FindProject(projectName, user.DomainId) ?? throw new ArgumentException($"No project {projectName}.");
            var secret = Base64Url(RandomNumberGenerator.GetBytes(64));
            var credential = new FakeApplicationCredential(NewId(), name, user.Id, project.Id, secret, EffectiveRoles(user.Id, project.Id));
            _appCredentials.Add(credential);
            return credential;
        }
    }

    /// <summary>Makes every token issued so far expired: the next service call with one gets 401.</summary>
    public void ExpireAllTokens()
    {
        lock (_gate)
            foreach (var token in _tokens.Values) token.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
    }

    public void RevokeAllTokens()
    {
        lock (_gate)
            foreach (var token in _tokens.Values) token.Revoked = true;
    }

    // ---------------------------------------------------------------- used by the HTTP layers

    private readonly string _catalog;

    /// <summary>A fresh copy of the service catalog (JSON nodes are not shared between requests).</summary>
    internal JsonArray Catalog => JsonNode.Parse(_catalog)!.AsArray();

    internal enum TokenState { Valid, Unknown, Invalid }

    internal (IssuedToken? Token, TokenState State) Check(string? id)
    {
        if (string.IsNullOrEmpty(id)) return (null, TokenState.Unknown);
        lock (_gate)
        {
            if (!_tokens.TryGetValue(id, out var token)) return (null, TokenState.Unknown);
            return token.Revoked || token.ExpiresAt <= DateTimeOffset.UtcNow ? (token, TokenState.Invalid) : (token, TokenState.Valid);
        }
    }

    /// <summary>The token behind an X-Auth-Token header, if it is valid now (what keystonemiddleware checks).</summary>
    internal IssuedToken? Authenticate(string? id) => Check(id) is ({ } token, TokenState.Valid) ? token : null;

    internal void Revoke(IssuedToken token)
    {
        lock (_gate) token.Revoked = true;
    }

    internal FakeUser? FindUser(string id) { lock (_gate) return _users.FirstOrDefault(u => u.Id == id); }
    internal FakeUser? FindUser(string name, string domainId) { lock (_gate) return _users.FirstOrDefault(u => u.Name == name && u.DomainId == domainId); }
    internal FakeDomain? FindDomain(string? id, string? name) { lock (_gate) return _domains.FirstOrDefault(d => id is not null ? d.Id == id : d.Name == name); }
    internal FakeProject? FindProjectById(string id) { lock (_gate) return _projects.FirstOrDefault(p => p.Id == id); }
    internal FakeProject? FindProject(string name, string domainId) { lock (_gate) return _projects.FirstOrDefault(p => p.Name == name && p.DomainId == domainId); }
    internal FakeApplicationCredential? FindApplicationCredential(Func<FakeApplicationCredential, bool> match) { lock (_gate) return _appCredentials.FirstOrDefault(match); }

    internal bool CheckPassword(FakeUser user, string? password)
    {
        lock (_gate) return user.Enabled && password is not null && _passwords.TryGetValue(user.Id, out var p) && p == password;
    }

    /// <summary>Roles on a target with the implied ones (admin ⇒ member ⇒ reader), in the roles' order.</summary>
    internal List<FakeRole> EffectiveRoles(string userId, string target)
    {
        lock (_gate)
        {
            var names = _assignments.Where(a => a.UserId == userId && a.Target == target)
                .Select(a => _roles.First(r => r.Id == a.RoleId).Name).ToHashSet();
            if (names.Contains("admin")) names.Add("member");
            if (names.Contains("member")) names.Add("reader");
            return _roles.Where(r => names.Contains(r.Name)).ToList();
        }
    }

    /// <summary>Projects on which the user has any role (GET /v3/auth/projects, /v3/users/{id}/projects).</summary>
    internal List<FakeProject> ProjectsOf(string userId)
    {
        lock (_gate)
            return _projects.Where(p => _assignments.Any(a => a.UserId == userId && a.Target == p.Id)).ToList();
    }

    internal List<FakeDomain> DomainsOf(string userId)
    {
        lock (_gate)
            return _domains.Where(d => _assignments.Any(a => a.UserId == userId && a.Target == d.Id)).ToList();
    }

    internal IssuedToken Issue(FakeUser user, IReadOnlyList<string> methods, string? projectId, string? domainId, bool system,
        List<FakeRole> roles, FakeApplicationCredential? credential, IssuedToken? parent)
    {
        // Fernet tokens carry whole seconds, so keystone's timestamps always end in ".000000Z".
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var token = new IssuedToken
        {
            Id = "gAAAAAB" + Base64Url(RandomNumberGenerator.GetBytes(135)),
            User = user,
            Methods = methods.ToList(),
            ProjectId = projectId,
            DomainId = domainId,
            System = system,
            Roles = roles,
            Credential = credential,
            IssuedAt = now,
            // A rescoped token keeps the expiry of the token it came from.
            ExpiresAt = parent?.ExpiresAt ?? now + TokenLifetime,
            AuditIds = parent is null ? [NewAuditId()] : [NewAuditId(), parent.AuditIds[^1]],
        };
        lock (_gate) _tokens[token.Id] = token;
        return token;
    }

    private JsonArray BuildCatalog()
    {
        JsonObject Endpoint(string iface, string region, string url) =>
            new() { ["id"] = NewId(), ["interface"] = iface, ["region_id"] = region, ["url"] = url, ["region"] = region };
        JsonArray Endpoints(string region, string url) => new(Endpoint("public", region, url), Endpoint("internal", region, url), Endpoint("admin", region, url));

        var image = Endpoints("RegionOne", BaseUri + "image");
        foreach (var e in Endpoints("RegionTwo", BaseUri + "image-r2").ToList()) image.Add(e!.DeepClone());
        return new JsonArray(
            new JsonObject { ["endpoints"] = Endpoints("RegionOne", BaseUri + "identity"), ["id"] = NewId(), ["type"] = "identity", ["name"] = "keystone" },
            new JsonObject { ["endpoints"] = image, ["id"] = NewId(), ["type"] = "image", ["name"] = "glance" },
            new JsonObject { ["endpoints"] = Endpoints("RegionOne", BaseUri + "compute/v2.1"), ["id"] = NewId(), ["type"] = "compute", ["name"] = "nova" },
            new JsonObject { ["endpoints"] = Endpoints("RegionOne", BaseUri + "network"), ["id"] = NewId(), ["type"] = "network", ["name"] = "neutron" });
    }

    internal static string NewId() => Guid.NewGuid().ToString("N");

    private static string NewAuditId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A token keystone issued; mutable only for expiry and revocation.</summary>
internal sealed class IssuedToken
{
    public required string Id { get; init; }
    public required FakeUser User { get; init; }
    public required List<string> Methods { get; init; }
    public string? ProjectId { get; init; }
    public string? DomainId { get; init; }
    public bool System { get; init; }
    public required List<FakeRole> Roles { get; init; }
    public FakeApplicationCredential? Credential { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; set; }
    public required List<string> AuditIds { get; init; }
    public bool Revoked { get; set; }

    /// <summary>oslo.policy's context_is_admin: the admin role, whatever the scope.</summary>
    public bool IsAdmin => Roles.Any(r => r.Name == "admin");
}
