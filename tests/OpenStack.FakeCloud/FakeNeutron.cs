using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json.Nodes;

namespace OpenStack.FakeCloud;

/// <summary>A Neutron API error as the real server writes it: {"NeutronError": {"type", "message", "detail"}}.</summary>
public sealed class NeutronError(int status, string type, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Type { get; } = type;

    public static NeutronError NotFound(string kind, string id) =>
        // Neutron's own messages differ by a full stop: routers have none.
        new(404, kind + "NotFound", $"{kind} {id} could not be found" + (kind == "Router" ? "" : "."));

    public static NeutronError InvalidInput(string detail) => new(400, "InvalidInput", "Invalid input for operation: " + detail);
}

/// <summary>
/// The state of an in-memory Neutron (ML2, no agents): networks, subnets, routers and the ports routers put on
/// subnets. Resources are kept as the JSON objects the API returns; the rules are the real ones a client meets
/// (in-use conflicts, overlapping CIDRs, missing resources).
/// </summary>
public sealed class FakeNeutron
{
    private readonly object _gate = new();
    private readonly List<JsonObject> _networks = new();
    private readonly List<JsonObject> _subnets = new();
    private readonly List<JsonObject> _routers = new();
    private readonly List<JsonObject> _ports = new();
    private int _nextSegment = 100;

    public IReadOnlyList<JsonObject> Networks { get { lock (_gate) return _networks.Select(n => (JsonObject)n.DeepClone()).ToList(); } }
    public IReadOnlyList<JsonObject> Subnets { get { lock (_gate) return _subnets.Select(n => (JsonObject)n.DeepClone()).ToList(); } }
    public IReadOnlyList<JsonObject> Routers { get { lock (_gate) return _routers.Select(n => (JsonObject)n.DeepClone()).ToList(); } }
    public IReadOnlyList<JsonObject> Ports { get { lock (_gate) return _ports.Select(n => (JsonObject)n.DeepClone()).ToList(); } }

    internal List<JsonObject> Collection(string kind) => kind switch
    {
        "networks" => _networks,
        "subnets" => _subnets,
        "routers" => _routers,
        _ => throw NeutronError.NotFound("Resource", kind),
    };

    internal T Locked<T>(Func<T> action) { lock (_gate) return action(); }

    /// <summary>Adds a network directly (test setup), as an admin would create it.</summary>
    public JsonObject AddNetwork(string name, string projectId, bool external = false, bool shared = false) =>
        Locked(() => CreateNetwork(new JsonObject { ["name"] = name, ["router:external"] = external, ["shared"] = shared }, projectId));

    internal JsonObject CreateNetwork(JsonObject input, string projectId)
    {
        var now = Now();
        var type = input["provider:network_type"]?.GetValue<string>() ?? "vxlan";
        var segment = input["provider:segmentation_id"]?.GetValue<int>() ?? (type is "vxlan" or "gre" or "vlan" ? _nextSegment++ : (int?)null);
        var network = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["name"] = Str(input, "name", ""), ["tenant_id"] = projectId,
            ["admin_state_up"] = Bool(input, "admin_state_up", true),
            ["mtu"] = input["mtu"]?.GetValue<int>() ?? (type is "vxlan" ? 1450 : type is "gre" ? 1458 : 1500),
            ["status"] = "ACTIVE", ["subnets"] = new JsonArray(), ["shared"] = Bool(input, "shared", false),
            ["project_id"] = projectId, ["port_security_enabled"] = true, ["router:external"] = Bool(input, "router:external", false),
            ["provider:network_type"] = type, ["provider:physical_network"] = input["provider:physical_network"]?.GetValue<string>(),
            ["provider:segmentation_id"] = segment, ["is_default"] = false, ["availability_zone_hints"] = new JsonArray(),
            ["availability_zones"] = new JsonArray(), ["ipv4_address_scope"] = null, ["ipv6_address_scope"] = null,
            ["description"] = Str(input, "description", ""), ["tags"] = new JsonArray(), ["created_at"] = now, ["updated_at"] = now,
            ["revision_number"] = 1,
        };
        _networks.Add(network);
        return network;
    }

    internal JsonObject UpdateNetwork(string id, JsonObject input)
    {
        var network = Find(_networks, "Network", id);
        foreach (var key in new[] { "name", "description", "admin_state_up", "shared", "router:external", "mtu" })
        {
            if (input.ContainsKey(key)) network[key] = input[key]?.DeepClone();
        }
        Touch(network);
        return network;
    }

    internal void DeleteNetwork(string id)
    {
        var network = Find(_networks, "Network", id);
        var ports = _ports.Where(p => (string?)p["network_id"] == id).Select(p => (string)p["id"]!).ToList();
        if (ports.Count > 0)
        {
            throw new NeutronError(409, "NetworkInUse",
                $"Unable to complete operation on network {id}. There are one or more ports still in use on the network, id for these ports is: {string.Join(", ", ports)}.");
        }
        _subnets.RemoveAll(s => (string?)s["network_id"] == id);
        _networks.Remove(network);
    }

    internal JsonObject CreateSubnet(JsonObject input, string projectId)
    {
        var networkId = Str(input, "network_id", "");
        var network = Find(_networks, "Network", networkId);
        var cidrText = Str(input, "cidr", "");
        if (!IPNetwork.TryParse(cidrText, out var cidr)) throw NeutronError.InvalidInput($"{cidrText} is not in a CIDR format.");
        var version = input["ip_version"]?.GetValue<int>() ?? 4;
        if ((cidr.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 4 : 6) != version)
            throw NeutronError.InvalidInput("Cidr " + cidrText + " does not match the ip_version " + version + ".");
        foreach (var other in _subnets.Where(s => (string?)s["network_id"] == networkId))
        {
            var existing = IPNetwork.Parse((string)other["cidr"]!);
            if (existing.Contains(cidr.BaseAddress) || cidr.Contains(existing.BaseAddress))
                throw NeutronError.InvalidInput($"Requested subnet with cidr: {cidr} for network: {networkId} overlaps with another subnet.");
        }
        var (first, last) = Range(cidr);
        var gateway = input.ContainsKey("gateway_ip") ? input["gateway_ip"]?.GetValue<string>() : Offset(first, 1, version);
        var poolEnd = version == 4 ? Offset(last, -1, 4) : Offset(last, 0, 6);
        var now = Now();
        var subnet = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["name"] = Str(input, "name", ""), ["tenant_id"] = projectId, ["network_id"] = networkId,
            ["ip_version"] = version, ["subnetpool_id"] = null, ["enable_dhcp"] = Bool(input, "enable_dhcp", true),
            ["ipv6_ra_mode"] = null, ["ipv6_address_mode"] = null, ["gateway_ip"] = gateway, ["cidr"] = cidr.ToString(),
            ["allocation_pools"] = new JsonArray(new JsonObject { ["start"] = Offset(first, gateway == Offset(first, 1, version) ? 2 : 1, version), ["end"] = poolEnd }),
            ["host_routes"] = new JsonArray(), ["dns_nameservers"] = input["dns_nameservers"]?.DeepClone() ?? new JsonArray(),
            ["description"] = Str(input, "description", ""), ["service_types"] = new JsonArray(), ["tags"] = new JsonArray(),
            ["created_at"] = now, ["updated_at"] = now, ["revision_number"] = 0, ["project_id"] = projectId,
        };
        _subnets.Add(subnet);
        network["subnets"]!.AsArray().Add(subnet["id"]!.GetValue<string>());
        Touch(network);
        return subnet;
    }

    internal JsonObject UpdateSubnet(string id, JsonObject input)
    {
        var subnet = Find(_subnets, "Subnet", id);
        foreach (var key in new[] { "name", "description", "gateway_ip", "enable_dhcp", "dns_nameservers" })
        {
            if (input.ContainsKey(key)) subnet[key] = input[key]?.DeepClone();
        }
        Touch(subnet);
        return subnet;
    }

    /// <summary>PUT /v2.0/routers/{id}: "external_gateway_info": {} (or null) clears the gateway and its port, a network_id moves it.</summary>
    internal JsonObject UpdateRouter(string id, JsonObject input, string projectId)
    {
        var router = Find(_routers, "Router", id);
        foreach (var key in new[] { "name", "description", "admin_state_up" })
        {
            if (input.ContainsKey(key)) router[key] = input[key]?.DeepClone();
        }
        if (input.ContainsKey("external_gateway_info"))
        {
            var gateway = input["external_gateway_info"] as JsonObject;
            if (gateway?.ContainsKey("network_id") == true) Find(_networks, "Network", Str(gateway, "network_id", ""));
            _ports.RemoveAll(p => (string?)p["device_id"] == id && (string?)p["device_owner"] == "network:router_gateway");
            router["external_gateway_info"] = null;
            if (gateway?.ContainsKey("network_id") == true) SetGateway(router, gateway, projectId);
        }
        Touch(router);
        return router;
    }

    internal void DeleteSubnet(string id)
    {
        var subnet = Find(_subnets, "Subnet", id);
        if (_ports.Any(p => PortSubnets(p).Contains(id)))
            throw new NeutronError(409, "SubnetInUse", $"Unable to complete operation on subnet {id}: One or more ports have an IP allocation from this subnet.");
        _subnets.Remove(subnet);
        var network = _networks.FirstOrDefault(n => (string?)n["id"] == (string?)subnet["network_id"]);
        var list = network?["subnets"]!.AsArray();
        var entry = list?.FirstOrDefault(s => (string?)s == id);
        if (entry != null) list!.Remove(entry);
    }

    internal JsonObject CreateRouter(JsonObject input, string projectId)
    {
        var now = Now();
        var router = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["name"] = Str(input, "name", ""), ["tenant_id"] = projectId,
            ["admin_state_up"] = Bool(input, "admin_state_up", true), ["status"] = "ACTIVE", ["external_gateway_info"] = null,
            ["description"] = Str(input, "description", ""), ["availability_zones"] = new JsonArray(), ["distributed"] = false, ["ha"] = false,
            ["availability_zone_hints"] = new JsonArray(), ["routes"] = new JsonArray(), ["flavor_id"] = null, ["tags"] = new JsonArray(),
            ["created_at"] = now, ["updated_at"] = now, ["revision_number"] = 1, ["project_id"] = projectId,
        };
        if (input["external_gateway_info"] is JsonObject gateway) SetGateway(router, gateway, projectId);
        _routers.Add(router);
        return router;
    }

    private void SetGateway(JsonObject router, JsonObject gateway, string projectId)
    {
        var networkId = Str(gateway, "network_id", "");
        var network = Find(_networks, "Network", networkId);
        if (network["router:external"]?.GetValue<bool>() != true)
            throw new NeutronError(400, "BadRequest", $"Bad router request: Network {networkId} is not an external network.");
        var subnet = _subnets.FirstOrDefault(s => (string?)s["network_id"] == networkId);
        var ips = new JsonArray();
        if (subnet != null) ips.Add(new JsonObject { ["subnet_id"] = (string?)subnet["id"], ["ip_address"] = NextAddress(subnet) });
        var port = AddPort(networkId, "network:router_gateway", (string)router["id"]!, ips, projectId);
        router["external_gateway_info"] = new JsonObject
        {
            ["network_id"] = networkId, ["external_fixed_ips"] = port["fixed_ips"]!.DeepClone(), ["enable_snat"] = true,
        };
    }

    internal JsonObject AddInterface(string routerId, string subnetId, string projectId)
    {
        var router = Find(_routers, "Router", routerId);
        var subnet = Find(_subnets, "Subnet", subnetId);
        if (_ports.Any(p => (string?)p["device_id"] == routerId && PortSubnets(p).Contains(subnetId)))
            throw new NeutronError(400, "BadRequest", $"Bad router request: Router already has a port on subnet {subnetId}.");
        if (subnet["gateway_ip"] is null)
            throw new NeutronError(400, "BadRequest", $"Bad router request: Subnet for router interface must have a gateway IP.");
        var ips = new JsonArray(new JsonObject { ["subnet_id"] = subnetId, ["ip_address"] = (string?)subnet["gateway_ip"] });
        var port = AddPort((string)subnet["network_id"]!, "network:router_interface", routerId, ips, projectId);
        Touch(router);
        return new JsonObject
        {
            ["id"] = routerId, ["tenant_id"] = (string?)router["tenant_id"], ["port_id"] = (string?)port["id"],
            ["network_id"] = (string?)subnet["network_id"], ["subnet_id"] = subnetId, ["subnet_ids"] = new JsonArray(subnetId),
        };
    }

    internal JsonObject RemoveInterface(string routerId, string subnetId)
    {
        var router = Find(_routers, "Router", routerId);
        var port = _ports.FirstOrDefault(p => (string?)p["device_id"] == routerId && (string?)p["device_owner"] == "network:router_interface" && PortSubnets(p).Contains(subnetId))
                   ?? throw new NeutronError(404, "RouterInterfaceNotFoundForSubnet", $"Router {routerId} has no interface on subnet {subnetId}");
        _ports.Remove(port);
        Touch(router);
        return new JsonObject
        {
            ["id"] = routerId, ["tenant_id"] = (string?)router["tenant_id"], ["port_id"] = (string?)port["id"],
            ["network_id"] = (string?)port["network_id"], ["subnet_id"] = subnetId, ["subnet_ids"] = new JsonArray(subnetId),
        };
    }

    internal void DeleteRouter(string id)
    {
        var router = Find(_routers, "Router", id);
        var attached = _ports.Where(p => (string?)p["device_id"] == id && (string?)p["device_owner"] == "network:router_interface").Select(p => (string)p["id"]!).ToList();
        if (attached.Count > 0) throw new NeutronError(409, "RouterInUse", $"Router {id} has ports still attached: {string.Join(", ", attached)}");
        // The gateway port goes with the router.
        _ports.RemoveAll(p => (string?)p["device_id"] == id);
        _routers.Remove(router);
    }

    internal static JsonObject Find(List<JsonObject> list, string kind, string id) =>
        list.FirstOrDefault(r => (string?)r["id"] == id) ?? throw NeutronError.NotFound(kind, id);

    private JsonObject AddPort(string networkId, string owner, string deviceId, JsonArray ips, string projectId)
    {
        var port = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["network_id"] = networkId, ["device_owner"] = owner, ["device_id"] = deviceId,
            ["fixed_ips"] = ips, ["project_id"] = projectId, ["status"] = "DOWN",
        };
        _ports.Add(port);
        return port;
    }

    private static IEnumerable<string?> PortSubnets(JsonObject port) => port["fixed_ips"]!.AsArray().Select(ip => (string?)ip!["subnet_id"]);

    private string NextAddress(JsonObject subnet)
    {
        var used = _ports.SelectMany(p => p["fixed_ips"]!.AsArray()).Where(ip => (string?)ip!["subnet_id"] == (string?)subnet["id"]).Count();
        var start = IPAddress.Parse((string)subnet["allocation_pools"]![0]!["start"]!);
        return Offset(ToNumber(start), used, (int)subnet["ip_version"]!);
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

    private static void Touch(JsonObject resource)
    {
        resource["updated_at"] = Now();
        resource["revision_number"] = (resource["revision_number"]?.GetValue<int>() ?? 0) + 1;
    }

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static string Str(JsonObject o, string key, string fallback) => o[key]?.GetValue<string>() ?? fallback;

    private static bool Bool(JsonObject o, string key, bool fallback) => o[key]?.GetValue<bool>() ?? fallback;
}
