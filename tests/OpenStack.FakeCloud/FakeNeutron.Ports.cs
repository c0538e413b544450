using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace OpenStack.FakeCloud;

/// <summary>Ports (addresses, security groups, the devices that use them) and floating IPs on external networks.</summary>
public sealed partial class FakeNeutron
{
    private int _nextMac = 1;

    /// <summary>Adds a port directly (test setup): an address from the network's first subnet, the given security groups.</summary>
    public JsonObject AddPort(string networkId, string projectId, params string[] securityGroupIds)
    {
        var input = new JsonObject { ["network_id"] = networkId };
        if (securityGroupIds.Length > 0) input["security_groups"] = new JsonArray(securityGroupIds.Select(g => (JsonNode)g).ToArray());
        return Locked(() => Create(NeutronKinds.Ports, input, new NeutronCaller(projectId, true), projectId));
    }

    /// <summary>Binds a port to a server as Nova does (test setup: a server with a port Nova did not make).</summary>
    public void BindPort(string portId, string serverId) => Locked(() => { Bind(Find(NeutronKinds.Ports, portId), serverId); return 0; });

    internal void OnCreatePort(JsonObject port, JsonObject input, NeutronCaller caller)
    {
        var networkId = (string?)input["network_id"] ?? throw NeutronError.BadRequest("Failed to parse request. Required attribute 'network_id' not specified");
        var network = Get(NeutronKinds.Networks, networkId, caller);
        port["mac_address"] = (string?)input["mac_address"] ?? NewMac();
        if (!input.ContainsKey("port_security_enabled")) port["port_security_enabled"] = network["port_security_enabled"]?.DeepClone();
        port["fixed_ips"] = Allocate(networkId, input["fixed_ips"] as JsonArray, (string)port["id"]!);
        var owner = (string)port["project_id"]!;
        if (input["security_groups"] is JsonArray groups)
        {
            CheckGroups(groups, caller);
            port["security_groups"] = groups.DeepClone();
        }
        else if (port["port_security_enabled"]?.GetValue<bool>() == true && !IsNetworkOwner(port))
        {
            port["security_groups"] = new JsonArray((string)EnsureDefaultGroup(owner)["id"]!);
        }
        CheckPortSecurity(port);
    }

    private static bool IsNetworkOwner(JsonObject port) => ((string?)port["device_owner"] ?? "").StartsWith("network:", StringComparison.Ordinal);

    internal void OnUpdatePort(JsonObject port, JsonObject changes, NeutronCaller caller)
    {
        if (changes["security_groups"] is JsonArray groups) CheckGroups(groups, caller);
        if (changes["fixed_ips"] is JsonArray ips)
        {
            port["fixed_ips"] = Allocate((string)port["network_id"]!, ips, (string)port["id"]!);
            changes.Remove("fixed_ips");
        }
        var after = (JsonObject)port.DeepClone();
        foreach (var (key, value) in changes) after[key] = value?.DeepClone();
        // Turning port security off while the groups stay (none sent) is a 409; sending groups with it off, a 400 (observed/162, 165).
        if (!changes.ContainsKey("security_groups") && changes["port_security_enabled"]?.GetValue<bool>() == false && after["security_groups"]!.AsArray().Count > 0)
            throw new NeutronError(409, "PortSecurityPortHasSecurityGroup",
                "Port has security group associated. Cannot disable port security or IP address until security group is removed.");
        CheckPortSecurity(after);
    }

    internal void OnDeletePort(JsonObject port)
    {
        if ((string?)port["device_owner"] is "network:router_interface" or "network:router_gateway")
            throw new NeutronError(409, "ServicePortInUse",
                $"Port {port["id"]} cannot be deleted directly via the port API: has device owner {port["device_owner"]}.");
        foreach (var fip in Table(NeutronKinds.FloatingIps).Where(f => (string?)f["port_id"] == (string?)port["id"])) Disassociate(fip);
    }

    private void CheckGroups(JsonArray groups, NeutronCaller caller)
    {
        foreach (var g in groups) Get(NeutronKinds.SecurityGroups, (string?)g ?? "", caller);
    }

    private static void CheckPortSecurity(JsonObject port)
    {
        if (port["port_security_enabled"]?.GetValue<bool>() == false && port["security_groups"]!.AsArray().Count > 0)
            throw new NeutronError(400, "PortSecurityAndIPRequiredForSecurityGroups",
                "Port security must be enabled and port must have an IP address in order to use security groups.");
    }

    /// <summary>The addresses a port asks for (subnet and/or address), or one from the network's first IPv4 subnet.</summary>
    private JsonArray Allocate(string networkId, JsonArray? requested, string portId)
    {
        var subnets = Table(NeutronKinds.Subnets).Where(s => (string?)s["network_id"] == networkId).ToList();
        var result = new JsonArray();
        if (requested is null)
        {
            var first = subnets.FirstOrDefault(s => (int?)s["ip_version"] == 4) ?? subnets.FirstOrDefault();
            if (first != null) result.Add(new JsonObject { ["subnet_id"] = (string?)first["id"], ["ip_address"] = NextAddress(first) });
            return result;
        }
        foreach (var item in requested.OfType<JsonObject>())
        {
            var address = (string?)item["ip_address"];
            var subnet = item["subnet_id"] is JsonValue sid
                ? subnets.FirstOrDefault(s => (string?)s["id"] == (string?)sid)
                  ?? throw NeutronError.InvalidInput($"Failed to create port on network {networkId}, because fixed_ips included invalid subnet {sid}.")
                : subnets.FirstOrDefault(s => address != null && IPNetwork.Parse((string)s["cidr"]!).Contains(IPAddress.Parse(address)))
                  ?? throw new NeutronError(400, "InvalidIpForNetwork", $"IP address {address} is not a valid IP for any of the subnets on the specified network.");
            var subnetId = (string)subnet["id"]!;
            if (address is null) address = NextAddress(subnet);
            else
            {
                if (!IPNetwork.Parse((string)subnet["cidr"]!).Contains(IPAddress.Parse(address)))
                    throw new NeutronError(400, "InvalidIpForSubnet", $"IP address {address} is not a valid IP for the specified subnet.");
                if (Table(NeutronKinds.Ports).Any(p => (string?)p["id"] != portId && p["fixed_ips"]!.AsArray().Any(ip => (string?)ip!["ip_address"] == address && (string?)ip["subnet_id"] == subnetId)))
                    throw new NeutronError(409, "IpAddressAlreadyAllocated", $"IP address {address} already allocated in subnet {subnetId}");
            }
            result.Add(new JsonObject { ["subnet_id"] = subnetId, ["ip_address"] = address });
        }
        return result;
    }

    /// <summary>A port Neutron makes for itself (router interfaces and gateways): no security groups.</summary>
    internal JsonObject AddSystemPort(string networkId, string owner, string deviceId, JsonArray ips, string projectId)
    {
        var port = NeutronKinds.Ports.Defaults();
        var now = Now();
        port["id"] = Guid.NewGuid().ToString();
        port["network_id"] = networkId;
        port["tenant_id"] = projectId;
        port["project_id"] = projectId;
        port["mac_address"] = NewMac();
        port["device_owner"] = owner;
        port["device_id"] = deviceId;
        port["fixed_ips"] = ips;
        port["created_at"] = now;
        port["updated_at"] = now;
        Table(NeutronKinds.Ports).Add(port);
        return port;
    }

    /// <summary>A compute port: Nova binds it to its server (device, host, vif) and the bind-all driver makes it ACTIVE.</summary>
    internal void Bind(JsonObject port, string serverId)
    {
        port["device_id"] = serverId;
        port["device_owner"] = "compute:nova";
        port["status"] = "ACTIVE";
        port["binding:host_id"] = "osps-compute";
        port["binding:vif_type"] = "ovs";
        port["binding:vif_details"] = new JsonObject { ["port_filter"] = true, ["ovs_hybrid_plug"] = false };
        Touch(port);
    }

    internal void Unbind(JsonObject port)
    {
        port["device_id"] = "";
        port["device_owner"] = "";
        port["status"] = "DOWN";
        port["binding:host_id"] = "";
        port["binding:vif_type"] = "unbound";
        port["binding:vif_details"] = new JsonObject();
        Touch(port);
    }

    private string NewMac()
    {
        var n = _nextMac++;
        return $"fa:16:3e:{(n >> 16) & 0xff:x2}:{(n >> 8) & 0xff:x2}:{n & 0xff:x2}";
    }

    // ---------------------------------------------------------------- floating IPs

    internal void OnCreateFloatingIp(JsonObject fip, JsonObject input, NeutronCaller caller)
    {
        var networkId = (string?)input["floating_network_id"] ?? throw NeutronError.BadRequest("Failed to parse request. Required attribute 'floating_network_id' not specified");
        var network = Find(NeutronKinds.Networks, networkId);
        if (network["router:external"]?.GetValue<bool>() != true)
            throw new NeutronError(400, "BadRequest", $"Bad floatingip request: Network {networkId} is not a valid external network.");
        var subnet = Table(NeutronKinds.Subnets).FirstOrDefault(s => (string?)s["network_id"] == networkId && (int?)s["ip_version"] == 4)
                     ?? throw new NeutronError(400, "BadRequest", $"Bad floatingip request: Network {networkId} does not contain any IPv4 subnet.");
        var wanted = (string?)input["floating_ip_address"];
        if (wanted != null && Table(NeutronKinds.FloatingIps).Any(f => (string?)f["floating_ip_address"] == wanted))
            throw new NeutronError(409, "IpAddressAlreadyAllocated", $"IP address {wanted} already allocated in subnet {subnet["id"]}");
        fip["floating_ip_address"] = wanted ?? NextAddress(subnet);
        if (input["port_id"] is JsonValue port) Associate(fip, (string)port!, (string?)input["fixed_ip_address"], caller);
    }

    internal void OnUpdateFloatingIp(JsonObject fip, JsonObject changes, NeutronCaller caller)
    {
        if (!changes.ContainsKey("port_id")) return;
        var portId = (string?)changes["port_id"];
        var fixedIp = (string?)changes["fixed_ip_address"];
        changes.Remove("port_id");
        changes.Remove("fixed_ip_address");
        if (portId is null) Disassociate(fip);
        else Associate(fip, portId, fixedIp, caller);
    }

    /// <summary>Neutron's association rules: the address is on the port, unique among its IPv4 ones, and a router joins its subnet to the external network.</summary>
    private void Associate(JsonObject fip, string portId, string? fixedIp, NeutronCaller caller)
    {
        var port = Get(NeutronKinds.Ports, portId, caller);
        string subnetId, address;
        if (fixedIp != null)
        {
            var match = port["fixed_ips"]!.AsArray().FirstOrDefault(ip => (string?)ip!["ip_address"] == fixedIp)
                        ?? throw new NeutronError(400, "BadRequest", $"Bad floatingip request: Port {portId} does not have fixed ip {fixedIp}.");
            (subnetId, address) = ((string)match["subnet_id"]!, fixedIp);
        }
        else
        {
            var v4 = port["fixed_ips"]!.AsArray().Where(ip => IPAddress.Parse((string)ip!["ip_address"]!).AddressFamily == AddressFamily.InterNetwork).ToList();
            if (v4.Count == 0) throw new NeutronError(400, "BadRequest", $"Bad floatingip request: Cannot add floating IP to port {portId} that has no fixed IPv4 addresses.");
            if (v4.Count > 1)
                throw new NeutronError(400, "BadRequest", $"Bad floatingip request: Port {portId} has multiple fixed IPv4 addresses.  Must provide a specific IPv4 address when assigning a floating IP.");
            (subnetId, address) = ((string)v4[0]!["subnet_id"]!, (string)v4[0]!["ip_address"]!);
        }
        var external = (string)fip["floating_network_id"]!;
        var router = Table(NeutronKinds.Routers).FirstOrDefault(r => (string?)r["external_gateway_info"]?["network_id"] == external &&
            Table(NeutronKinds.Ports).Any(p => (string?)p["device_id"] == (string?)r["id"] && (string?)p["device_owner"] == "network:router_interface" && PortSubnets(p).Contains(subnetId)))
            ?? throw new NeutronError(404, "ExternalGatewayForFloatingIPNotFound",
                $"External network {external} is not reachable from subnet {subnetId}.  Therefore, cannot associate Port {portId} with a Floating IP.");
        var taken = Table(NeutronKinds.FloatingIps).FirstOrDefault(f => f != fip && (string?)f["port_id"] == portId && (string?)f["fixed_ip_address"] == address);
        if (taken != null)
            throw new NeutronError(409, "FloatingIPPortAlreadyAssociated",
                $"Cannot associate floating IP {fip["floating_ip_address"]} ({fip["id"]}) with port {portId} using fixed IP {address}, as that fixed IP already has a floating IP on external network {external}.");
        fip["port_id"] = portId;
        fip["fixed_ip_address"] = address;
        fip["router_id"] = (string?)router["id"];
    }

    private static void Disassociate(JsonObject fip)
    {
        fip["port_id"] = null;
        fip["fixed_ip_address"] = null;
        fip["router_id"] = null;
    }

    /// <summary>A floating IP as shown: port_details describe the associated port as it is now.</summary>
    internal JsonObject FloatingIpView(JsonObject fip)
    {
        var view = (JsonObject)fip.DeepClone();
        var port = fip["port_id"] is JsonValue id ? Table(NeutronKinds.Ports).FirstOrDefault(p => (string?)p["id"] == (string?)id) : null;
        view["port_details"] = port is null ? null : new JsonObject
        {
            ["name"] = (string?)port["name"], ["network_id"] = (string?)port["network_id"], ["mac_address"] = (string?)port["mac_address"],
            ["admin_state_up"] = port["admin_state_up"]?.DeepClone(), ["status"] = (string?)port["status"],
            ["device_id"] = (string?)port["device_id"], ["device_owner"] = (string?)port["device_owner"],
        };
        return view;
    }
}
