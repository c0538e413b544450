using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>Servers: list, show, create, delete and the actions, with Nova's vm_state checks (check_instance_state).</summary>
internal sealed partial class NovaApi
{
    private Task ListServersAsync(HttpContext ctx, NovaCaller caller)
    {
        var query = Query(ctx);
        string? Q(string key) => query.LastOrDefault(p => p.Key == key).Value;
        JsonObject body;
        lock (nova.Gate)
        {
            var all = caller.IsAdmin && Q("all_tenants") is { } t && t is not ("0" or "false" or "False");
            var servers = nova.ServerList.Where(s => all || s.ProjectId == caller.ProjectId)
                .Where(s => Q("name") is not { } n || MatchesRegex(n, s.Name))
                .Where(s => Q("status") is not { } st || string.Equals(s.Status, st, StringComparison.OrdinalIgnoreCase))
                .Where(s => Q("image") is not { } img || s.ImageId == img)
                .Where(s => Q("flavor") is not { } fl || s.Flavor.Id == fl)
                .Where(s => Q("reservation_id") is not { } r || s.ReservationId == r)
                // Nova's default order: created_at desc, then id desc.
                .OrderByDescending(s => s.Created).ThenByDescending(s => s.Id, StringComparer.Ordinal).ToList();
            var links = Page(ctx, servers, s => s.Id, "servers/detail", out var page);
            foreach (var s in page) nova.Settle(s);
            body = new JsonObject { ["servers"] = new JsonArray(page.Select(s => (JsonNode)ServerJson(s, caller)).ToArray()) };
            if (links is not null) body["servers_links"] = links;
        }
        return WriteAsync(ctx, 200, body);
    }

    private Task ShowServerAsync(HttpContext ctx, NovaCaller caller, string id)
    {
        JsonObject body;
        lock (nova.Gate)
        {
            var server = Visible(caller, id);
            nova.Settle(server);
            body = new JsonObject { ["server"] = ServerJson(server, caller) };
        }
        return WriteAsync(ctx, 200, body);
    }

    private FakeServer Visible(NovaCaller caller, string id) =>
        nova.ServerList.FirstOrDefault(s => s.Id == id && (caller.IsAdmin || s.ProjectId == caller.ProjectId))
        ?? throw new NovaError(404, $"Instance {id} could not be found.");

    private async Task CreateServerAsync(HttpContext ctx, NovaCaller caller)
    {
        var body = await ReadBodyAsync(ctx);
        if (body["server"] is not JsonObject s) throw new NovaError(400, SchemaError("root", body, "'server' is a required property"));
        var name = s["name"]?.GetValue<string>() ?? throw new NovaError(400, SchemaError("server", s, "'name' is a required property"));
        var imageRef = s["imageRef"]?.GetValue<string>() ?? "";
        var flavorRef = s["flavorRef"]?.ToString() ?? throw new NovaError(400, SchemaError("server", s, "'flavorRef' is a required property"));
        var networks = s["networks"];
        if (networks is null && caller.AtLeast(37)) throw new NovaError(400, SchemaError("server", s, "'networks' is a required property"));
        if (networks is JsonValue v && v.GetValue<string>() is not ("auto" or "none"))
            throw new NovaError(400, SchemaError("server/networks", networks, $"'{v}' is not one of ['none', 'auto']"));
        var count = s["max_count"]?.GetValue<int>() ?? 1;
        if (glance.Find(imageRef) is not { } image || image.Status != "active") throw new NovaError(400, "Can not find requested image");
        JsonObject answer;
        lock (nova.Gate)
        {
            var flavor = nova.FlavorList.FirstOrDefault(f => f.Id == flavorRef) ?? throw new NovaError(400, $"Flavor {flavorRef} could not be found.");
            var keyName = s["key_name"]?.GetValue<string>();
            if (keyName is not null && !nova.Keypairs.ContainsKey((caller.UserId, keyName))) throw new NovaError(400, $"Invalid key_name provided.");
            var addresses = new List<(string, string)>();
            // Everything the request names is checked before the first server exists: nothing half-made on a 4xx.
            var (plan, groupIds) = neutron.Locked(() =>
                (networks is JsonArray list ? PlanPorts(list, caller, addresses) : [], ResolveGroups(s["security_groups"] as JsonArray, caller)));
            FakeServer? first = null;
            var reservation = "r-" + Guid.NewGuid().ToString("N")[..8];
            for (var i = 0; i < count; i++)
            {
                var server = nova.NewServer(count > 1 ? $"{name}-{i + 1}" : name, caller.ProjectId, caller.UserId, imageRef, flavor, keyName,
                    s["availability_zone"]?.GetValue<string>() ?? "nova");
                server.ReservationId = reservation;
                server.Addresses.AddRange(addresses);
                server.SecurityGroups.AddRange((s["security_groups"] as JsonArray)?.Select(g => g!["name"]!.GetValue<string>()) ?? ["default"]);
                neutron.Locked(() => { AttachPlanned(server, plan, groupIds, caller); return 0; });
                if (s["metadata"] is JsonObject md) foreach (var (k, mv) in md) server.Metadata[k] = mv!.GetValue<string>();
                nova.Begin(server, "spawning", "active");
                if (nova.FailNextBuild is { } fault)
                {
                    server.PendingVmState = "error";
                    server.FaultMessage = fault;
                    nova.FailNextBuild = null;
                }
                server.Stuck = nova.StuckBuilds;
                first ??= server;
            }
            if (s["return_reservation_id"]?.GetValue<bool>() == true) answer = new JsonObject { ["reservation_id"] = reservation };
            else answer = new JsonObject
            {
                ["id"] = first!.Id, ["links"] = Links("servers", first.Id), ["OS-DCF:diskConfig"] = "MANUAL",
                ["security_groups"] = new JsonArray(first.SecurityGroups.Select(g => (JsonNode)new JsonObject { ["name"] = g }).ToArray()),
                ["adminPass"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray())[..12],
            };
        }
        if (answer.ContainsKey("reservation_id"))
        {
            await WriteAsync(ctx, 202, answer);
            return;
        }
        ctx.Response.Headers.Location = $"{Root}/servers/{answer["id"]}";
        await WriteAsync(ctx, 202, new JsonObject { ["server"] = answer });
    }

    private Task DeleteServerAsync(HttpContext ctx, NovaCaller caller, string id)
    {
        lock (nova.Gate)
        {
            var server = Visible(caller, id);
            if (server.Locked && !caller.IsAdmin) throw new NovaError(409, $"Instance {id} is locked");
            neutron.Locked(() => { ReleasePorts(server); return 0; });
            nova.ServerList.Remove(server);
        }
        return EmptyAsync(ctx, 204);
    }

    private async Task ActionAsync(HttpContext ctx, NovaCaller caller, string id)
    {
        var body = await ReadBodyAsync(ctx);
        if (body.Count != 1) throw new NovaError(400, "Malformed request body");
        var (action, args) = body.First();
        JsonNode? answer = null;
        lock (nova.Gate)
        {
            var s = Visible(caller, id);
            if (s.Locked && !caller.IsAdmin && action is not ("lock" or "unlock")) throw new NovaError(409, $"Instance {id} is locked");
            void Need(string name, params string[] vmStates)
            {
                if (!vmStates.Contains(s.VmState)) throw NovaError.InvalidState(name, s);
                if (s.TaskState is not null) throw NovaError.InvalidState(name, s, taskState: true);
            }
            switch (action)
            {
                case "reboot":
                    var hard = args?["type"]?.GetValue<string>() is "HARD" or "hard";
                    if (hard) Need("reboot", "active", "stopped", "paused", "suspended", "error");
                    else Need("reboot", "active");
                    nova.Begin(s, hard ? "rebooting_hard" : "rebooting", "active");
                    break;
                case "os-start": Need("start", "stopped"); nova.Begin(s, "powering-on", "active"); break;
                case "os-stop": Need("stop", "active", "error"); nova.Begin(s, "powering-off", "stopped"); break;
                case "pause": Need("pause", "active"); nova.Begin(s, "pausing", "paused"); break;
                case "unpause": Need("unpause", "paused"); nova.Begin(s, "unpausing", "active"); break;
                case "suspend": Need("suspend", "active"); nova.Begin(s, "suspending", "suspended"); break;
                case "resume": Need("resume", "suspended"); nova.Begin(s, "resuming", "active"); break;
                case "rescue": Need("rescue", "active", "stopped", "error"); nova.Begin(s, "rescuing", "rescued");
                    answer = new JsonObject { ["adminPass"] = "rescue-" + s.Id[..8] };
                    break;
                case "unrescue": Need("unrescue", "rescued"); nova.Begin(s, "unrescuing", "active"); break;
                case "shelve": Need("shelve", "active", "stopped", "paused", "suspended"); nova.Begin(s, "shelving", "shelved_offloaded"); break;
                case "unshelve": Need("unshelve", "shelved", "shelved_offloaded"); nova.Begin(s, "unshelving", "active"); break;
                case "resize":
                    Need("resize", "active", "stopped");
                    var flavorRef = args?["flavorRef"]?.ToString() ?? throw new NovaError(400, SchemaError("resize", args, "'flavorRef' is a required property"));
                    var flavor = nova.FlavorList.FirstOrDefault(f => f.Id == flavorRef) ?? throw new NovaError(400, $"Flavor {flavorRef} could not be found.");
                    if (flavor.Id == s.Flavor.Id) throw new NovaError(400, "When resizing, instances must change flavor!");
                    (s.OldFlavor, s.Flavor) = (s.Flavor, flavor);
                    nova.Begin(s, "resize_prep", "resized");
                    break;
                case "confirmResize": Need("confirmResize", "resized"); s.OldFlavor = null; s.VmState = "active"; s.Updated = nova.Tick(); break;
                case "revertResize":
                    Need("revertResize", "resized");
                    s.Flavor = s.OldFlavor ?? s.Flavor;
                    nova.Begin(s, "resize_reverting", "active");
                    break;
                case "rebuild":
                    Need("rebuild", "active", "stopped", "error");
                    var imageRef = args?["imageRef"]?.GetValue<string>() ?? throw new NovaError(400, SchemaError("rebuild", args, "'imageRef' is a required property"));
                    if (glance.Find(imageRef) is null) throw new NovaError(400, "Can not find requested image");
                    s.ImageId = imageRef;
                    nova.Begin(s, "rebuilding", "active");
                    answer = new JsonObject { ["server"] = ServerJson(s, caller) };
                    break;
                case "createImage":
                    Need("createImage", "active", "stopped", "paused", "suspended");
                    var imageName = args?["name"]?.GetValue<string>() ?? throw new NovaError(400, SchemaError("createImage", args, "'name' is a required property"));
                    var snapshot = glance.AddImage(imageName, visibility: "private", owner: caller.ProjectId,
                        properties: new Dictionary<string, string> { ["image_type"] = "snapshot", ["instance_uuid"] = s.Id });
                    answer = new JsonObject { ["image_id"] = snapshot.Id };
                    break;
                case "lock":
                    s.Locked = true;
                    s.LockedReason = args?["locked_reason"]?.GetValue<string>();
                    break;
                case "unlock": s.Locked = false; s.LockedReason = null; break;
                case "os-getConsoleOutput": answer = ConsoleOutput(s, args); break;
                case "addSecurityGroup": AddSecurityGroup(s, args, caller); break;
                case "removeSecurityGroup": RemoveSecurityGroup(s, args, caller); break;
                default: throw new NovaError(400, $"There is no such action: {action}");
            }
        }
        if (answer is null) await EmptyAsync(ctx, 202);
        else await WriteAsync(ctx, action is "rescue" or "os-getConsoleOutput" ? 200 : 202, answer);
    }

    private JsonArray Links(string collection, string id) => new(
        new JsonObject { ["rel"] = "self", ["href"] = $"{Root}/{collection}/{id}" },
        new JsonObject { ["rel"] = "bookmark", ["href"] = $"{identity.BaseUri}compute/{collection}/{id}" });

    private JsonObject ServerJson(FakeServer s, NovaCaller caller)
    {
        JsonNode flavor = caller.AtLeast(47)
            ? new JsonObject
            {
                ["vcpus"] = s.Flavor.VCpus, ["ram"] = s.Flavor.Ram, ["disk"] = s.Flavor.Disk, ["ephemeral"] = s.Flavor.Ephemeral,
                ["swap"] = s.Flavor.Swap, ["original_name"] = s.Flavor.Name, ["extra_specs"] = new JsonObject(),
            }
            : new JsonObject { ["id"] = s.Flavor.Id, ["links"] = new JsonArray(Links("flavors", s.Flavor.Id)[1]!.DeepClone()) };
        var addresses = neutron.Locked(() => NeutronAddresses(s)) ?? new JsonObject();
        foreach (var group in s.Addresses.GroupBy(a => a.Network))
            addresses[group.Key] = new JsonArray(group.Select(a => (JsonNode)new JsonObject
            {
                ["version"] = 4, ["addr"] = a.Address, ["OS-EXT-IPS:type"] = "fixed", ["OS-EXT-IPS-MAC:mac_addr"] = "fa:16:3e:00:00:01",
            }).ToArray());
        var body = new JsonObject
        {
            ["id"] = s.Id, ["name"] = s.Name, ["status"] = s.Status, ["tenant_id"] = s.ProjectId, ["user_id"] = s.UserId,
            ["metadata"] = new JsonObject(s.Metadata.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["hostId"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("osps-compute" + s.ProjectId))).ToLowerInvariant()[..56],
            ["image"] = s.ImageId.Length == 0 ? "" : new JsonObject { ["id"] = s.ImageId, ["links"] = new JsonArray(Links("images", s.ImageId)[1]!.DeepClone()) },
            ["flavor"] = flavor,
            ["created"] = s.Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["updated"] = s.Updated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["addresses"] = addresses, ["accessIPv4"] = "", ["accessIPv6"] = "", ["links"] = Links("servers", s.Id),
            ["OS-DCF:diskConfig"] = "MANUAL", ["progress"] = 0, ["OS-EXT-AZ:availability_zone"] = s.AvailabilityZone, ["config_drive"] = "",
            ["key_name"] = s.KeyName,
            ["OS-SRV-USG:launched_at"] = s.LaunchedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff"), ["OS-SRV-USG:terminated_at"] = null,
        };
        if (caller.IsAdmin)
        {
            body["OS-EXT-SRV-ATTR:host"] = "osps-compute";
            body["OS-EXT-SRV-ATTR:instance_name"] = "instance-" + (nova.ServerList.IndexOf(s) + 1).ToString("x8");
            body["OS-EXT-SRV-ATTR:hypervisor_hostname"] = "osps-compute";
            body["OS-EXT-SRV-ATTR:reservation_id"] = s.ReservationId;
        }
        body["OS-EXT-STS:task_state"] = s.TaskState;
        body["OS-EXT-STS:vm_state"] = s.VmState;
        body["OS-EXT-STS:power_state"] = VmStates.Power(s.VmState);
        body["os-extended-volumes:volumes_attached"] = new JsonArray();
        if (s.Status != "BUILD" && s.Status != "ERROR")
            body["security_groups"] = new JsonArray(neutron.Locked(() => GroupNames(s).ToList()).Select(g => (JsonNode)new JsonObject { ["name"] = g }).ToArray());
        if (s.VmState == "error" && s.FaultMessage is not null)
            body["fault"] = new JsonObject { ["code"] = 500, ["created"] = s.Updated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["message"] = s.FaultMessage };
        if (caller.AtLeast(9)) body["locked"] = s.Locked;
        if (caller.AtLeast(73)) body["locked_reason"] = s.LockedReason;
        if (caller.AtLeast(19)) body["description"] = s.Description;
        if (caller.AtLeast(26)) body["tags"] = new JsonArray();
        if (caller.AtLeast(63)) body["trusted_image_certificates"] = null;
        if (caller.AtLeast(90) && !caller.IsAdmin) body["OS-EXT-SRV-ATTR:hostname"] = s.Hostname;
        if (caller.AtLeast(71)) body["server_groups"] = new JsonArray();
        return body;
    }
}
