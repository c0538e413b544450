using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenStack.FakeCloud;

/// <summary>A Neutron API error as the real server writes it: {"NeutronError": {"type", "message", "detail"}}.</summary>
public sealed class NeutronError(int status, string type, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Type { get; } = type;

    public static NeutronError InvalidInput(string detail) => new(400, "InvalidInput", "Invalid input for operation: " + detail);

    public static NeutronError BadRequest(string message) => new(400, "HTTPBadRequest", message);
}

/// <summary>
/// The state of an in-memory Neutron (ML2, no agents): one table per resource kind of <see cref="NeutronKinds"/>,
/// each resource kept as the JSON object the API returns. The generic create/show/update/delete here apply a kind's
/// description; the kinds' own rules (in-use conflicts, overlapping CIDRs, default security groups, reachability of
/// external networks) live in its hooks, in this file (networks, subnets, routers), FakeNeutron.Security.cs and
/// FakeNeutron.Ports.cs.
/// </summary>
public sealed partial class FakeNeutron
{
    private readonly object _gate = new();
    private readonly Dictionary<NeutronKind, List<JsonObject>> _tables = NeutronKinds.ByPath.Values.ToDictionary(k => k, _ => new List<JsonObject>());
    private int _nextSegment = 100;

    public IReadOnlyList<JsonObject> Networks => Snapshot(NeutronKinds.Networks);
    public IReadOnlyList<JsonObject> Subnets => Snapshot(NeutronKinds.Subnets);
    public IReadOnlyList<JsonObject> Routers => Snapshot(NeutronKinds.Routers);
    public IReadOnlyList<JsonObject> Ports => Snapshot(NeutronKinds.Ports);
    public IReadOnlyList<JsonObject> SecurityGroups => Snapshot(NeutronKinds.SecurityGroups);
    public IReadOnlyList<JsonObject> SecurityGroupRules => Snapshot(NeutronKinds.SecurityGroupRules);
    public IReadOnlyList<JsonObject> FloatingIps => Snapshot(NeutronKinds.FloatingIps);

    private IReadOnlyList<JsonObject> Snapshot(NeutronKind kind)
    {
        lock (_gate) return _tables[kind].Select(n => (JsonObject)n.DeepClone()).ToList();
    }

    internal List<JsonObject> Table(NeutronKind kind) => _tables[kind];

    internal T Locked<T>(Func<T> action)
    {
        lock (_gate) return action();
    }

    /// <summary>Adds a network directly (test setup), as an admin would create it.</summary>
    public JsonObject AddNetwork(string name, string projectId, bool external = false, bool shared = false, string? physicalNetwork = null) =>
        Locked(() => Create(NeutronKinds.Networks, new JsonObject
        {
            ["name"] = name, ["router:external"] = external, ["shared"] = shared,
            ["provider:network_type"] = physicalNetwork is null ? "vxlan" : "flat", ["provider:physical_network"] = physicalNetwork,
        }, new NeutronCaller(projectId, true), projectId));

    /// <summary>Adds a subnet directly (test setup).</summary>
    public JsonObject AddSubnet(string networkId, string cidr, string projectId, string name = "", bool dhcp = true) =>
        Locked(() => Create(NeutronKinds.Subnets, new JsonObject { ["network_id"] = networkId, ["cidr"] = cidr, ["name"] = name, ["enable_dhcp"] = dhcp },
            new NeutronCaller(projectId, true), projectId));

    /// <summary>devstack's external network: admin's flat "public" with "public-subnet" 172.24.4.0/24 (no DHCP), as tests/cloud/register.py makes it.</summary>
    public JsonObject AddPublicNetwork(string adminProjectId)
    {
        var network = AddNetwork("public", adminProjectId, external: true, physicalNetwork: "public");
        AddSubnet((string)network["id"]!, "172.24.4.0/24", adminProjectId, "public-subnet", dhcp: false);
        return network;
    }

    // ---------------------------------------------------------------- generic, driven by the kind's description

    internal JsonObject Create(NeutronKind kind, JsonObject input, NeutronCaller caller, string owner)
    {
        var now = Now();
        var resource = kind.Defaults();
        resource["id"] = Guid.NewGuid().ToString();
        resource["tenant_id"] = owner;
        resource["project_id"] = owner;
        resource["created_at"] = now;
        resource["updated_at"] = now;
        foreach (var key in kind.Writable.Where(input.ContainsKey)) resource[key] = input[key]?.DeepClone();
        kind.OnCreate?.Invoke(this, resource, input, caller);
        Table(kind).Add(resource);
        return resource;
    }

    internal bool CanSee(NeutronKind kind, JsonObject resource, NeutronCaller caller) =>
        caller.Admin || (string?)resource["project_id"] == caller.Project || kind.VisibleToOthers(resource, caller);

    internal JsonObject Get(NeutronKind kind, string id, NeutronCaller caller) =>
        Table(kind).FirstOrDefault(r => (string?)r["id"] == id && CanSee(kind, r, caller)) ?? throw kind.NotFound(id);

    /// <summary>Any project's resource by id (for the kinds' own checks, which see what policy hides from the caller).</summary>
    internal JsonObject Find(NeutronKind kind, string id) => Table(kind).FirstOrDefault(r => (string?)r["id"] == id) ?? throw kind.NotFound(id);

    internal JsonObject Update(NeutronKind kind, string id, JsonObject changes, NeutronCaller caller)
    {
        var resource = Get(kind, id, caller);
        foreach (var key in changes.Select(p => p.Key).Where(k => !kind.Updatable.Contains(k)))
            throw NeutronError.BadRequest($"Cannot update read-only attribute {key}");
        // The hook may apply (and take out of the changes) what needs more than a copy.
        kind.OnUpdate?.Invoke(this, resource, changes, caller);
        foreach (var (key, value) in changes) resource[key] = value?.DeepClone();
        Touch(resource);
        return resource;
    }

    internal void Delete(NeutronKind kind, string id, NeutronCaller caller)
    {
        var resource = Get(kind, id, caller);
        kind.OnDelete?.Invoke(this, resource, caller);
        Table(kind).Remove(resource);
    }

    /// <summary>What the caller is shown: the kind's view, without the attributes policy keeps for admins.</summary>
    internal JsonObject Show(NeutronKind kind, JsonObject resource, NeutronCaller caller)
    {
        var view = kind.View?.Invoke(this, resource) ?? (JsonObject)resource.DeepClone();
        if (!caller.Admin) foreach (var key in kind.AdminOnly) view.Remove(key);
        return view;
    }

    // ---------------------------------------------------------------- networks

    internal void OnCreateNetwork(JsonObject network, JsonObject input, NeutronCaller caller)
    {
        var type = input["provider:network_type"]?.GetValue<string>() ?? "vxlan";
        network["provider:network_type"] = type;
        network["provider:segmentation_id"] = input["provider:segmentation_id"]?.GetValue<int>() ?? (type is "vxlan" or "gre" or "vlan" ? _nextSegment++ : (int?)null);
        network["mtu"] = input["mtu"]?.GetValue<int>() ?? (type is "vxlan" ? 1450 : type is "gre" ? 1458 : 1500);
    }

    internal static void OnUpdateNetwork(JsonObject changes)
    {
        if (changes["mtu"] is JsonValue mtu && mtu.GetValueKind() != JsonValueKind.Number) throw NeutronError.InvalidInput($"'{mtu}' is not an integer.");
    }

    internal void OnDeleteNetwork(JsonObject network)
    {
        var id = (string)network["id"]!;
        var ports = Table(NeutronKinds.Ports).Where(p => (string?)p["network_id"] == id).Select(p => (string)p["id"]!).ToList();
        if (ports.Count > 0)
        {
            throw new NeutronError(409, "NetworkInUse",
                $"Unable to complete operation on network {id}. There are one or more ports still in use on the network, id for these ports is: {string.Join(", ", ports)}.");
        }
        Table(NeutronKinds.Subnets).RemoveAll(s => (string?)s["network_id"] == id);
    }

    // ---------------------------------------------------------------- subnets

    internal void OnCreateSubnet(JsonObject subnet, JsonObject input)
    {
        var networkId = Str(input, "network_id", "");
        var network = Find(NeutronKinds.Networks, networkId);
        var cidrText = Str(input, "cidr", "");
        if (!IPNetwork.TryParse(cidrText, out var cidr)) throw NeutronError.InvalidInput($"{cidrText} is not in a CIDR format.");
        var version = input["ip_version"]?.GetValue<int>() ?? 4;
        if ((cidr.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 4 : 6) != version)
            throw NeutronError.InvalidInput("Cidr " + cidrText + " does not match the ip_version " + version + ".");
        foreach (var other in Table(NeutronKinds.Subnets).Where(s => (string?)s["network_id"] == networkId))
        {
            var existing = IPNetwork.Parse((string)other["cidr"]!);
            if (existing.Contains(cidr.BaseAddress) || cidr.Contains(existing.BaseAddress))
                throw NeutronError.InvalidInput($"Requested subnet with cidr: {cidr} for network: {networkId} overlaps with another subnet.");
        }
        var (first, last) = Range(cidr);
        var gateway = input.ContainsKey("gateway_ip") ? input["gateway_ip"]?.GetValue<string>() : Offset(first, 1, version);
        subnet["ip_version"] = version;
        subnet["gateway_ip"] = gateway;
        subnet["cidr"] = cidr.ToString();
        subnet["allocation_pools"] = input["allocation_pools"]?.DeepClone() ?? new JsonArray(new JsonObject
        {
            ["start"] = Offset(first, gateway == Offset(first, 1, version) ? 2 : 1, version),
            ["end"] = version == 4 ? Offset(last, -1, 4) : Offset(last, 0, 6),
        });
        network["subnets"]!.AsArray().Add(subnet["id"]!.GetValue<string>());
        Touch(network);
    }

    internal void OnUpdateSubnet(JsonObject subnet, JsonObject changes)
    {
        if (changes["gateway_ip"] is JsonValue gateway && !IPNetwork.Parse((string)subnet["cidr"]!).Contains(IPAddress.Parse(gateway.GetValue<string>())))
            throw NeutronError.InvalidInput($"Gateway IP {gateway} conflicts with the subnet's cidr {subnet["cidr"]}.");
    }

    internal void OnDeleteSubnet(JsonObject subnet)
    {
        var id = (string)subnet["id"]!;
        if (Table(NeutronKinds.Ports).Any(p => PortSubnets(p).Contains(id)))
            throw new NeutronError(409, "SubnetInUse", $"Unable to complete operation on subnet {id}: One or more ports have an IP allocation from this subnet.");
        var network = Table(NeutronKinds.Networks).FirstOrDefault(n => (string?)n["id"] == (string?)subnet["network_id"]);
        var list = network?["subnets"]!.AsArray();
        var entry = list?.FirstOrDefault(s => (string?)s == id);
        if (entry != null) list!.Remove(entry);
    }

    // ---------------------------------------------------------------- routers

    internal void OnCreateRouter(JsonObject router, JsonObject input, NeutronCaller caller)
    {
        if (input["external_gateway_info"] is JsonObject gateway) SetGateway(router, gateway);
    }

    internal void OnUpdateRouter(JsonObject router, JsonObject changes, NeutronCaller caller)
    {
        if (!changes.ContainsKey("external_gateway_info")) return;
        // null and {} both clear the gateway; a network_id sets (or moves) it.
        var gateway = changes["external_gateway_info"] is JsonObject g && g.ContainsKey("network_id") ? g : null;
        changes.Remove("external_gateway_info");
        var current = (string?)router["external_gateway_info"]?["network_id"];
        if (current != null && current != (string?)gateway?["network_id"])
        {
            if (Table(NeutronKinds.FloatingIps).Any(f => (string?)f["router_id"] == (string?)router["id"]))
                throw new NeutronError(409, "RouterExternalGatewayInUseByFloatingIp",
                    $"Gateway cannot be updated for router {router["id"]}, since a gateway to external network {current} is required by one or more floating IPs.");
            Table(NeutronKinds.Ports).RemoveAll(p => (string?)p["device_id"] == (string?)router["id"] && (string?)p["device_owner"] == "network:router_gateway");
            router["external_gateway_info"] = null;
        }
        if (gateway != null && current != (string?)gateway["network_id"]) SetGateway(router, gateway);
    }

    private void SetGateway(JsonObject router, JsonObject gateway)
    {
        var networkId = Str(gateway, "network_id", "");
        var network = Find(NeutronKinds.Networks, networkId);
        if (network["router:external"]?.GetValue<bool>() != true)
            throw new NeutronError(400, "BadRequest", $"Bad router request: Network {networkId} is not an external network.");
        var subnet = Table(NeutronKinds.Subnets).FirstOrDefault(s => (string?)s["network_id"] == networkId);
        var ips = new JsonArray();
        if (subnet != null) ips.Add(new JsonObject { ["subnet_id"] = (string?)subnet["id"], ["ip_address"] = NextAddress(subnet) });
        var port = AddSystemPort(networkId, "network:router_gateway", (string)router["id"]!, ips, "");
        router["external_gateway_info"] = new JsonObject
        {
            ["network_id"] = networkId, ["external_fixed_ips"] = port["fixed_ips"]!.DeepClone(), ["enable_snat"] = true,
        };
    }

    internal JsonObject AddInterface(string routerId, string subnetId, NeutronCaller caller)
    {
        var router = Get(NeutronKinds.Routers, routerId, caller);
        var subnet = Get(NeutronKinds.Subnets, subnetId, caller);
        if (Table(NeutronKinds.Ports).Any(p => (string?)p["device_id"] == routerId && PortSubnets(p).Contains(subnetId)))
            throw new NeutronError(400, "BadRequest", $"Bad router request: Router already has a port on subnet {subnetId}.");
        if (subnet["gateway_ip"] is null)
            throw new NeutronError(400, "BadRequest", $"Bad router request: Subnet for router interface must have a gateway IP.");
        var ips = new JsonArray(new JsonObject { ["subnet_id"] = subnetId, ["ip_address"] = (string?)subnet["gateway_ip"] });
        var port = AddSystemPort((string)subnet["network_id"]!, "network:router_interface", routerId, ips, (string)router["project_id"]!);
        Touch(router);
        return InterfaceInfo(router, port, subnetId);
    }

    internal JsonObject RemoveInterface(string routerId, string subnetId, NeutronCaller caller)
    {
        var router = Get(NeutronKinds.Routers, routerId, caller);
        var port = Table(NeutronKinds.Ports).FirstOrDefault(p => (string?)p["device_id"] == routerId && (string?)p["device_owner"] == "network:router_interface" && PortSubnets(p).Contains(subnetId))
                   ?? throw new NeutronError(404, "RouterInterfaceNotFoundForSubnet", $"Router {routerId} has no interface on subnet {subnetId}");
        if (Table(NeutronKinds.FloatingIps).Any(f => (string?)f["router_id"] == routerId && f["port_id"] is JsonValue p && PortSubnets(Find(NeutronKinds.Ports, (string)p!)).Contains(subnetId)))
            throw new NeutronError(409, "RouterInterfaceInUseByFloatingIP",
                $"Router interface for subnet {subnetId} on router {routerId} cannot be deleted, as it is required by one or more floating IPs.");
        Table(NeutronKinds.Ports).Remove(port);
        Touch(router);
        return InterfaceInfo(router, port, subnetId);
    }

    private static JsonObject InterfaceInfo(JsonObject router, JsonObject port, string subnetId) => new()
    {
        ["id"] = (string?)router["id"], ["tenant_id"] = (string?)router["tenant_id"], ["port_id"] = (string?)port["id"],
        ["network_id"] = (string?)port["network_id"], ["subnet_id"] = subnetId, ["subnet_ids"] = new JsonArray(subnetId),
    };

    internal void OnDeleteRouter(JsonObject router)
    {
        var id = (string)router["id"]!;
        var attached = Table(NeutronKinds.Ports).Where(p => (string?)p["device_id"] == id && (string?)p["device_owner"] == "network:router_interface").Select(p => (string)p["id"]!).ToList();
        if (attached.Count > 0) throw new NeutronError(409, "RouterInUse", $"Router {id} has ports still attached: {string.Join(", ", attached)}");
        // The gateway port goes with the router.
        Table(NeutronKinds.Ports).RemoveAll(p => (string?)p["device_id"] == id);
    }

    // ---------------------------------------------------------------- addresses and small helpers

    internal static IEnumerable<string?> PortSubnets(JsonObject port) => port["fixed_ips"]!.AsArray().Select(ip => (string?)ip!["subnet_id"]);

    /// <summary>The lowest address of the subnet's pools that no port holds.</summary>
    internal string NextAddress(JsonObject subnet)
    {
        var used = Table(NeutronKinds.Ports).SelectMany(p => p["fixed_ips"]!.AsArray())
            .Where(ip => (string?)ip!["subnet_id"] == (string?)subnet["id"]).Select(ip => (string)ip!["ip_address"]!)
            .Concat(Table(NeutronKinds.FloatingIps).Select(f => (string?)f["floating_ip_address"] ?? "")).ToHashSet();
        var version = (int)subnet["ip_version"]!;
        foreach (var pool in subnet["allocation_pools"]!.AsArray())
        {
            var start = ToNumber(IPAddress.Parse((string)pool!["start"]!));
            var end = ToNumber(IPAddress.Parse((string)pool["end"]!));
            for (var n = start; n <= end; n++)
            {
                var address = Offset(n, 0, version);
                if (!used.Contains(address)) return address;
            }
        }
        throw new NeutronError(409, "IpAddressGenerationFailure", $"No more IP addresses available on network {subnet["network_id"]}.");
    }

    private static (BigInteger First, BigInteger Last) Range(IPNetwork cidr)
    {
        var bits = cidr.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var first = ToNumber(cidr.BaseAddress);
        return (first, first + (BigInteger.One << (bits - cidr.PrefixLength)) - 1);
    }

    private static BigInteger ToNumber(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static string Offset(BigInteger value, int delta, int version)
    {
        var bytes = (value + delta).ToByteArray(isUnsigned: true, isBigEndian: true);
        var size = version == 4 ? 4 : 16;
        var full = new byte[size];
        Array.Copy(bytes, 0, full, size - bytes.Length, bytes.Length);
        return new IPAddress(full).ToString();
    }

    internal static void Touch(JsonObject resource)
    {
        resource["updated_at"] = Now();
        resource["revision_number"] = (resource["revision_number"]?.GetValue<int>() ?? 0) + 1;
    }

    internal static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    internal static string Str(JsonObject o, string key, string fallback) => o[key]?.GetValue<string>() ?? fallback;
}
