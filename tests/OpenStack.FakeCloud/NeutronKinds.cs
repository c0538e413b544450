using System.Text.Json.Nodes;

namespace OpenStack.FakeCloud;

/// <summary>Who is asking: the token's project, and whether it carries the admin role.</summary>
internal readonly record struct NeutronCaller(string Project, bool Admin);

/// <summary>
/// One Neutron resource kind, described once: where it lives, how its JSON is wrapped, what a new one looks like
/// (its attributes, in the order the real server writes them, double as the filters a list accepts), which
/// attributes a create or an update may set, who else may see it, and the hooks that hold its own rules.
/// The generic list/show/create/update/delete of <see cref="NeutronApi"/> and <see cref="FakeNeutron"/> serve
/// every kind from this table.
/// </summary>
internal sealed class NeutronKind
{
    /// <summary>The collection's path segment: "security-groups".</summary>
    public required string Path { get; init; }

    /// <summary>The key that wraps one resource: "security_group".</summary>
    public required string Singular { get; init; }

    /// <summary>The key that wraps a list: "security_groups".</summary>
    public string Plural => Path.Replace('-', '_');

    /// <summary>The NeutronError type of a missing one: "SecurityGroupNotFound".</summary>
    public required string NotFoundType { get; init; }

    /// <summary>Its message, {0} the id: Neutron's wording differs per kind (full stop or not, "does not exist").</summary>
    public required string NotFoundMessage { get; init; }

    /// <summary>False for the kinds Neutron writes without json.dumps's spaces (networks, subnets, ports).</summary>
    public bool Spaced { get; init; } = true;

    /// <summary>A new resource's attributes and their defaults, in the real order; id, owner and dates are filled in.</summary>
    public required Func<JsonObject> Defaults { get; init; }

    /// <summary>Attributes a create copies from the request as given (after the defaults).</summary>
    public string[] Writable { get; init; } = [];

    /// <summary>Attributes a PUT may change; others in the body are refused as Neutron does.</summary>
    public string[] Updatable { get; init; } = [];

    /// <summary>Attributes only admins see (policy): provider:* on networks, binding:* on ports, …</summary>
    public string[] AdminOnly { get; init; } = [];

    /// <summary>Query keys accepted besides the attributes.</summary>
    public string[] ExtraFilters { get; init; } = [];

    /// <summary>Who sees a resource besides its project and admins (shared and external networks).</summary>
    public Func<JsonObject, NeutronCaller, bool> VisibleToOthers { get; init; } = (_, _) => false;

    /// <summary>The kind's own checks and computed attributes, after the defaults and writable keys are in place.</summary>
    public Action<FakeNeutron, JsonObject, JsonObject, NeutronCaller>? OnCreate { get; init; }

    /// <summary>Checks and consequences of a change (the changes are applied by the caller afterwards).</summary>
    public Action<FakeNeutron, JsonObject, JsonObject, NeutronCaller>? OnUpdate { get; init; }

    /// <summary>The in-use checks and cascades of a delete (the resource is removed by the caller afterwards).</summary>
    public Action<FakeNeutron, JsonObject, NeutronCaller>? OnDelete { get; init; }

    /// <summary>How a stored resource is shown (a copy): inline rules of a group, a rule without its group-only keys.</summary>
    public Func<FakeNeutron, JsonObject, JsonObject>? View { get; init; }

    /// <summary>Called before any request on this kind: a project's default security group is made on first use.</summary>
    public Action<FakeNeutron, NeutronCaller, IReadOnlyList<KeyValuePair<string, string>>>? OnFirstUse { get; init; }

    public NeutronError NotFound(string id) => new(404, NotFoundType, string.Format(NotFoundMessage, id));

    public bool IsFilter(string key) => key is "id" or "tenant_id" or "project_id" || Defaults().ContainsKey(key) || ExtraFilters.Contains(key);
}

/// <summary>The table: every Neutron resource kind the fake serves.</summary>
internal static class NeutronKinds
{
    private static readonly string[] Stamp = ["created_at", "updated_at", "revision_number"];

    public static readonly NeutronKind Networks = new()
    {
        Path = "networks", Singular = "network", NotFoundType = "NetworkNotFound", NotFoundMessage = "Network {0} could not be found.",
        Spaced = false,
        Defaults = () => new JsonObject
        {
            ["id"] = null, ["name"] = "", ["tenant_id"] = null, ["admin_state_up"] = true, ["mtu"] = 1450, ["status"] = "ACTIVE",
            ["subnets"] = new JsonArray(), ["shared"] = false, ["project_id"] = null, ["port_security_enabled"] = true,
            ["router:external"] = false, ["provider:network_type"] = "vxlan", ["provider:physical_network"] = null,
            ["provider:segmentation_id"] = null, ["is_default"] = false, ["availability_zone_hints"] = new JsonArray(),
            ["availability_zones"] = new JsonArray(), ["ipv4_address_scope"] = null, ["ipv6_address_scope"] = null,
            ["description"] = "", ["tags"] = new JsonArray(), ["created_at"] = null, ["updated_at"] = null, ["revision_number"] = 1,
        },
        Writable = ["name", "admin_state_up", "shared", "router:external", "description", "port_security_enabled",
            "provider:network_type", "provider:physical_network", "provider:segmentation_id", "mtu"],
        Updatable = ["name", "description", "admin_state_up", "shared", "router:external", "mtu", "port_security_enabled"],
        AdminOnly = ["provider:network_type", "provider:physical_network", "provider:segmentation_id"],
        VisibleToOthers = (n, _) => n["shared"]?.GetValue<bool>() == true || n["router:external"]?.GetValue<bool>() == true,
        OnCreate = (store, n, input, caller) => store.OnCreateNetwork(n, input, caller),
        OnUpdate = (_, _, changes, _) => FakeNeutron.OnUpdateNetwork(changes),
        OnDelete = (store, n, _) => store.OnDeleteNetwork(n),
    };

    public static readonly NeutronKind Subnets = new()
    {
        Path = "subnets", Singular = "subnet", NotFoundType = "SubnetNotFound", NotFoundMessage = "Subnet {0} could not be found.",
        Spaced = false,
        Defaults = () => new JsonObject
        {
            ["id"] = null, ["name"] = "", ["tenant_id"] = null, ["network_id"] = null, ["ip_version"] = 4, ["subnetpool_id"] = null,
            ["enable_dhcp"] = true, ["ipv6_ra_mode"] = null, ["ipv6_address_mode"] = null, ["gateway_ip"] = null, ["cidr"] = null,
            ["allocation_pools"] = new JsonArray(), ["host_routes"] = new JsonArray(), ["dns_nameservers"] = new JsonArray(),
            ["description"] = "", ["service_types"] = new JsonArray(), ["tags"] = new JsonArray(), ["created_at"] = null,
            ["updated_at"] = null, ["revision_number"] = 0, ["project_id"] = null,
        },
        Writable = ["name", "network_id", "ip_version", "enable_dhcp", "dns_nameservers", "description", "host_routes"],
        Updatable = ["name", "description", "enable_dhcp", "gateway_ip", "dns_nameservers", "host_routes", "allocation_pools"],
        OnCreate = (store, s, input, _) => store.OnCreateSubnet(s, input),
        OnUpdate = (store, s, changes, _) => store.OnUpdateSubnet(s, changes),
        OnDelete = (store, s, _) => store.OnDeleteSubnet(s),
    };

    public static readonly NeutronKind Routers = new()
    {
        Path = "routers", Singular = "router", NotFoundType = "RouterNotFound", NotFoundMessage = "Router {0} could not be found",
        Defaults = () => new JsonObject
        {
            ["id"] = null, ["name"] = "", ["tenant_id"] = null, ["admin_state_up"] = true, ["status"] = "ACTIVE",
            ["external_gateway_info"] = null, ["description"] = "", ["availability_zones"] = new JsonArray(), ["distributed"] = false,
            ["ha"] = false, ["availability_zone_hints"] = new JsonArray(), ["routes"] = new JsonArray(), ["flavor_id"] = null,
            ["tags"] = new JsonArray(), ["created_at"] = null, ["updated_at"] = null, ["revision_number"] = 1, ["project_id"] = null,
        },
        Writable = ["name", "admin_state_up", "description"],
        Updatable = ["name", "description", "admin_state_up", "external_gateway_info", "routes"],
        AdminOnly = ["distributed", "ha"],
        OnCreate = (store, r, input, caller) => store.OnCreateRouter(r, input, caller),
        OnUpdate = (store, r, changes, caller) => store.OnUpdateRouter(r, changes, caller),
        OnDelete = (store, r, _) => store.OnDeleteRouter(r),
    };

    public static readonly NeutronKind Ports = new()
    {
        Path = "ports", Singular = "port", NotFoundType = "PortNotFound", NotFoundMessage = "Port {0} could not be found.",
        Spaced = false,
        Defaults = () => new JsonObject
        {
            ["id"] = null, ["name"] = "", ["network_id"] = null, ["tenant_id"] = null, ["mac_address"] = null, ["admin_state_up"] = true,
            ["status"] = "DOWN", ["device_id"] = "", ["device_owner"] = "", ["fixed_ips"] = new JsonArray(), ["project_id"] = null,
            ["port_security_enabled"] = true, ["security_groups"] = new JsonArray(), ["binding:vnic_type"] = "normal",
            ["binding:profile"] = new JsonObject(), ["binding:host_id"] = "", ["binding:vif_type"] = "unbound",
            ["binding:vif_details"] = new JsonObject(), ["allowed_address_pairs"] = new JsonArray(), ["extra_dhcp_opts"] = new JsonArray(),
            ["description"] = "", ["tags"] = new JsonArray(), ["created_at"] = null, ["updated_at"] = null, ["revision_number"] = 1,
        },
        Writable = ["name", "network_id", "admin_state_up", "device_id", "device_owner", "description", "port_security_enabled", "binding:host_id"],
        Updatable = ["name", "description", "admin_state_up", "device_id", "device_owner", "security_groups", "port_security_enabled",
            "fixed_ips", "allowed_address_pairs", "binding:host_id"],
        AdminOnly = ["binding:profile", "binding:host_id", "binding:vif_type", "binding:vif_details"],
        OnFirstUse = (store, caller, _) => store.EnsureDefaultGroup(caller.Project),
        OnCreate = (store, p, input, caller) => store.OnCreatePort(p, input, caller),
        OnUpdate = (store, p, changes, caller) => store.OnUpdatePort(p, changes, caller),
        OnDelete = (store, p, _) => store.OnDeletePort(p),
    };

    public static readonly NeutronKind SecurityGroups = new()
    {
        Path = "security-groups", Singular = "security_group", NotFoundType = "SecurityGroupNotFound",
        NotFoundMessage = "Security group {0} does not exist",
        Defaults = () => new JsonObject
        {
            ["id"] = null, ["name"] = "", ["stateful"] = true, ["tenant_id"] = null, ["description"] = "", ["shared"] = false,
            ["security_group_rules"] = new JsonArray(), ["tags"] = new JsonArray(), ["created_at"] = null, ["updated_at"] = null,
            ["revision_number"] = 1, ["project_id"] = null,
        },
        Writable = ["name", "description", "stateful"],
        Updatable = ["name", "description", "stateful"],
        OnFirstUse = (store, caller, query) => store.EnsureDefaultGroups(caller, query),
        OnCreate = (store, g, _, _) => store.OnCreateSecurityGroup(g),
        OnUpdate = (_, g, changes, caller) => FakeNeutron.OnUpdateSecurityGroup(g, changes, caller),
        OnDelete = (store, g, caller) => store.OnDeleteSecurityGroup(g, caller),
        View = (store, g) => store.SecurityGroupView(g),
    };

    public static readonly NeutronKind SecurityGroupRules = new()
    {
        Path = "security-group-rules", Singular = "security_group_rule", NotFoundType = "SecurityGroupRuleNotFound",
        NotFoundMessage = "Security group rule {0} does not exist",
        Defaults = () => NewRule(),
        Writable = ["security_group_id", "direction", "ethertype", "protocol", "port_range_min", "port_range_max", "remote_ip_prefix",
            "remote_group_id", "description"],
        OnFirstUse = (store, caller, _) => store.EnsureDefaultGroup(caller.Project),
        OnCreate = (store, r, input, caller) => store.OnCreateRule(r, input, caller),
        View = (_, r) => RuleView(r),
    };

    public static readonly NeutronKind FloatingIps = new()
    {
        Path = "floatingips", Singular = "floatingip", NotFoundType = "FloatingIPNotFound", NotFoundMessage = "Floating IP {0} could not be found",
        Defaults = () => new JsonObject
        {
            ["id"] = null, ["tenant_id"] = null, ["floating_ip_address"] = null, ["floating_network_id"] = null, ["router_id"] = null,
            ["port_id"] = null, ["fixed_ip_address"] = null, ["status"] = "DOWN", ["project_id"] = null, ["description"] = "",
            ["port_details"] = null, ["tags"] = new JsonArray(), ["created_at"] = null, ["updated_at"] = null, ["revision_number"] = 0,
        },
        Writable = ["floating_network_id", "description"],
        Updatable = ["port_id", "fixed_ip_address", "description"],
        OnCreate = (store, f, input, caller) => store.OnCreateFloatingIp(f, input, caller),
        OnUpdate = (store, f, changes, caller) => store.OnUpdateFloatingIp(f, changes, caller),
        View = (store, f) => store.FloatingIpView(f),
    };

    /// <summary>
    /// Subnet pools. Zed writes the three prefix lengths as strings ("26"), and refuses a delete while a subnet takes
    /// from the pool with a 400 SubnetPoolDeleteError (both seen on the project's cloud).
    /// </summary>
    public static readonly NeutronKind SubnetPools = new()
    {
        Path = "subnetpools", Singular = "subnetpool", NotFoundType = "SubnetPoolNotFound", NotFoundMessage = "Subnet pool {0} could not be found.",
        Defaults = () => new JsonObject
        {
            ["id"] = null, ["name"] = "", ["tenant_id"] = null, ["default_prefixlen"] = null, ["min_prefixlen"] = null, ["max_prefixlen"] = null,
            ["is_default"] = false, ["shared"] = false, ["prefixes"] = new JsonArray(), ["ip_version"] = 4, ["default_quota"] = null,
            ["address_scope_id"] = null, ["description"] = "", ["tags"] = new JsonArray(), ["created_at"] = null, ["updated_at"] = null,
            ["revision_number"] = 0, ["project_id"] = null,
        },
        Writable = ["name", "prefixes", "default_prefixlen", "min_prefixlen", "max_prefixlen", "is_default", "shared", "default_quota", "description"],
        Updatable = ["name", "prefixes", "default_prefixlen", "min_prefixlen", "max_prefixlen", "is_default", "default_quota", "description"],
        VisibleToOthers = (p, _) => p["shared"]?.GetValue<bool>() == true,
        OnCreate = (_, p, _, _) => PrefixLengths(p, p),
        OnUpdate = (_, p, changes, _) => PrefixLengths(p, changes),
        OnDelete = (store, p, _) =>
        {
            if (store.Table(Subnets).Any(s => (string?)s["subnetpool_id"] == (string?)p["id"]))
                throw new NeutronError(400, "SubnetPoolDeleteError", "Unable to delete subnet pool: Subnet pool has existing allocations.");
        },
    };

    /// <summary>The pool's IP version from its prefixes, Neutron's default lengths (8/32, 64/128), all written as strings.</summary>
    private static void PrefixLengths(JsonObject pool, JsonObject target)
    {
        if (target.ContainsKey("prefixes"))
        {
            var prefixes = target["prefixes"]!.AsArray().Select(p => (string)p!).ToList();
            if (prefixes.Select(p => p.Contains(':')).Distinct().Count() > 1)
                throw new NeutronError(400, "PrefixVersionMismatch", "Cannot mix IPv4 and IPv6 prefixes in a subnet pool.");
            if (ReferenceEquals(pool, target)) pool["ip_version"] = prefixes.Any(p => p.Contains(':')) ? 6 : 4;
            else if (pool["prefixes"]!.AsArray().Select(p => (string)p!).Except(prefixes).Any())
                throw new NeutronError(400, "IllegalSubnetPoolPrefixUpdate", "Illegal update to prefixes: Existing prefixes must be a subset of the new prefixes.");
        }
        var v6 = (int?)pool["ip_version"] == 6;
        foreach (var (key, fallback) in new[] { ("min_prefixlen", v6 ? "64" : "8"), ("max_prefixlen", v6 ? "128" : "32") })
            target[key] = target[key] is { } given ? given.ToString() : pool[key]?.ToString() ?? fallback;
        target["default_prefixlen"] = target["default_prefixlen"] is { } d ? d.ToString() : pool["default_prefixlen"]?.ToString() ?? (string?)target["min_prefixlen"];
    }

    public static readonly IReadOnlyDictionary<string, NeutronKind> ByPath =
        new[] { Networks, Subnets, Routers, Ports, SecurityGroups, SecurityGroupRules, FloatingIps, SubnetPools }.ToDictionary(k => k.Path);

    /// <summary>A rule as stored: with the keys Neutron shows only inside its group (standard_attr_id, tags).</summary>
    internal static JsonObject NewRule() => new()
    {
        ["id"] = null, ["tenant_id"] = null, ["security_group_id"] = null, ["ethertype"] = "IPv4", ["direction"] = null,
        ["protocol"] = null, ["port_range_min"] = null, ["port_range_max"] = null, ["remote_ip_prefix"] = null,
        ["remote_address_group_id"] = null, ["normalized_cidr"] = null, ["remote_group_id"] = null, ["standard_attr_id"] = 0,
        ["description"] = "", ["tags"] = new JsonArray(), ["created_at"] = null, ["updated_at"] = null, ["revision_number"] = 0,
        ["project_id"] = null,
    };

    /// <summary>A rule on its own (create, show, list): without standard_attr_id and tags, which only its group's view shows.</summary>
    internal static JsonObject RuleView(JsonObject rule)
    {
        var copy = (JsonObject)rule.DeepClone();
        copy.Remove("standard_attr_id");
        copy.Remove("tags");
        return copy;
    }

    internal static bool IsStamp(string key) => Stamp.Contains(key);
}
