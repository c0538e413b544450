using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>PUT /servers/{id} (name, description) and the server's metadata, /servers/{id}/metadata[/{key}], as Nova answers them.</summary>
internal sealed partial class NovaApi
{
    private async Task UpdateServerAsync(HttpContext ctx, NovaCaller caller, string id)
    {
        var body = await ReadBodyAsync(ctx);
        if (body["server"] is not JsonObject changes) throw new NovaError(400, SchemaError("root", body, "'server' is a required property"));
        JsonObject answer;
        lock (nova.Gate)
        {
            var s = Visible(caller, id);
            if (s.Locked && !caller.IsAdmin) throw new NovaError(409, $"Instance {id} is locked");
            if (changes.ContainsKey("description") && !caller.AtLeast(19))
                throw new NovaError(400, SchemaError("server", changes, "Additional properties are not allowed ('description' was unexpected)"));
            if (changes["name"] is JsonValue name) s.Name = (string)name!;
            if (changes.ContainsKey("description")) s.Description = (string?)changes["description"];
            s.Updated = nova.Tick();
            answer = new JsonObject { ["server"] = ServerJson(s, caller) };
        }
        await WriteAsync(ctx, 200, answer);
    }

    private static JsonObject MetadataJson(FakeServer s) => new(s.Metadata.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));

    /// <summary>GET, POST (merge) and PUT (replace) of the whole metadata.</summary>
    private async Task MetadataAsync(HttpContext ctx, NovaCaller caller, string id)
    {
        var method = ctx.Request.Method;
        JsonObject? input = null;
        if (method != "GET")
        {
            var body = await ReadBodyAsync(ctx);
            input = body["metadata"] as JsonObject ?? throw new NovaError(400, SchemaError("root", body, "'metadata' is a required property"));
        }
        JsonObject answer;
        lock (nova.Gate)
        {
            var s = Visible(caller, id);
            if (input != null)
            {
                if (s.Locked && !caller.IsAdmin) throw new NovaError(409, $"Instance {id} is locked");
                if (method == "PUT") s.Metadata.Clear();
                foreach (var (key, value) in input) s.Metadata[key] = value?.ToString() ?? "";
                s.Updated = nova.Tick();
            }
            answer = new JsonObject { ["metadata"] = MetadataJson(s) };
        }
        await WriteAsync(ctx, 200, answer);
    }

    /// <summary>GET, PUT and DELETE of one key; a missing key is Nova's 404 "Metadata item was not found".</summary>
    private async Task MetadataItemAsync(HttpContext ctx, NovaCaller caller, string id, string key)
    {
        var method = ctx.Request.Method;
        JsonObject? meta = null;
        if (method == "PUT")
        {
            var body = await ReadBodyAsync(ctx);
            meta = body["meta"] as JsonObject ?? throw new NovaError(400, SchemaError("root", body, "'meta' is a required property"));
            if (meta.Count != 1 || !meta.ContainsKey(key)) throw new NovaError(400, "Request body and URI mismatch");
        }
        JsonObject? answer = null;
        lock (nova.Gate)
        {
            var s = Visible(caller, id);
            if (method != "GET" && s.Locked && !caller.IsAdmin) throw new NovaError(409, $"Instance {id} is locked");
            switch (method)
            {
                case "PUT":
                    s.Metadata[key] = meta![key]?.ToString() ?? "";
                    answer = new JsonObject { ["meta"] = new JsonObject { [key] = s.Metadata[key] } };
                    break;
                case "DELETE":
                    if (!s.Metadata.Remove(key)) throw new NovaError(404, "Metadata item was not found");
                    break;
                default:
                    if (!s.Metadata.TryGetValue(key, out var value)) throw new NovaError(404, "Metadata item was not found");
                    answer = new JsonObject { ["meta"] = new JsonObject { [key] = value } };
                    break;
            }
        }
        if (answer is null) await EmptyAsync(ctx, 204);
        else await WriteAsync(ctx, 200, answer);
    }
}
