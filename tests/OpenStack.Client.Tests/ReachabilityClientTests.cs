using System.Text.Json;
using OpenStack.Client.Auth;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Tests;

/// <summary>Security groups, rules, ports and floating IPs: the method, path and body of each request the client sends.</summary>
public sealed class ReachabilityClientTests : AdminFakeCloudTest
{
    private NetworkClient _client = null!;

    protected override Task StartedAsync()
    {
        _cloud.Neutron.AddPublicNetwork(_cloud.Identity.AdminProjectId);
        _client = new NetworkClient(_session);
        return Task.CompletedTask;
    }

    private (string Method, string Path, JsonElement Body) Only(string method)
    {
        var request = _cloud.Requests.Single(r => r.Method == method);
        return (request.Method, request.PathAndQuery, request.Body.Length == 0 ? default : JsonDocument.Parse(request.Body).RootElement);
    }

    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task SecurityGroup_CreateUpdateDelete_SendOnlyTheGivenFields()
    {
        _cloud.ClearRequests();
        var group = await _client.CreateAsync(SecurityGroups.Resource, new CreateSecurityGroupOptions { Name = "web", Description = "d" }, CancellationToken.None);
        var (_, path, body) = Only("POST");
        Assert.Equal("/network/v2.0/security-groups", path);
        Assert.Equal(new[] { "description", "name" }, Keys(body.GetProperty("security_group")));
        Assert.Equal(2, group.Rules.Count);

        _cloud.ClearRequests();
        await _client.UpdateAsync(SecurityGroups.Resource, group.Id, new UpdateSecurityGroupOptions { Description = "e" }, CancellationToken.None);
        var (_, putPath, putBody) = Only("PUT");
        Assert.Equal($"/network/v2.0/security-groups/{group.Id}", putPath);
        Assert.Equal("{\"description\":\"e\"}", putBody.GetProperty("security_group").GetRawText());

        _cloud.ClearRequests();
        await _client.DeleteAsync(SecurityGroups.Resource, group.Id, CancellationToken.None);
        Assert.Equal($"/network/v2.0/security-groups/{group.Id}", Only("DELETE").Path);
    }

    [Fact]
    public async Task Rule_Create_SendsNeutronsKeys_AndTheDuplicateIsA409WithNeutronsMessage()
    {
        var group = await _client.CreateAsync(SecurityGroups.Resource, new CreateSecurityGroupOptions { Name = "r" }, CancellationToken.None);
        var options = new CreateSecurityGroupRuleOptions
        {
            SecurityGroupId = group.Id, Protocol = "tcp", PortRangeMin = 22, PortRangeMax = 22, RemoteIpPrefix = "0.0.0.0/0", EtherType = "IPv4",
        };
        _cloud.ClearRequests();
        var rule = await _client.CreateAsync(SecurityGroupRules.Resource, options, CancellationToken.None);
        var (_, path, body) = Only("POST");
        Assert.Equal("/network/v2.0/security-group-rules", path);
        Assert.Equal(new[] { "direction", "ethertype", "port_range_max", "port_range_min", "protocol", "remote_ip_prefix", "security_group_id" },
            Keys(body.GetProperty("security_group_rule")));
        Assert.Equal(("ingress", 22, "22:22"), (rule.Direction, rule.PortRangeMax!.Value, rule.PortRange));

        var dup = await Assert.ThrowsAsync<OpenStackApiException>(() => _client.CreateAsync(SecurityGroupRules.Resource, options, CancellationToken.None));
        Assert.Equal(409, (int)dup.StatusCode);
        Assert.Contains($"Security group rule already exists. Rule id is {rule.Id}.", dup.Message);
        Assert.NotNull(dup.RequestId);
    }

    [Fact]
    public async Task FindInProject_PrefersTheSessionsProject_OnlyThenIsAmbiguous()
    {
        _cloud.Neutron.AddSecurityGroup("twice", _cloud.Identity.DemoProjectId);
        var mine = _cloud.Neutron.AddSecurityGroup("twice", _cloud.Identity.AdminProjectId);
        Assert.Equal((string)mine["id"]!, (await _client.FindInProjectAsync("twice", _session.ProjectId, CancellationToken.None)).Id);
        _cloud.Neutron.AddSecurityGroup("elsewhere", _cloud.Identity.DemoProjectId);
        _cloud.Neutron.AddSecurityGroup("elsewhere", _cloud.Identity.AltDemoProjectId);
        await Assert.ThrowsAsync<AmbiguousNameException>(() => _client.FindInProjectAsync("elsewhere", _session.ProjectId, CancellationToken.None));
    }

    [Fact]
    public async Task FloatingIp_CreateWithAPort_AssociateAndDetach_SendPortIdAndNull()
    {
        var publicId = (string)_cloud.Neutron.Networks.Single(n => (string?)n["name"] == "public")["id"]!;
        var net = await _client.CreateAsync(Networks.Resource, new CreateNetworkOptions { Name = "fipnet" }, CancellationToken.None);
        var subnet = await _client.CreateAsync(Subnets.Resource, new CreateSubnetOptions { Name = "s", NetworkId = net.Id, Cidr = "10.70.0.0/24" }, CancellationToken.None);
        var portOptions = new CreatePortOptions { NetworkId = net.Id, Name = "p" };
        portOptions.FixedIps.Add(new FixedIp { SubnetId = subnet.Id, IpAddress = "10.70.0.5" });
        _cloud.ClearRequests();
        var port = await _client.CreateAsync(Ports.Resource, portOptions, CancellationToken.None);
        Assert.Equal("{\"network_id\":\"" + net.Id + "\",\"name\":\"p\",\"fixed_ips\":[{\"subnet_id\":\"" + subnet.Id + "\",\"ip_address\":\"10.70.0.5\"}]}",
            Only("POST").Body.GetProperty("port").GetRawText());
        Assert.Equal("10.70.0.5", port.FixedIps.Single().IpAddress);

        // No router yet: nothing reaches public.
        Assert.Empty(await _client.ReachableAsync(new[] { port }, publicId, CancellationToken.None));
        _cloud.ClearRequests();
        var unreachable = await Assert.ThrowsAsync<OpenStackApiException>(() => _client.CreateAsync(FloatingIps.Resource,
            new CreateFloatingIpOptions { FloatingNetworkId = publicId, PortId = port.Id }, CancellationToken.None));
        Assert.Equal(404, (int)unreachable.StatusCode);
        Assert.Contains($"External network {publicId} is not reachable from subnet {subnet.Id}.", unreachable.Message);
        Assert.Empty(_cloud.Neutron.FloatingIps);

        var fip = await _client.CreateAsync(FloatingIps.Resource, new CreateFloatingIpOptions { FloatingNetworkId = publicId }, CancellationToken.None);
        var router = await _client.CreateAsync(Routers.Resource, new CreateRouterOptions { Name = "r", ExternalNetworkId = publicId }, CancellationToken.None);
        await _client.AddRouterInterfaceAsync(router.Id, subnet.Id, CancellationToken.None);
        Assert.Equal("10.70.0.5", (await _client.ReachableAsync(new[] { port }, publicId, CancellationToken.None)).Single().FixedIpAddress);

        _cloud.ClearRequests();
        var associated = await _client.UpdateAsync(FloatingIps.Resource, fip.Id, new UpdateFloatingIpOptions { PortId = port.Id }, CancellationToken.None);
        var (_, path, body) = Only("PUT");
        Assert.Equal($"/network/v2.0/floatingips/{fip.Id}", path);
        Assert.Equal("{\"port_id\":\"" + port.Id + "\"}", body.GetProperty("floatingip").GetRawText());
        Assert.Equal((port.Id, "10.70.0.5", router.Id), (associated.PortId, associated.FixedIpAddress, associated.RouterId));

        _cloud.ClearRequests();
        var detached = await _client.UpdateAsync(FloatingIps.Resource, fip.Id, new UpdateFloatingIpOptions { Detach = true }, CancellationToken.None);
        Assert.Equal("{\"port_id\":null}", Only("PUT").Body.GetProperty("floatingip").GetRawText());
        Assert.Null(detached.PortId);
        Assert.Equal(fip.Id, (await _client.FindAsync(FloatingIps.Resource, fip.FloatingIpAddress!, CancellationToken.None)).Id);
    }
}
