using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>
/// Nova's proxy of Neutron's security groups (/os-security-groups, removed at 2.36), which the CLI's `server add
/// security group` still reads at its default 2.1 to turn a name or id into the group it then adds. As the real
/// one: {"security_group": {id, name, description, tenant_id, rules}} with only the ingress rules, each as
/// {id, parent_group_id, ip_protocol, from_port, to_port, group {name, tenant_id} or {}, ip_range {cidr} or {}}.
/// </summary>
internal sealed partial class NovaApi
{
    private JsonObject ProxyGroup(JsonObject group)
    {
        var rules = neutron.Table(NeutronKinds.SecurityGroupRules)
            .Where(r => (string?)r["security_group_id"] == (string?)group["id"] && (string?)r["direction"] == "ingress")
            .Select(r =>
            {
                var remote = (string?)r["remote_group_id"];
                var remoteGroup = remote == null ? null : neutron.Table(NeutronKinds.SecurityGroups).FirstOrDefault(g => (string?)g["id"] == remote);
                return (JsonNode)new JsonObject
                {
                    ["id"] = (string?)r["id"], ["parent_group_id"] = (string?)group["id"], ["ip_protocol"] = (string?)r["protocol"],
                    ["from_port"] = r["port_range_min"]?.DeepClone(), ["to_port"] = r["port_range_max"]?.DeepClone(),
                    ["group"] = remoteGroup == null ? new JsonObject() : new JsonObject { ["name"] = (string?)remoteGroup["name"], ["tenant_id"] = (string?)remoteGroup["project_id"] },
                    ["ip_range"] = (string?)r["remote_ip_prefix"] is { } cidr ? new JsonObject { ["cidr"] = cidr } : new JsonObject(),
                };
            }).ToArray();
        return new JsonObject
        {
            ["id"] = (string?)group["id"], ["description"] = (string?)group["description"], ["name"] = (string?)group["name"],
            ["tenant_id"] = (string?)group["project_id"], ["rules"] = new JsonArray(rules),
        };
    }

    private Task ShowProxyGroupAsync(HttpContext ctx, NovaCaller caller, string id)
    {
        if (caller.AtLeast(36)) throw new NovaError(404, "The resource could not be found.");
        var body = neutron.Locked(() =>
        {
            neutron.EnsureDefaultGroup(caller.ProjectId);
            var group = neutron.Table(NeutronKinds.SecurityGroups).FirstOrDefault(g => (string?)g["id"] == id && neutron.CanSee(NeutronKinds.SecurityGroups, g, AsNeutron(caller)))
                        ?? throw new NovaError(404, $"Security group {id} does not exist\nNeutron server returns request_ids: ['req-{Guid.NewGuid()}']");
            return new JsonObject { ["security_group"] = ProxyGroup(group) };
        });
        return WriteAsync(ctx, 200, body);
    }

    /// <summary>The project's groups (Nova asks Neutron with the caller's project, also for an admin).</summary>
    private Task ListProxyGroupsAsync(HttpContext ctx, NovaCaller caller)
    {
        if (caller.AtLeast(36)) throw new NovaError(404, "The resource could not be found.");
        var body = neutron.Locked(() =>
        {
            neutron.EnsureDefaultGroup(caller.ProjectId);
            var groups = neutron.Table(NeutronKinds.SecurityGroups).Where(g => (string?)g["project_id"] == caller.ProjectId).Select(g => (JsonNode)ProxyGroup(g)).ToArray();
            return new JsonObject { ["security_groups"] = new JsonArray(groups) };
        });
        return WriteAsync(ctx, 200, body);
    }
}
