using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>
/// Neutron v2.0's HTTP surface under /network: networks, subnets, routers and router interfaces, behind
/// keystonemiddleware. Status codes (201 create, 204 delete), the NeutronError body, the X-Openstack-Request-Id
/// header and the "*_links" pagination (limit/marker, sorted by id) are as the real Zed server answers.
/// </summary>
internal sealed class NeutronApi(FakeNeutron store, FakeIdentity identity)
{
    private const string Json = "application/json";
    // Query parameters that steer the listing rather than filter it.
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
            var caller = (Project: token.ProjectId ?? "", Admin: token.IsAdmin);
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

    private async Task RouteAsync(HttpContext ctx, (string Project, bool Admin) caller, string[] segments)
    {
        var method = ctx.Request.Method;
        switch (segments, method)
        {
            case ([var kind], "GET") when kind is "networks" or "subnets" or "routers":
                await ListAsync(ctx, caller, kind);
                break;
            case ([var kind, var id], "GET") when kind is "networks" or "subnets" or "routers":
                await WriteAsync(ctx, 200, Single(kind), store.Locked(() => Visible(FakeNeutron.Find(store.Collection(kind), Title(kind), id), caller, kind, id)));
                break;
            case (["networks"], "POST"):
                var network = await BodyAsync(ctx, "network");
                if (!caller.Admin) Authorize("create_network", network, ["shared", "router:external", "provider:network_type", "provider:physical_network", "provider:segmentation_id"]);
                await WriteAsync(ctx, 201, "network", store.Locked(() => store.CreateNetwork(network, Owner(network, caller))));
                break;
            case (["networks", var id], "PUT"):
                var changes = await BodyAsync(ctx, "network");
                if (changes["mtu"] is JsonValue mtu && mtu.GetValueKind() != JsonValueKind.Number)
                    throw NeutronError.InvalidInput($"'{mtu}' is not an integer.");
                await WriteAsync(ctx, 200, "network", store.Locked(() => store.UpdateNetwork(id, changes)));
                break;
            case (["subnets", var id], "PUT"):
                var subnetChanges = await BodyAsync(ctx, "subnet");
                await WriteAsync(ctx, 200, "subnet", store.Locked(() => store.UpdateSubnet(id, subnetChanges)));
                break;
            case (["routers", var id], "PUT"):
                var routerChanges = await BodyAsync(ctx, "router");
                await WriteAsync(ctx, 200, "router", store.Locked(() => store.UpdateRouter(id, routerChanges, caller.Project)), spaced: true);
                break;
            case (["subnets"], "POST"):
                var subnet = await BodyAsync(ctx, "subnet");
                await WriteAsync(ctx, 201, "subnet", store.Locked(() => store.CreateSubnet(subnet, Owner(subnet, caller))));
                break;
            case (["routers"], "POST"):
                var router = await BodyAsync(ctx, "router");
                await WriteAsync(ctx, 201, "router", store.Locked(() => store.CreateRouter(router, Owner(router, caller))), spaced: true);
                break;
            case (["routers", var id, var action], "PUT") when action is "add_router_interface" or "remove_router_interface":
                var body = await BodyAsync(ctx, null);
                var subnetId = body["subnet_id"]?.GetValue<string>() ?? throw new NeutronError(400, "BadRequest", "Bad router request: Either subnet_id or port_id must be specified.");
                var answer = store.Locked(() => action == "add_router_interface" ? store.AddInterface(id, subnetId, caller.Project) : store.RemoveInterface(id, subnetId));
                ctx.Response.StatusCode = 200;
                await HttpOut.WriteTextAsync(ctx, Py.Dumps(answer), Json);
                break;
            case ([var kind, var id], "DELETE") when kind is "networks" or "subnets" or "routers":
                store.Locked(() =>
                {
                    if (kind == "networks") store.DeleteNetwork(id);
                    else if (kind == "subnets") store.DeleteSubnet(id);
                    else store.DeleteRouter(id);
                    return 0;
                });
                ctx.Response.StatusCode = 204;
                ctx.Response.ContentLength = 0;
                break;
            default:
                throw new NeutronError(404, "HTTPNotFound", "The resource could not be found.");
        }
    }

    /// <summary>GET /v2.0/{kind}: filters on any field, then limit/marker paging over the id-sorted list.</summary>
    private async Task ListAsync(HttpContext ctx, (string Project, bool Admin) caller, string kind)
    {
        var query = Py.ParseQuery(Py.RawQuery(ctx));
        var items = store.Locked(() => store.Collection(kind).Where(r => CanSee(r, caller, kind)).Select(r => (JsonObject)r.DeepClone()).ToList());
        foreach (var (key, value) in query.Where(p => !Paging.Contains(p.Key)))
        {
            items = items.Where(r => r[key] is JsonNode field && Matches(field, value)).ToList();
        }
        items = items.OrderBy(r => (string?)r["id"], StringComparer.Ordinal).ToList();
        var limitText = query.FirstOrDefault(p => p.Key == "limit").Value;
        var marker = query.FirstOrDefault(p => p.Key == "marker").Value;
        var body = new JsonObject();
        if (marker != null) items = items.Where(r => string.CompareOrdinal((string?)r["id"], marker) > 0).ToList();
        if (limitText != null)
        {
            if (!int.TryParse(limitText, out var limit) || limit < 0) throw NeutronError.InvalidInput($"Bad limit request: Limit must be an integer 0 or greater and not '{limitText}'.");
            var full = limit > 0 && items.Count >= limit;
            if (limit > 0) items = items.Take(limit).ToList();
            body[kind] = new JsonArray(items.Select(i => (JsonNode?)i).ToArray());
            var keep = query.Where(p => p.Key is not ("marker" or "page_reverse")).ToList();
            var links = new JsonArray();
            var self = identity.BaseUri + "network/v2.0/" + kind + "?";
            if (full)
                links.Add(new JsonObject { ["rel"] = "next", ["href"] = self + Py.UrlEncode(keep.Append(new("marker", (string)items[^1]["id"]!))) });
            var previous = keep.ToList();
            if (items.Count > 0) previous.Add(new("marker", (string)items[0]["id"]!));
            previous.Add(new("page_reverse", "True"));
            links.Add(new JsonObject { ["rel"] = "previous", ["href"] = self + Py.UrlEncode(previous) });
            body[kind + "_links"] = links;
        }
        else
        {
            body[kind] = new JsonArray(items.Select(i => (JsonNode?)i).ToArray());
        }
        ctx.Response.StatusCode = 200;
        await HttpOut.WriteTextAsync(ctx, Py.Dumps(body, compact: true), Json);
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

    /// <summary>An admin sees everything; others their own resources plus shared and external networks.</summary>
    private static bool CanSee(JsonObject r, (string Project, bool Admin) caller, string kind) =>
        caller.Admin || (string?)r["project_id"] == caller.Project ||
        (kind == "networks" && (r["shared"]?.GetValue<bool>() == true || r["router:external"]?.GetValue<bool>() == true));

    private static JsonObject Visible(JsonObject r, (string Project, bool Admin) caller, string kind, string id) =>
        CanSee(r, caller, kind) ? (JsonObject)r.DeepClone() : throw NeutronError.NotFound(Title(kind), id);

    private static string Owner(JsonObject input, (string Project, bool Admin) caller) =>
        caller.Admin ? input["project_id"]?.GetValue<string>() ?? input["tenant_id"]?.GetValue<string>() ?? caller.Project : caller.Project;

    private static string Single(string kind) => kind[..^1];

    private static string Title(string kind) => char.ToUpperInvariant(kind[0]) + kind[1..^1];

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

    /// <summary>Networks and subnets come back compact; routers with json.dumps's spaces, as the real server writes them.</summary>
    private static Task WriteAsync(HttpContext ctx, int status, string key, JsonObject resource, bool spaced = false)
    {
        ctx.Response.StatusCode = status;
        return HttpOut.WriteTextAsync(ctx, Py.Dumps(new JsonObject { [key] = resource.DeepClone() }, compact: !spaced && key != "router"), Json);
    }
}
