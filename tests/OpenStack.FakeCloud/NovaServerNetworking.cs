using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>
/// What Nova asks Neutron for: a server's ports (made at boot, attached and detached through os-interface), the
/// addresses and security groups a server shows (taken from its ports and their floating IPs, as Nova's network
/// info cache does once Neutron has told it), and add/removeSecurityGroup, which Nova applies to every port.
/// </summary>
internal sealed partial class NovaApi
{
    private static NeutronCaller AsNeutron(NovaCaller caller) => new(caller.ProjectId, caller.IsAdmin);

    private List<JsonObject> PortsOf(FakeServer s) =>
        neutron.Table(NeutronKinds.Ports).Where(p => (string?)p["device_id"] == s.Id).ToList();

    /// <summary>The ports a boot request names: existing ports, or networks to make one on. Checked before anything is made.</summary>
    private List<(JsonObject? Port, string? NetworkId, string? FixedIp)> PlanPorts(JsonArray list, NovaCaller caller, List<(string, string)> legacy)
    {
        var plan = new List<(JsonObject?, string?, string?)>();
        foreach (var n in list)
        {
            if (n?["port"] is JsonValue portId)
            {
                var port = neutron.Table(NeutronKinds.Ports).FirstOrDefault(p => (string?)p["id"] == (string?)portId && neutron.CanSee(NeutronKinds.Ports, p, AsNeutron(caller)))
                           ?? throw new NovaError(400, $"Port id {portId} could not be found.");
                if (((string?)port["device_id"] ?? "").Length > 0) throw new NovaError(409, $"Port {portId} is still in use.");
                plan.Add((port, null, null));
                continue;
            }
            var uuid = n?["uuid"]?.GetValue<string>() ?? "";
            if (neutron.Table(NeutronKinds.Networks).Any(x => (string?)x["id"] == uuid && neutron.CanSee(NeutronKinds.Networks, x, AsNeutron(caller))))
            {
                plan.Add((null, uuid, (string?)n?["fixed_ip"]));
                continue;
            }
            // Networks a test declared in FakeNova.Networks only (no Neutron network behind them).
            var net = nova.Networks.FirstOrDefault(p => p.Value == uuid);
            if (net.Key is null) throw new NovaError(400, $"Network {uuid} could not be found.");
            legacy.Add((net.Key, $"10.0.{legacy.Count}.{nova.ServerList.Count + 10}"));
        }
        return plan;
    }

    /// <summary>The security groups of a boot request, by name or id, resolved in the project as Nova does.</summary>
    private List<string> ResolveGroups(JsonArray? groups, NovaCaller caller)
    {
        if (groups is null) return [];
        return groups.Select(g =>
        {
            var name = (string?)g?["name"] ?? "";
            return (string)(FindGroup(name, caller) ?? throw new NovaError(400, $"Security group {name} not found."))["id"]!;
        }).ToList();
    }

    private JsonObject? FindGroup(string nameOrId, NovaCaller caller)
    {
        neutron.EnsureDefaultGroup(caller.ProjectId);
        var groups = neutron.Table(NeutronKinds.SecurityGroups);
        return groups.FirstOrDefault(g => (string?)g["id"] == nameOrId && neutron.CanSee(NeutronKinds.SecurityGroups, g, AsNeutron(caller)))
               ?? groups.FirstOrDefault(g => (string?)g["name"] == nameOrId && (string?)g["project_id"] == caller.ProjectId);
    }

    /// <summary>Makes (or binds) the planned ports for a new server.</summary>
    private void AttachPlanned(FakeServer server, List<(JsonObject? Port, string? NetworkId, string? FixedIp)> plan, List<string> groups, NovaCaller caller)
    {
        foreach (var (port, networkId, fixedIp) in plan)
        {
            if (port != null)
            {
                neutron.Bind(port, server.Id);
                continue;
            }
            var made = MakePort(networkId!, fixedIp, groups, caller);
            neutron.Bind(made, server.Id);
            server.CreatedPorts.Add((string)made["id"]!);
        }
    }

    private JsonObject MakePort(string networkId, string? fixedIp, List<string> groups, NovaCaller caller)
    {
        var input = new JsonObject { ["network_id"] = networkId };
        if (fixedIp != null) input["fixed_ips"] = new JsonArray(new JsonObject { ["ip_address"] = fixedIp });
        if (groups.Count > 0) input["security_groups"] = new JsonArray(groups.Select(g => (JsonNode)g).ToArray());
        try
        {
            return neutron.Create(NeutronKinds.Ports, input, AsNeutron(caller), caller.ProjectId);
        }
        catch (NeutronError e)
        {
            throw new NovaError(e.Status is 409 ? 409 : 400, e.Message);
        }
    }

    /// <summary>On delete: the ports Nova made go, the ports the user brought are let go of.</summary>
    private void ReleasePorts(FakeServer server)
    {
        foreach (var port in PortsOf(server))
        {
            if (server.CreatedPorts.Contains((string)port["id"]!)) neutron.Delete(NeutronKinds.Ports, (string)port["id"]!, new NeutronCaller(server.ProjectId, true));
            else neutron.Unbind(port);
        }
    }

    /// <summary>The server's addresses by network name: each port's fixed IPs, then the floating IPs Neutron associated with it.</summary>
    private JsonObject? NeutronAddresses(FakeServer s)
    {
        var ports = PortsOf(s);
        if (ports.Count == 0) return null;
        var addresses = new JsonObject();
        foreach (var port in ports)
        {
            var network = neutron.Table(NeutronKinds.Networks).FirstOrDefault(n => (string?)n["id"] == (string?)port["network_id"]);
            var key = (string?)network?["name"] ?? (string)port["network_id"]!;
            if (addresses[key] is not JsonArray list) addresses[key] = list = new JsonArray();
            var mac = (string?)port["mac_address"];
            foreach (var ip in port["fixed_ips"]!.AsArray()) list.Add(Address((string)ip!["ip_address"]!, "fixed", mac));
            foreach (var fip in neutron.Table(NeutronKinds.FloatingIps).Where(f => (string?)f["port_id"] == (string?)port["id"]))
                list.Add(Address((string)fip["floating_ip_address"]!, "floating", mac));
        }
        return addresses;
    }

    private static JsonObject Address(string address, string type, string? mac) => new()
    {
        ["version"] = IPAddress.Parse(address).AddressFamily == AddressFamily.InterNetworkV6 ? 6 : 4, ["addr"] = address,
        ["OS-EXT-IPS:type"] = type, ["OS-EXT-IPS-MAC:mac_addr"] = mac,
    };

    /// <summary>The names of the groups on the server's ports (each once), or what the boot asked for when it has no port.</summary>
    private IEnumerable<string> GroupNames(FakeServer s)
    {
        var ports = PortsOf(s);
        if (ports.Count == 0) return s.SecurityGroups;
        return ports.SelectMany(p => p["security_groups"]!.AsArray().Select(g => (string?)g))
            .Select(id => (string?)neutron.Table(NeutronKinds.SecurityGroups).FirstOrDefault(g => (string?)g["id"] == id)?["name"] ?? id!)
            .Distinct();
    }

    // ---------------------------------------------------------------- os-interface

    private static JsonObject Attachment(JsonObject port, NovaCaller caller)
    {
        var a = new JsonObject
        {
            ["net_id"] = (string?)port["network_id"], ["port_id"] = (string?)port["id"], ["mac_addr"] = (string?)port["mac_address"],
            ["port_state"] = (string?)port["status"], ["fixed_ips"] = port["fixed_ips"]!.DeepClone(),
        };
        if (caller.AtLeast(70)) a["tag"] = null;
        return a;
    }

    private Task ListInterfacesAsync(HttpContext ctx, NovaCaller caller, string id)
    {
        JsonObject body;
        lock (nova.Gate)
        {
            var s = Visible(caller, id);
            body = neutron.Locked(() => new JsonObject { ["interfaceAttachments"] = new JsonArray(PortsOf(s).Select(p => (JsonNode)Attachment(p, caller)).ToArray()) });
        }
        return WriteAsync(ctx, 200, body);
    }

    private async Task AttachInterfaceAsync(HttpContext ctx, NovaCaller caller, string id)
    {
        var body = await ReadBodyAsync(ctx);
        var request = body["interfaceAttachment"] as JsonObject ?? throw new NovaError(400, SchemaError("root", body, "'interfaceAttachment' is a required property"));
        JsonObject answer;
        lock (nova.Gate)
        {
            var s = Visible(caller, id);
            if (s.Locked && !caller.IsAdmin) throw new NovaError(409, $"Instance {id} is locked");
            if (s.VmState is not ("active" or "paused" or "stopped")) throw NovaError.InvalidState("attach_interface", s);
            var portId = (string?)request["port_id"];
            var networkId = (string?)request["net_id"];
            if (portId != null && networkId != null) throw new NovaError(400, "Must not input both network_id and port_id");
            answer = neutron.Locked(() =>
            {
                JsonObject port;
                if (portId != null)
                {
                    port = neutron.Table(NeutronKinds.Ports).FirstOrDefault(p => (string?)p["id"] == portId && neutron.CanSee(NeutronKinds.Ports, p, AsNeutron(caller)))
                           ?? throw new NovaError(404, $"Port id {portId} could not be found.");
                    if (((string?)port["device_id"] ?? "").Length > 0) throw new NovaError(409, $"Port {portId} is still in use.");
                }
                else
                {
                    if (networkId is null || !neutron.Table(NeutronKinds.Networks).Any(n => (string?)n["id"] == networkId && neutron.CanSee(NeutronKinds.Networks, n, AsNeutron(caller))))
                        throw new NovaError(404, $"Network {networkId} could not be found.");
                    var fixedIp = (string?)(request["fixed_ips"] as JsonArray)?.FirstOrDefault()?["ip_address"];
                    port = MakePort(networkId, fixedIp, [], caller);
                    s.CreatedPorts.Add((string)port["id"]!);
                }
                neutron.Bind(port, s.Id);
                return new JsonObject { ["interfaceAttachment"] = Attachment(port, caller) };
            });
            s.Updated = nova.Tick();
        }
        await WriteAsync(ctx, 200, answer);
    }

    /// <summary>DELETE os-interface/{port}: 202, also for a port the server does not have (as the real Nova answers).</summary>
    private Task DetachInterfaceAsync(HttpContext ctx, NovaCaller caller, string id, string portId)
    {
        lock (nova.Gate)
        {
            var s = Visible(caller, id);
            if (s.Locked && !caller.IsAdmin) throw new NovaError(409, $"Instance {id} is locked");
            neutron.Locked(() =>
            {
                var port = PortsOf(s).FirstOrDefault(p => (string?)p["id"] == portId);
                if (port is null) return 0;
                if (s.CreatedPorts.Remove(portId)) neutron.Delete(NeutronKinds.Ports, portId, new NeutronCaller(s.ProjectId, true));
                else neutron.Unbind(port);
                return 0;
            });
        }
        return EmptyAsync(ctx, 202);
    }

    // ---------------------------------------------------------------- server actions on security groups and the console

    private void AddSecurityGroup(FakeServer s, JsonNode? args, NovaCaller caller)
    {
        var name = (string?)args?["name"] ?? throw new NovaError(400, SchemaError("addSecurityGroup", args, "'name' is a required property"));
        neutron.Locked(() =>
        {
            var group = FindGroup(name, caller) ?? throw new NovaError(404, $"Security group {name} is not found for project {caller.ProjectId}");
            var ports = PortsOf(s);
            if (ports.Count == 0) throw new NovaError(404, $"instance_id {s.Id} could not be found as device id on any ports");
            var groupId = (string)group["id"]!;
            foreach (var port in ports)
            {
                if (port["security_groups"]!.AsArray().Any(g => (string?)g == groupId))
                    throw new NovaError(400, $"Invalid input for security_groups. Reason: Duplicate items in the list: '{groupId}'.\nNeutron server returns request_ids: ['req-{Guid.NewGuid()}']");
            }
            foreach (var port in ports) port["security_groups"]!.AsArray().Add(groupId);
            return 0;
        });
    }

    private void RemoveSecurityGroup(FakeServer s, JsonNode? args, NovaCaller caller)
    {
        var name = (string?)args?["name"] ?? throw new NovaError(400, SchemaError("removeSecurityGroup", args, "'name' is a required property"));
        neutron.Locked(() =>
        {
            var group = FindGroup(name, caller) ?? throw new NovaError(404, $"Security group {name} is not found for project {caller.ProjectId}");
            var groupId = (string)group["id"]!;
            var ports = PortsOf(s).Where(p => p["security_groups"]!.AsArray().Any(g => (string?)g == groupId)).ToList();
            if (ports.Count == 0) throw new NovaError(404, $"Security group {name} not associated with the instance {s.Id}");
            foreach (var port in ports)
            {
                var list = port["security_groups"]!.AsArray();
                list.Remove(list.First(g => (string?)g == groupId));
            }
            return 0;
        });
    }

    /// <summary>Nova's fake virt driver's console: three lines; "length" keeps the last N (-1 or none: all).</summary>
    private static JsonObject ConsoleOutput(FakeServer s, JsonNode? args)
    {
        if (s.VmState != "active") throw NovaError.InvalidState("get_console_output", s);
        var lines = new[] { "FAKE CONSOLE OUTPUT", "ANOTHER", "LAST LINE" };
        var length = args?["length"] is JsonValue v ? int.Parse(v.ToString()) : -1;
        if (length < -1) throw new NovaError(400, SchemaError("os-getConsoleOutput/length", args!["length"], $"{length} is less than the minimum of -1"));
        return new JsonObject { ["output"] = string.Join("\n", length < 0 ? lines : lines.TakeLast(length)) };
    }
}
