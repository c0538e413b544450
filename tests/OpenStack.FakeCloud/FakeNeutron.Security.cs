using System.Net;
using System.Text.Json.Nodes;

namespace OpenStack.FakeCloud;

/// <summary>Security groups and their rules, with the checks the real ML2 plugin makes at the API (no agent needed).</summary>
public sealed partial class FakeNeutron
{
    private int _standardAttrId = 1;

    /// <summary>The project's "default" group; Neutron makes it (with its four rules) the first time the project uses groups or ports.</summary>
    internal JsonObject EnsureDefaultGroup(string projectId)
    {
        var existing = Table(NeutronKinds.SecurityGroups).FirstOrDefault(g => (string?)g["project_id"] == projectId && (string?)g["name"] == "default");
        if (existing != null || projectId.Length == 0) return existing!;
        var group = Create(NeutronKinds.SecurityGroups, new JsonObject { ["name"] = "default", ["description"] = "Default security group" },
            new NeutronCaller(projectId, false), projectId, withEgressRules: false);
        var id = (string)group["id"]!;
        foreach (var ethertype in new[] { "IPv4", "IPv6" })
        {
            AddRule(id, projectId, "ingress", ethertype, remoteGroupId: id);
            AddRule(id, projectId, "egress", ethertype);
        }
        return group;
    }

    /// <summary>Adds a security group directly (test setup), with the egress rules a new group gets.</summary>
    public JsonObject AddSecurityGroup(string name, string projectId, string description = "") =>
        Locked(() => Create(NeutronKinds.SecurityGroups, new JsonObject { ["name"] = name, ["description"] = description },
            new NeutronCaller(projectId, false), projectId));

    /// <summary>Lists make the caller's default group, and (for an admin) that of the project a filter names, as Neutron does.</summary>
    internal void EnsureDefaultGroups(NeutronCaller caller, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        EnsureDefaultGroup(caller.Project);
        if (!caller.Admin) return;
        foreach (var (key, value) in query.Where(p => p.Key is "tenant_id" or "project_id")) EnsureDefaultGroup(value);
    }

    private bool _skipEgressRules;

    private JsonObject Create(NeutronKind kind, JsonObject input, NeutronCaller caller, string owner, bool withEgressRules)
    {
        _skipEgressRules = !withEgressRules;
        try { return Create(kind, input, caller, owner); }
        finally { _skipEgressRules = false; }
    }

    /// <summary>A new group allows all egress (IPv4 and IPv6), as Neutron's new groups do.</summary>
    internal void OnCreateSecurityGroup(JsonObject group)
    {
        if (_skipEgressRules) return;
        // The group is added to its table after this hook: the rules only need its id.
        foreach (var ethertype in new[] { "IPv4", "IPv6" }) AddRule((string)group["id"]!, (string)group["project_id"]!, "egress", ethertype);
    }

    private void AddRule(string groupId, string projectId, string direction, string ethertype, string? remoteGroupId = null)
    {
        var rule = NeutronKinds.NewRule();
        var now = Now();
        rule["id"] = Guid.NewGuid().ToString();
        rule["tenant_id"] = projectId;
        rule["project_id"] = projectId;
        rule["security_group_id"] = groupId;
        rule["direction"] = direction;
        rule["ethertype"] = ethertype;
        rule["remote_group_id"] = remoteGroupId;
        rule["standard_attr_id"] = _standardAttrId++;
        // The rules Neutron makes itself have no description (null); those a user creates have "".
        rule["description"] = null;
        rule["created_at"] = now;
        rule["updated_at"] = now;
        Table(NeutronKinds.SecurityGroupRules).Add(rule);
    }

    internal static void OnUpdateSecurityGroup(JsonObject group, JsonObject changes, NeutronCaller caller)
    {
        if ((string?)group["name"] == "default" && changes["name"] is JsonValue name && (string?)name != "default")
            throw new NeutronError(409, "SecurityGroupCannotUpdateDefault", "Updating default security group not allowed.");
    }

    internal void OnDeleteSecurityGroup(JsonObject group, NeutronCaller caller)
    {
        var id = (string)group["id"]!;
        // In use is checked first: a member deleting a default group that a port uses hears "in use".
        if (Table(NeutronKinds.Ports).Any(p => p["security_groups"]!.AsArray().Any(g => (string?)g == id)))
            throw new NeutronError(409, "SecurityGroupInUse", $"Security Group {id} in use.");
        if ((string?)group["name"] == "default" && !caller.Admin)
            throw new NeutronError(409, "SecurityGroupCannotRemoveDefault", "Insufficient rights for removing default security group.");
        Table(NeutronKinds.SecurityGroupRules).RemoveAll(r => (string?)r["security_group_id"] == id);
    }

    /// <summary>A group as shown: its rules inline, each with the standard_attr_id and tags a rule shows only there.</summary>
    internal JsonObject SecurityGroupView(JsonObject group)
    {
        var view = (JsonObject)group.DeepClone();
        view["security_group_rules"] = new JsonArray(Table(NeutronKinds.SecurityGroupRules)
            .Where(r => (string?)r["security_group_id"] == (string?)group["id"]).Select(r => (JsonNode)r.DeepClone()).ToArray());
        return view;
    }

    /// <summary>Neutron's checks on a new rule, in its order: ports need a protocol, ranges go upwards, the group exists, no duplicate.</summary>
    internal void OnCreateRule(JsonObject rule, JsonObject input, NeutronCaller caller)
    {
        var direction = (string?)rule["direction"];
        if (direction is not ("ingress" or "egress"))
            throw NeutronError.BadRequest($"Invalid input for direction. Reason: {(direction is null ? "None" : "'" + direction + "'")} is not in valid_values.");
        var protocol = rule["protocol"]?.ToString();
        if (protocol is "any") rule["protocol"] = protocol = null;
        var min = rule["port_range_min"]?.GetValue<int>();
        var max = rule["port_range_max"]?.GetValue<int>();
        if ((min ?? max) != null && protocol is null)
            throw new NeutronError(400, "SecurityGroupProtocolRequiredWithPorts", "Must also specify protocol if port range is given.");
        if (protocol is "tcp" or "udp" or "6" or "17" && min > max)
            throw new NeutronError(400, "SecurityGroupInvalidPortRange", "For TCP/UDP protocols, port_range_min must be <= port_range_max");
        if (rule["remote_ip_prefix"] is JsonValue prefix)
        {
            if (!IPNetwork.TryParse((string)prefix!, out var cidr))
                throw NeutronError.BadRequest($"Invalid input for remote_ip_prefix. Reason: '{prefix}' is not a valid IP subnet.");
            var family = cidr.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "IPv4" : "IPv6";
            if (family != (string?)rule["ethertype"])
                throw new NeutronError(400, "SecurityGroupRuleParameterConflict", $"Conflicting value ethertype {rule["ethertype"]} for CIDR {prefix}");
            rule["normalized_cidr"] = cidr.ToString();
        }
        var groupId = (string?)rule["security_group_id"] ?? "";
        Get(NeutronKinds.SecurityGroups, groupId, caller);
        if (rule["remote_group_id"] is JsonValue remote) Get(NeutronKinds.SecurityGroups, (string)remote!, caller);
        var same = Table(NeutronKinds.SecurityGroupRules).FirstOrDefault(r =>
            new[] { "security_group_id", "direction", "ethertype", "protocol", "port_range_min", "port_range_max", "normalized_cidr", "remote_group_id" }
                .All(k => r[k]?.ToJsonString() == rule[k]?.ToJsonString()));
        if (same != null) throw new NeutronError(409, "SecurityGroupRuleExists", $"Security group rule already exists. Rule id is {same["id"]}.");
        rule["standard_attr_id"] = _standardAttrId++;
        rule["description"] = (string?)input["description"] ?? "";
    }
}
