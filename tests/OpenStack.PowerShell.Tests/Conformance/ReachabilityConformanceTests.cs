using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Conformance;

/// <summary>The reachability scenario against the real Neutron in OS_* (skipped when none was given).</summary>
[Trait("Category", "Integration")]
[Collection(RealCloudCollection.Name)]
public sealed class ReachabilityConformanceOnRealCloud : ReachabilityConformanceTests
{
    [RealCloudFact] public void SecurityGroupsAndFloatingIps() => SecurityGroupRulesPortsAndFloatingIps_AgreeWithTheCli();
}

/// <summary>The same scenario against the fake cloud (with devstack's "public"), the real CLI as the peer.</summary>
[Trait("Category", "Integration")]
public sealed class ReachabilityConformanceOnFakeCloud : ReachabilityConformanceTests, IClassFixture<FakeCloudFixture>
{
    public ReachabilityConformanceOnFakeCloud(FakeCloudFixture fixture) : base(WithPublic(fixture)) { }

    private static IReadOnlyDictionary<string, string> WithPublic(FakeCloudFixture fixture)
    {
        if (!fixture.Cloud.Neutron.Networks.Any(n => (string?)n["name"] == "public")) fixture.Cloud.Neutron.AddPublicNetwork(fixture.Cloud.Identity.AdminProjectId);
        return FakeCloudVariables(fixture.Cloud);
    }

    [CliFact] public void SecurityGroupsAndFloatingIps() => SecurityGroupRulesPortsAndFloatingIps_AgreeWithTheCli();
}

/// <summary>
/// A security group with an SSH rule, checked with `openstack security group show` and `rule list`; the duplicate
/// rule (409); a port in the group (made with the CLI) and the group's delete refused while in use; a floating IP on
/// "public" for a port whose subnet no router joins to it (Neutron's 404, nothing allocated), then routed and
/// associated, checked with `openstack floating ip show`; everything deleted.
/// </summary>
public abstract class ReachabilityConformanceTests : RealCloudTest
{
    protected ReachabilityConformanceTests() { }

    protected ReachabilityConformanceTests(IReadOnlyDictionary<string, string> cloud) : base(cloud) { }

    protected void SecurityGroupRulesPortsAndFloatingIps_AgreeWithTheCli()
    {
        var v = new Dictionary<string, object?> { ["sg"] = Prefix + "sg", ["net"] = Prefix + "net", ["router"] = Prefix + "router" };
        string? groupId = null, networkId = null, routerId = null, portId = null, fipId = null, subnetId = null;
        try
        {
            var group = Ps.Run("New-OSSecurityGroup $sg -Description 'ssh from anywhere'", v).Single<SecurityGroup>();
            groupId = group.Id;
            var cliGroup = Cli("security", "group", "show", group.Id);
            Assert.Equal(Prefix + "sg", cliGroup.GetProperty("name").GetString());
            Assert.Equal("ssh from anywhere", cliGroup.GetProperty("description").GetString());
            Assert.Equal(group.Rules.Count, cliGroup.GetProperty("rules").GetArrayLength());

            var rule = Ps.Run("Get-OSSecurityGroup $sg | New-OSSecurityGroupRule -Protocol tcp -Port 22 -RemoteIpPrefix 0.0.0.0/0", v).Single<SecurityGroupRule>();
            var cliRule = Assert.Single(Cli("security", "group", "rule", "list", group.Id).EnumerateArray(), r => r.GetProperty("ID").GetString() == rule.Id);
            Assert.Equal("tcp", cliRule.GetProperty("IP Protocol").GetString());
            Assert.Equal("22:22", cliRule.GetProperty("Port Range").GetString());
            Assert.Equal("0.0.0.0/0", cliRule.GetProperty("IP Range").GetString());
            Assert.Equal(rule.PortRange, cliRule.GetProperty("Port Range").GetString());
            var dup = Ps.Run("New-OSSecurityGroupRule $sg -Protocol tcp -Port 22 -RemoteIpPrefix 0.0.0.0/0", v).SingleError("SecurityGroupRuleExists");
            Assert.Contains($"Rule id is {rule.Id}.", dup.Exception.Message);
            Ps.Run("New-OSSecurityGroupRule $sg -Port 22", v).SingleError("SecurityGroupRuleProtocolRequired");

            networkId = Ps.Run("New-OSNetwork $net", v).Single<Client.Network.V2.Network>().Id;
            subnetId = Ps.Run("New-OSSubnet -Name $net -Network $net -Cidr 10.214.9.0/24", v).Single<Subnet>().Id;
            var cliPort = Cli("port", "create", "--network", networkId, "--security-group", group.Id, Prefix + "port");
            portId = cliPort.GetProperty("id").GetString();
            var port = Ps.Run("Get-OSNetwork $net | Get-OSPort", v).OfType<Port>().Single(p => p.Id == portId);
            Assert.Equal(new[] { group.Id }, port.SecurityGroups);
            Assert.Equal(cliPort.GetProperty("mac_address").GetString(), port.MacAddress);

            var busy = Ps.Run("Remove-OSSecurityGroup $sg -Confirm:$false", v).SingleError("SecurityGroupInUse");
            Assert.Contains($"Security Group {group.Id} in use.", busy.Exception.Message);

            var before = Cli("floating", "ip", "list").GetArrayLength();
            var unreachable = Ps.Run("New-OSFloatingIp public -Port $p", new() { ["p"] = portId }).SingleError("FloatingIpExternalNetworkUnreachable");
            Assert.Contains($"is not reachable from subnet {subnetId}.", unreachable.Exception.Message);
            Assert.Contains($"cannot associate Port {portId} with a Floating IP", unreachable.Exception.Message);
            Assert.Equal(before, Cli("floating", "ip", "list").GetArrayLength());

            routerId = Ps.Run("New-OSRouter $router", v).Single<Router>().Id;
            Ps.Run("Set-OSRouter $router -ExternalNetwork public; Add-OSRouterInterface $router $net | Out-Null", v).AssertNoErrors();
            var fip = Ps.Run("New-OSFloatingIp public -Port $p", new() { ["p"] = portId }).Single<FloatingIp>();
            fipId = fip.Id;
            var cliFip = Cli("floating", "ip", "show", fip.Id);
            Assert.Equal(cliFip.GetProperty("floating_ip_address").GetString(), fip.FloatingIpAddress);
            Assert.Equal(portId, cliFip.GetProperty("port_id").GetString());
            Assert.Equal(cliFip.GetProperty("fixed_ip_address").GetString(), fip.FixedIpAddress);
            Assert.Equal(routerId, cliFip.GetProperty("router_id").GetString());

            Ps.Run("Set-OSFloatingIp $f -Detach", new() { ["f"] = fip.FloatingIpAddress }).AssertNoErrors();
            Assert.Equal(System.Text.Json.JsonValueKind.Null, Cli("floating", "ip", "show", fip.Id).GetProperty("port_id").ValueKind);
        }
        finally
        {
            if (fipId != null) Ps.Run("Remove-OSFloatingIp $id -Confirm:$false", new() { ["id"] = fipId }).AssertNoErrors();
            if (portId != null) Ps.Run("Remove-OSPort $id -Confirm:$false", new() { ["id"] = portId }).AssertNoErrors();
            if (routerId != null && subnetId != null) Ps.Run("Remove-OSRouterInterface $r $s -Confirm:$false", new() { ["r"] = routerId, ["s"] = subnetId });
            if (routerId != null) Ps.Run("Remove-OSRouter $id -Confirm:$false", new() { ["id"] = routerId });
            if (networkId != null) Ps.Run("Remove-OSNetwork $id -Confirm:$false", new() { ["id"] = networkId });
            if (groupId != null) Ps.Run("Remove-OSSecurityGroup $id -Confirm:$false", new() { ["id"] = groupId }).AssertNoErrors();
        }
    }
}
