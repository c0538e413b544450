using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>
/// Neutron v2.0's HTTP surface under /network, behind
/// keystonemiddleware: every kind of <see cref="NeutronKinds"/> (networks, subnets, routers and their interfaces, ports,
/// security groups and rules, floating IPs) through one list/show/create/update/delete. Status codes (201 create, 204 delete), the NeutronError body, the X-Openstack-Request-Id
/// header and the "*_links" pagination (limit/marker, sorted by id) are as the real Zed server answers.
/// </summary>
internal sealed class NeutronApi(FakeNeutron store, FakeIdentity identity)
{
    private const string Json = "application/json";
    // Query parameters that steer the listing rather than filter it.
    /// <summary>The aliases of the real cloud's extensions (GET /v2.0/extensions) that the fake serves.</summary>
    private static readonly string[] Extensions =
    [
        "security-group", "port-security", "router", "external-net", "ext-gw-mode", "binding", "project-id", "pagination", "filter-validation",
        "standard-attr-description", "standard-attr-tag", "standard-attr-timestamp", "standard-attr-revisions", "stateful-security-group",
        "security-groups-normalized-cidr", "fip-port-details", "provider", "net-mtu", "allowed-address-pairs", "extra_dhcp_opt",
    ];

    private static readonly HashSet<string> Paging = ["limit", "marker", "page_reverse", "fields", "sort_key", "sort_dir"];

    public async Task HandleAsync(HttpContext ctx, string path)
    {
        if (path is "" or "/")
        {
            // Version discovery (openstacksdk asks first) sits before authentication and the request-id filter.
            await HttpOut.WriteTextAsync(ctx, Py.Dumps(new JsonObject
            {
                ["versions"] = new JsonArray(new JsonObject
                {
                    ["id"] = "v2.0", ["status"] = "CURRENT",
                    ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = identity.BaseUri + "network/v2.0/" }),
                }),
            }), Json);
            return;
        }
        ctx.Response.Headers["X-Openstack-Request-Id"] = ctx.Items[FakeCloud.RequestIdKey] as string;
        try
        {
            var token = identity.Authenticate(ctx.Request.Headers["X-Auth-Token"].ToString());
            if (token is null)
            {
                ctx.Response.Headers["Www-Authenticate"] = $"Keystone uri=\"{identity.BaseUri}identity\"";
                ctx.Response.StatusCode = 401;
                await HttpOut.WriteTextAsync(ctx, Py.Dumps(new JsonObject
                {
                    ["error"] = new JsonObject { ["code"] = 401, ["title"] = "Unauthorized", ["message"] = "The request you have made requires authentication." },
                }), Json);
                return;
            }
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length < 2 || segments[0] != "v2.0") throw new NeutronError(404, "HTTPNotFound", "The resource could not be found.");
            var caller = new NeutronCaller(token.ProjectId ?? "", token.IsAdmin);
            await RouteAsync(ctx, caller, segments[1..]);
        }
        catch (NeutronError e) when (!ctx.Response.HasStarted)
        {
            ctx.Response.StatusCode = e.Status;
            await HttpOut.WriteTextAsync(ctx, Py.Dumps(new JsonObject
            {
                ["NeutronError"] = new JsonObject { ["type"] = e.Type, ["message"] = e.Message, ["detail"] = "" },
            }), Json);
        }
        catch (Exception e) when (!ctx.Response.HasStarted && !ctx.RequestAborted.IsCancellationRequested)
        {
            // What neutron-server's fault wrapper answers for an unexpected exception.
            ctx.Response.StatusCode = 500;
            await HttpOut.WriteTextAsync(ctx, Py.Dumps(new JsonObject
            {
                ["NeutronError"] = new JsonObject
                {
                    ["type"] = "HTTPInternalServerError", ["message"] = "Request Failed: internal server error while processing your request.",
                    ["detail"] = Environment.GetEnvironmentVariable("OSFAKE_DEBUG") == "1" ? e.ToString() : "",
                },
            }), Json);
        }
    }

    private async Task RouteAsync(HttpContext ctx, NeutronCaller caller, string[] segments)
    {
        if (segments is ["extensions"] && ctx.Request.Method == "GET")
        {
            // The CLI asks which extensions there are before it sends a port's security groups.
            ctx.Response.StatusCode = 200;
            await HttpOut.WriteTextAsync(ctx, Py.Dumps(new JsonObject
            {
                ["extensions"] = new JsonArray(Extensions.Select(e => (JsonNode)new JsonObject
                {
                    ["name"] = e, ["alias"] = e, ["description"] = e, ["updated"] = "2022-09-01T00:00:00-00:00", ["links"] = new JsonArray(),
                }).ToArray()),
            }), Json);
            return;
        }
        if (!NeutronKinds.ByPath.TryGetValue(segments[0], out var kind)) throw new NeutronError(404, "HTTPNotFound", "The resource could not be found.");
        var query = Py.ParseQuery(Py.RawQuery(ctx));
        store.Locked(() => { kind.OnFirstUse?.Invoke(store, caller, query); return 0; });
        switch (segments[1..], ctx.Request.Method)
        {
            case ([], "GET"):
                await ListAsync(ctx, caller, kind, query);
                break;
            case ([], "POST"):
                var input = await BodyAsync(ctx, kind.Singular);
                if (kind == NeutronKinds.Networks && !caller.Admin)
                    Authorize("create_network", input, ["shared", "router:external", "provider:network_type", "provider:physical_network", "provider:segmentation_id"]);
                await WriteAsync(ctx, 201, kind, store.Locked(() => store.Show(kind, store.Create(kind, input, caller, Owner(input, caller)), caller)));
                break;
            case ([var id], "GET"):
                await WriteAsync(ctx, 200, kind, store.Locked(() => store.Show(kind, store.Get(kind, id, caller), caller)));
                break;
            case ([var id], "PUT"):
                var changes = await BodyAsync(ctx, kind.Singular);
                await WriteAsync(ctx, 200, kind, store.Locked(() => store.Show(kind, store.Update(kind, id, changes, caller), caller)));
                break;
            case ([var id], "DELETE"):
                store.Locked(() => { store.Delete(kind, id, caller); return 0; });
                ctx.Response.StatusCode = 204;
                ctx.Response.ContentLength = 0;
                break;
            case ([var id, var action], "PUT") when kind == NeutronKinds.Routers && action is "add_router_interface" or "remove_router_interface":
                var body = await BodyAsync(ctx, null);
                var subnetId = body["subnet_id"]?.GetValue<string>() ?? throw new NeutronError(400, "BadRequest", "Bad router request: Either subnet_id or port_id must be specified.");
                var answer = store.Locked(() => action == "add_router_interface" ? store.AddInterface(id, subnetId, caller) : store.RemoveInterface(id, subnetId, caller));
                ctx.Response.StatusCode = 200;
                await HttpOut.WriteTextAsync(ctx, Py.Dumps(answer), Json);
                break;
            default:
                throw new NeutronError(404, "HTTPNotFound", "The resource could not be found.");
        }
    }

    /// <summary>
    /// GET /v2.0/{kind}: the kind's attributes are its filters (several values of one key: any of them; an unknown
    /// key is a 400, as with Zed's filter validation), then limit/marker paging over the id-sorted list, and fields.
    /// </summary>
    private async Task ListAsync(HttpContext ctx, NeutronCaller caller, NeutronKind kind, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var filters = query.Where(p => !Paging.Contains(p.Key)).GroupBy(p => p.Key).ToList();
        var invalid = filters.Select(g => g.Key).Where(k => !kind.IsFilter(k)).ToList();
        if (invalid.Count > 0) throw NeutronError.BadRequest("[" + string.Join(", ", invalid.Select(k => "'" + k + "'")) + "] is invalid attribute for filtering");
        var items = store.Locked(() => store.Table(kind).Where(r => store.CanSee(kind, r, caller)).Select(r => store.Show(kind, r, caller)).ToList());
        foreach (var filter in filters)
        {
            items = items.Where(r => r[filter.Key] is JsonNode field && filter.Any(p => Matches(field, p.Value))).ToList();
        }
        items = items.OrderBy(r => (string?)r["id"], StringComparer.Ordinal).ToList();
        var limitText = query.FirstOrDefault(p => p.Key == "limit").Value;
        var marker = query.FirstOrDefault(p => p.Key == "marker").Value;
        var fields = query.Where(p => p.Key == "fields").Select(p => p.Value).ToHashSet();
        var body = new JsonObject();
        if (marker != null) items = items.Where(r => string.CompareOrdinal((string?)r["id"], marker) > 0).ToList();
        JsonArray? links = null;
        if (limitText != null)
        {
            if (!int.TryParse(limitText, out var limit) || limit < 0) throw NeutronError.InvalidInput($"Bad limit request: Limit must be an integer 0 or greater and not '{limitText}'.");
            var full = limit > 0 && items.Count >= limit;
            if (limit > 0) items = items.Take(limit).ToList();
            var keep = query.Where(p => p.Key is not ("marker" or "page_reverse")).ToList();
            links = new JsonArray();
            var self = identity.BaseUri + "network/v2.0/" + kind.Path + "?";
            if (full)
                links.Add(new JsonObject { ["rel"] = "next", ["href"] = self + Py.UrlEncode(keep.Append(new("marker", (string)items[^1]["id"]!))) });
            var previous = keep.ToList();
            if (items.Count > 0) previous.Add(new("marker", (string)items[0]["id"]!));
            previous.Add(new("page_reverse", "True"));
            links.Add(new JsonObject { ["rel"] = "previous", ["href"] = self + Py.UrlEncode(previous) });
        }
        if (fields.Count > 0) items = items.Select(r => new JsonObject(r.Where(p => fields.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))).ToList();
        body[kind.Plural] = new JsonArray(items.Select(i => (JsonNode?)i).ToArray());
        if (links != null) body[kind.Plural + "_links"] = links;
        ctx.Response.StatusCode = 200;
        await HttpOut.WriteTextAsync(ctx, Py.Dumps(body, compact: !kind.Spaced), Json);
    }

    /// <summary>
    /// Neutron's default policy: only admins may set these attributes. The message nests the rules the way
    /// oslo.policy prints them: "((rule:create_network and rule:create_network:shared) and rule:…) is disallowed by policy".
    /// </summary>
    private static void Authorize(string action, JsonObject input, string[] adminOnly)
    {
        var rule = "rule:" + action;
        var denied = false;
        foreach (var attribute in adminOnly.Where(input.ContainsKey))
        {
            rule = (denied ? "(" + rule + ")" : rule) + $" and rule:{action}:{attribute}";
            denied = true;
        }
        if (denied) throw new NeutronError(403, "PolicyNotAuthorized", $"({rule}) is disallowed by policy");
    }

    private static bool Matches(JsonNode field, string value) => field switch
    {
        JsonArray array => array.Any(e => e?.ToString() == value),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => string.Equals(v.ToJsonString(), value, StringComparison.OrdinalIgnoreCase),
        _ => field.ToString() == value,
    };

    private static string Owner(JsonObject input, NeutronCaller caller) =>
        caller.Admin ? input["project_id"]?.GetValue<string>() ?? input["tenant_id"]?.GetValue<string>() ?? caller.Project : caller.Project;

    /// <summary>The request's JSON object, unwrapped from {"<paramref name="wrapper"/>": …} when one is named.</summary>
    private static async Task<JsonObject> BodyAsync(HttpContext ctx, string? wrapper)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var text = await reader.ReadToEndAsync();
        JsonNode? parsed;
        try { parsed = JsonNode.Parse(text); }
        catch (JsonException) { throw new NeutronError(400, "BadRequest", "Malformed request body"); }
        if (parsed is not JsonObject obj) throw new NeutronError(400, "BadRequest", "Malformed request body");
        if (wrapper == null) return obj;
        return obj[wrapper] as JsonObject ?? throw new NeutronError(400, "BadRequest", $"Resource body required");
    }

    /// <summary>One resource in its wrapper, compact or with json.dumps's spaces as the real server writes that kind.</summary>
    private static Task WriteAsync(HttpContext ctx, int status, NeutronKind kind, JsonObject resource)
    {
        ctx.Response.StatusCode = status;
        return HttpOut.WriteTextAsync(ctx, Py.Dumps(new JsonObject { [kind.Singular] = resource }, compact: !kind.Spaced), Json);
    }
}
