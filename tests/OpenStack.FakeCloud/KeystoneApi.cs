using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OpenStack.FakeCloud;

/// <summary>
/// Keystone v3's HTTP surface under /identity: version documents, token issue/validate/revoke, the caller's
/// projects, domains and catalog, and the admin's project list. Shapes, messages and headers are the ones a real
/// keystone 22 (Zed) answers with (tests/cloud/observed has the captures).
/// </summary>
internal sealed class KeystoneApi(FakeIdentity identity)
{
    private const string CouldNotComply = " The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.";
    private static readonly string[] SupportedMethods = ["password", "token", "application_credential"];

    private string V3Url => identity.BaseUri + "identity/v3";

    public async Task HandleAsync(HttpContext ctx, string path)
    {
        ctx.Response.Headers["Vary"] = "X-Auth-Token";
        ctx.Response.Headers["x-openstack-request-id"] = ctx.Items[FakeCloud.RequestIdKey] as string;
        var method = ctx.Request.Method == "HEAD" ? "GET" : ctx.Request.Method;
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            switch (segments)
            {
                case []:
                    ctx.Response.Headers.Location = V3Url + "/";
                    await JsonAsync(ctx, 300, new JsonObject { ["versions"] = new JsonObject { ["values"] = new JsonArray(VersionDocument()) } });
                    return;
                case ["v3"]:
                    await JsonAsync(ctx, 200, new JsonObject { ["version"] = VersionDocument() });
                    return;
                case ["v3", "auth", "tokens"]:
                    await (method switch
                    {
                        "POST" => IssueAsync(ctx),
                        "GET" => ValidateAsync(ctx),
                        "DELETE" => RevokeAsync(ctx),
                        _ => MethodNotAllowedAsync(ctx, "POST, HEAD, DELETE, OPTIONS, GET"),
                    });
                    return;
            }
            switch (segments, method)
            {
                case (["v3", "projects"], "POST"):
                    var created = await CreateProjectAsync(ctx, RequireToken(ctx));
                    await JsonAsync(ctx, 201, created, newline: true);
                    return;
                case (["v3", "projects", var deleteId], "DELETE"):
                    DeleteProject(RequireToken(ctx), deleteId);
                    SetStatus(ctx, 204);
                    return;
            }
            if (method != "GET")
            {
                await (segments is ["v3", ..] ? MethodNotAllowedAsync(ctx, "HEAD, OPTIONS, GET") : NotFoundAsync(ctx));
                return;
            }
            switch (segments)
            {
                case ["v3", "auth", "projects"]: await WithTokenAsync(ctx, t => ProjectList(ctx, identity.ProjectsOf(t.User.Id))); break;
                case ["v3", "auth", "domains"]: await WithTokenAsync(ctx, t => DomainList(ctx, identity.DomainsOf(t.User.Id))); break;
                case ["v3", "auth", "catalog"]: await WithTokenAsync(ctx, t => AuthCatalog(ctx, t)); break;
                case ["v3", "projects"]: await WithTokenAsync(ctx, t => ListProjects(ctx, t)); break;
                case ["v3", "projects", var id]: await WithTokenAsync(ctx, t => GetProject(ctx, t, id)); break;
                case ["v3", "users", var id, "projects"]: await WithTokenAsync(ctx, t => UserProjects(ctx, t, id)); break;
                case ["v3", "domains"]: await WithTokenAsync(ctx, t => t.IsAdmin ? DomainList(ctx, identity.Domains.Where(d => !HasQueryKey(ctx, "name") || d.Name == Py.ParseQuery(Py.RawQuery(ctx)).Last(p => p.Key == "name").Value)) : throw Forbidden("identity:list_domains")); break;
                case ["v3", "domains", var domainId]: await WithTokenAsync(ctx, t => t.IsAdmin
                    ? new JsonObject { ["domain"] = DomainJson(identity.FindDomain(domainId, null) ?? throw new KeystoneError(404, $"Could not find domain: {domainId}.")) }
                    : throw Forbidden("identity:get_domain")); break;
                default: await NotFoundAsync(ctx); break;
            }
        }
        catch (KeystoneError e)
        {
            await ErrorAsync(ctx, e);
        }
        catch (Exception) when (!ctx.Response.HasStarted && !ctx.RequestAborted.IsCancellationRequested)
        {
            await ErrorAsync(ctx, new KeystoneError(500, "An unexpected error prevented the server from fulfilling your request."));
        }
    }

    private JsonObject VersionDocument() => new()
    {
        ["id"] = "v3.14",
        ["status"] = "stable",
        ["updated"] = "2020-04-07T00:00:00Z",
        ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = V3Url + "/" }),
        ["media-types"] = new JsonArray(new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.identity-v3+json" }),
    };

    // ---------------------------------------------------------------- tokens

    private async Task IssueAsync(HttpContext ctx)
    {
        JsonNode? body;
        try { body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted); }
        catch (JsonException) { throw BadRequest("Expecting to find valid JSON in request body."); }
        if (body is not JsonObject root || root["auth"] is not JsonObject auth) throw BadRequest("Expecting to find auth in request body.");
        if (auth["identity"] is not JsonObject ident) throw new KeystoneError(400, "'identity' is a required property");
        if (ident["methods"] is not JsonArray methodArray || methodArray.Any(m => m?.GetValueKind() != JsonValueKind.String))
            throw new KeystoneError(400, "'methods' is a required property");
        var methods = methodArray.Select(m => m!.GetValue<string>()).Distinct().ToList();
        foreach (var m in methods)
            if (ident[m] is null) throw BadRequest($"Expecting to find {m} in identity.");
        if (methods.Count == 0 || methods.Any(m => !SupportedMethods.Contains(m)))
            throw new KeystoneError(401, "Attempted to authenticate with an unsupported method.")
            {
                Identity = new JsonObject { ["methods"] = new JsonArray("external", "password", "token", "oauth1", "mapped", "application_credential") },
            };

        FakeUser? user = null;
        IssuedToken? parent = null;
        FakeApplicationCredential? credential = null;
        var tokenMethods = new List<string>();
        foreach (var m in methods)
        {
            FakeUser found;
            switch (m)
            {
                case "password":
                    var u = (ident["password"] as JsonObject)?["user"] as JsonObject ?? throw Unauthorized();
                    found = ResolveUser(u);
                    if (!identity.CheckPassword(found, Str(u["password"]))) throw Unauthorized();
                    break;
                case "token":
                    var (token, state) = identity.Check(Str((ident["token"] as JsonObject)?["id"]));
                    if (state != FakeIdentity.TokenState.Valid)
                        throw new KeystoneError(404, token is null ? "Could not recognize Fernet token" : "Failed to validate token");
                    parent = token!;
                    found = token!.User;
                    tokenMethods.AddRange(token.Methods);
                    break;
                default:
                    var ac = ident["application_credential"] as JsonObject ?? throw Unauthorized();
                    credential = ResolveCredential(ac);
                    if (Str(ac["secret"]) != credential.Secret) throw Unauthorized();
                    if (auth["scope"] is not null)
                        throw new KeystoneError(401, "Error authenticating with application credential: Application credentials cannot request a scope.") { Identity = new JsonObject() };
                    found = identity.FindUser(credential.UserId) ?? throw Unauthorized();
                    break;
            }
            if (user is not null && user.Id != found.Id) throw Unauthorized();
            user = found;
        }
        if (!user!.Enabled) throw Unauthorized();

        var (projectId, domainId, system) = ResolveScope(auth["scope"], user, credential);
        var target = system ? "system" : projectId ?? domainId;
        var roles = credential?.Roles.ToList() ?? (target is null ? [] : identity.EffectiveRoles(user.Id, target));
        if (target is not null && roles.Count == 0) throw Unauthorized();

        var allMethods = methods.Concat(tokenMethods.Where(m => !methods.Contains(m))).ToList();
        var issued = identity.Issue(user, allMethods, projectId, domainId, system, roles, credential, parent);
        ctx.Response.Headers["X-Subject-Token"] = issued.Id;
        await JsonAsync(ctx, 201, TokenBody(issued, !HasQueryKey(ctx, "nocatalog")));
    }

    private FakeUser ResolveUser(JsonObject u)
    {
        if (Str(u["id"]) is { } id) return identity.FindUser(id) ?? throw Unauthorized();
        var name = Str(u["name"]) ?? throw Unauthorized();
        if (u["domain"] is not JsonObject d) throw BadRequest("Expecting to find domain in user.");
        var domain = identity.FindDomain(Str(d["id"]), Str(d["name"])) ?? throw Unauthorized();
        return identity.FindUser(name, domain.Id) ?? throw Unauthorized();
    }

    private FakeApplicationCredential ResolveCredential(JsonObject ac)
    {
        if (Str(ac["id"]) is { } id)
            return identity.FindApplicationCredential(c => c.Id == id) ?? throw new KeystoneError(404, $"Could not find Application Credential: {id}.");
        var name = Str(ac["name"]) ?? throw Unauthorized();
        var user = ac["user"] as JsonObject ?? throw BadRequest("Expecting to find user in application_credential.");
        var owner = ResolveUser(user);
        return identity.FindApplicationCredential(c => c.Name == name && c.UserId == owner.Id)
               ?? throw new KeystoneError(404, $"Could not find Application Credential: {name}.");
    }

    private (string? ProjectId, string? DomainId, bool System) ResolveScope(JsonNode? scope, FakeUser user, FakeApplicationCredential? credential)
    {
        if (credential is not null) return (credential.ProjectId, null, false);
        switch (scope)
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "unscoped":
                return (null, null, false);
            case JsonObject s when s["project"] is JsonObject p:
                FakeProject? project;
                if (Str(p["id"]) is { } pid) project = identity.FindProjectById(pid);
                else
                {
                    var name = Str(p["name"]) ?? throw Unauthorized();
                    if (p["domain"] is not JsonObject d) throw BadRequest("Expecting to find domain in project.");
                    var domain = identity.FindDomain(Str(d["id"]), Str(d["name"])) ?? throw Unauthorized();
                    project = identity.FindProject(name, domain.Id);
                }
                return project is { Enabled: true } ? (project.Id, null, false) : throw Unauthorized();
            case JsonObject s when s["domain"] is JsonObject d:
                var scoped = identity.FindDomain(Str(d["id"]), Str(d["name"]));
                return scoped is { Enabled: true } ? (null, scoped.Id, false) : throw Unauthorized();
            case JsonObject s when s["system"] is JsonObject:
                return (null, null, true);
            case null:
                // No scope asked for: keystone scopes to the user's default project when the user has a role there.
                if (user.DefaultProjectId is { } def && identity.FindProjectById(def) is { Enabled: true } && identity.EffectiveRoles(user.Id, def).Count > 0)
                    return (def, null, false);
                return (null, null, false);
            default:
                throw Unauthorized();
        }
    }

    private async Task ValidateAsync(HttpContext ctx)
    {
        var caller = RequireToken(ctx);
        var subject = SubjectToken(ctx, caller, "identity:validate_token");
        ctx.Response.Headers["X-Subject-Token"] = subject.Id;
        await JsonAsync(ctx, 200, TokenBody(subject, !HasQueryKey(ctx, "nocatalog")));
    }

    private Task RevokeAsync(HttpContext ctx)
    {
        var caller = RequireToken(ctx);
        identity.Revoke(SubjectToken(ctx, caller, "identity:revoke_token"));
        SetStatus(ctx, 204);
        return Task.CompletedTask;
    }

    private IssuedToken SubjectToken(HttpContext ctx, IssuedToken caller, string action)
    {
        var id = ctx.Request.Headers["X-Subject-Token"].ToString();
        if (id.Length == 0) throw Forbidden(action);
        var (subject, state) = identity.Check(id);
        if (state != FakeIdentity.TokenState.Valid) throw new KeystoneError(404, subject is null ? "Could not recognize Fernet token" : "Failed to validate token");
        if (!caller.IsAdmin && caller.User.Id != subject!.User.Id) throw Forbidden(action);
        return subject!;
    }

    private JsonObject TokenBody(IssuedToken t, bool includeCatalog)
    {
        var domainOfUser = identity.FindDomain(t.User.DomainId, null)!;
        var token = new JsonObject
        {
            ["methods"] = new JsonArray(t.Methods.Select(m => (JsonNode?)m).ToArray()),
            ["user"] = new JsonObject
            {
                ["domain"] = new JsonObject { ["id"] = domainOfUser.Id, ["name"] = domainOfUser.Name },
                ["id"] = t.User.Id,
                ["name"] = t.User.Name,
                ["password_expires_at"] = null,
            },
            ["audit_ids"] = new JsonArray(t.AuditIds.Select(a => (JsonNode?)a).ToArray()),
            ["expires_at"] = KeystoneTime(t.ExpiresAt),
            ["issued_at"] = KeystoneTime(t.IssuedAt),
        };
        var roles = new JsonArray(t.Roles.Select(r => (JsonNode?)new JsonObject { ["id"] = r.Id, ["name"] = r.Name }).ToArray());
        if (t.System)
        {
            token["roles"] = roles;
            token["system"] = new JsonObject { ["all"] = true };
        }
        else if (t.DomainId is not null)
        {
            var d = identity.FindDomain(t.DomainId, null)!;
            token["domain"] = new JsonObject { ["id"] = d.Id, ["name"] = d.Name };
            token["roles"] = roles;
        }
        else if (t.ProjectId is not null)
        {
            var p = identity.FindProjectById(t.ProjectId)!;
            var pd = identity.FindDomain(p.DomainId, null)!;
            token["project"] = new JsonObject { ["domain"] = new JsonObject { ["id"] = pd.Id, ["name"] = pd.Name }, ["id"] = p.Id, ["name"] = p.Name };
            token["is_domain"] = false;
            token["roles"] = roles;
        }
        // Keystone leaves the catalog out of unscoped tokens.
        if (includeCatalog && (t.System || t.DomainId is not null || t.ProjectId is not null)) token["catalog"] = identity.Catalog;
        if (t.Credential is { } c) token["application_credential"] = new JsonObject { ["id"] = c.Id, ["name"] = c.Name, ["restricted"] = true };
        return new JsonObject { ["token"] = token };
    }

    /// <summary>Keystone's timestamp format: 2026-11-22T21:00:00.000000Z.</summary>
    private static string KeystoneTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- projects, domains, catalog

    private JsonObject ProjectJson(FakeProject p) => new()
    {
        ["id"] = p.Id, ["name"] = p.Name, ["domain_id"] = p.DomainId, ["description"] = p.Description, ["enabled"] = p.Enabled,
        ["parent_id"] = p.DomainId, ["is_domain"] = false, ["tags"] = _tags.TryGetValue(p.Id, out var tags) ? tags.DeepClone() : new JsonArray(), ["options"] = new JsonObject(),
        ["links"] = new JsonObject { ["self"] = V3Url + "/projects/" + p.Id },
    };

    private JsonObject DomainJson(FakeDomain d) => new()
    {
        ["id"] = d.Id, ["name"] = d.Name, ["description"] = d.Description, ["enabled"] = d.Enabled, ["tags"] = new JsonArray(),
        ["options"] = new JsonObject(), ["links"] = new JsonObject { ["self"] = V3Url + "/domains/" + d.Id },
    };

    private JsonObject CollectionLinks(HttpContext ctx) => new()
    {
        ["next"] = null,
        ["self"] = identity.BaseUri.ToString().TrimEnd('/') + ctx.Request.Path + ctx.Request.QueryString,
        ["previous"] = null,
    };

    private JsonObject ProjectList(HttpContext ctx, IEnumerable<FakeProject> projects) => new()
    {
        ["projects"] = new JsonArray(projects.Select(p => (JsonNode?)ProjectJson(p)).ToArray()),
        ["links"] = CollectionLinks(ctx),
    };

    private JsonObject DomainList(HttpContext ctx, IEnumerable<FakeDomain> domains) => new()
    {
        ["domains"] = new JsonArray(domains.Select(d => (JsonNode?)DomainJson(d)).ToArray()),
        ["links"] = CollectionLinks(ctx),
    };

    private JsonObject AuthCatalog(HttpContext ctx, IssuedToken t)
    {
        if (t.ProjectId is null) throw new KeystoneError(403, "A project-scoped token is required to produce a service catalog.");
        return new JsonObject { ["catalog"] = identity.Catalog, ["links"] = new JsonObject { ["self"] = V3Url + "/auth/catalog" } };
    }

    private JsonObject ListProjects(HttpContext ctx, IssuedToken t)
    {
        if (!t.IsAdmin) throw Forbidden("identity:list_projects");
        var query = Py.ParseQuery(Py.RawQuery(ctx));
        string? Q(string key) => query.LastOrDefault(p => p.Key == key).Value;
        var projects = identity.Projects.Where(p =>
            (Q("name") is not { } name || p.Name == name) &&
            (Q("domain_id") is not { } domain || p.DomainId == domain) &&
            (Q("parent_id") is not { } parentId || p.DomainId == parentId) &&
            (Q("enabled") is not { } enabled || p.Enabled == !(enabled is "0" or "false" or "False")) &&
            (Q("is_domain") is not { } isDomain || isDomain is "0" or "false" or "False"));
        return ProjectList(ctx, projects);
    }

    // Tags given at creation; FakeProject has none of its own.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonArray> _tags = new();

    /// <summary>POST /v3/projects: 201 with the project; 409 for a name taken in the domain, as Keystone words it.</summary>
    private async Task<JsonObject> CreateProjectAsync(HttpContext ctx, IssuedToken t)
    {
        if (!t.IsAdmin) throw Forbidden("identity:create_project");
        JsonNode? body;
        try { body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted); }
        catch (JsonException) { throw BadRequest("Expecting to find valid JSON in request body."); }
        if (body is not JsonObject root || root["project"] is not JsonObject p) throw new KeystoneError(400, "'project' is a required property");
        var name = Str(p["name"]) ?? throw new KeystoneError(400, "'name' is a required property");
        var domainId = Str(p["domain_id"]) ?? identity.FindProjectById(t.ProjectId ?? "")?.DomainId ?? FakeIdentity.DefaultDomainId;
        if (identity.FindDomain(domainId, null) is null) throw new KeystoneError(400, $"Could not find domain: {domainId}.");
        var existing = identity.FindProject(name, domainId);
        if (existing is not null)
            throw new KeystoneError(409, $"Conflict occurred attempting to store project - it is not permitted to have two projects with either the same name or same id in the same domain: name is {name}, project id {existing.Id}.");
        var enabled = p["enabled"] is JsonValue e && e.GetValueKind() == JsonValueKind.False ? false : true;
        var project = identity.AddProject(name, domainId, Str(p["description"]) ?? "", enabled);
        if (p["tags"] is JsonArray tags) _tags[project.Id] = (JsonArray)tags.DeepClone();
        return new JsonObject { ["project"] = ProjectJson(project) };
    }

    private void DeleteProject(IssuedToken t, string id)
    {
        if (!t.IsAdmin) throw Forbidden("identity:delete_project");
        if (!identity.RemoveProject(id)) throw new KeystoneError(404, $"Could not find project: {id}.");
    }

    private JsonObject GetProject(HttpContext ctx, IssuedToken t, string id)
    {
        if (!t.IsAdmin && t.ProjectId != id) throw Forbidden("identity:get_project");
        var project = identity.FindProjectById(id) ?? throw new KeystoneError(404, $"Could not find project: {id}.");
        return new JsonObject { ["project"] = ProjectJson(project) };
    }

    private JsonObject UserProjects(HttpContext ctx, IssuedToken t, string userId)
    {
        if (!t.IsAdmin && t.User.Id != userId) throw Forbidden("identity:list_user_projects");
        if (identity.FindUser(userId) is null) throw new KeystoneError(404, $"Could not find user: {userId}.");
        return ProjectList(ctx, identity.ProjectsOf(userId));
    }

    // ---------------------------------------------------------------- plumbing

    private IssuedToken RequireToken(HttpContext ctx) => identity.Authenticate(ctx.Request.Headers["X-Auth-Token"].ToString()) ?? throw Unauthorized();

    /// <summary>The Flask-RESTful resources (projects, domains, catalog) end their JSON with a newline; tokens and versions do not.</summary>
    private async Task WithTokenAsync(HttpContext ctx, Func<IssuedToken, JsonObject> answer) => await JsonAsync(ctx, 200, answer(RequireToken(ctx)), newline: true);

    private static KeystoneError Unauthorized() => new(401, "The request you have made requires authentication.");

    private static KeystoneError BadRequest(string message) => new(400, message + CouldNotComply);

    private static KeystoneError Forbidden(string action) => new(403, $"You are not authorized to perform the requested action: {action}.");

    private static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool HasQueryKey(HttpContext ctx, string key) => Py.ParseQuery(Py.RawQuery(ctx)).Any(p => p.Key == key);

    /// <summary>Keystone runs on Flask/werkzeug: reason phrases in capitals ("201 CREATED").</summary>
    private static void SetStatus(HttpContext ctx, int status)
    {
        ctx.Response.StatusCode = status;
        var phrase = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        if (status == 300) phrase = "Multiple Choices";
        ctx.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = phrase.ToUpperInvariant();
    }

    private static Task JsonAsync(HttpContext ctx, int status, JsonObject body, bool newline = false)
    {
        SetStatus(ctx, status);
        return HttpOut.WriteTextAsync(ctx, Py.Dumps(body) + (newline ? "\n" : ""), "application/json");
    }

    private Task ErrorAsync(HttpContext ctx, KeystoneError e)
    {
        SetStatus(ctx, e.Status);
        if (e.Status == 401) ctx.Response.Headers.WWWAuthenticate = $"Keystone uri=\"{V3Url}\"";
        // Flask's jsonify: compact, keys sorted (code, identity, message, title), a newline at the end.
        var error = new JsonObject { ["code"] = e.Status };
        if (e.Identity is not null) error["identity"] = e.Identity;
        error["message"] = e.Message;
        error["title"] = e.Status switch { 400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found", 409 => "Conflict", _ => "Internal Server Error" };
        return HttpOut.WriteTextAsync(ctx, Py.Dumps(new JsonObject { ["error"] = error }, compact: true) + "\n", "application/json");
    }

    private static Task MethodNotAllowedAsync(HttpContext ctx, string allow)
    {
        SetStatus(ctx, 405);
        ctx.Response.Headers.Allow = allow;
        return HttpOut.WriteTextAsync(ctx, "{\"message\": \"The method is not allowed for the requested URL.\"}\n", "application/json");
    }

    private static Task NotFoundAsync(HttpContext ctx)
    {
        SetStatus(ctx, 404);
        return HttpOut.WriteTextAsync(ctx, "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n", "text/html; charset=utf-8");
    }

    private sealed class KeystoneError(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
        public JsonObject? Identity { get; init; }
    }
}
