using System.Text.Json;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Conformance;

/// <summary>The port scenario against the real Neutron in OS_* (skipped when none was given).</summary>
[Trait("Category", "Integration")]
[Collection(RealCloudCollection.Name)]
public sealed class PortConformanceOnRealCloud : PortConformanceTests
{
    [RealCloudFact] public void PortsCreatedAndChanged() => NewAndSetOSPort_AgreeWithTheCli();
}

/// <summary>The same scenario against the fake cloud, the real CLI as the peer.</summary>
[Trait("Category", "Integration")]
public sealed class PortConformanceOnFakeCloud : PortConformanceTests, IClassFixture<FakeCloudFixture>
{
    public PortConformanceOnFakeCloud(FakeCloudFixture fixture) : base(FakeCloudVariables(fixture.Cloud)) { }

    [CliFact] public void PortsCreatedAndChanged() => NewAndSetOSPort_AgreeWithTheCli();
}

/// <summary>
/// A network with two subnets and a group; New-OSPort from the pipeline with a fixed IP and the group, shown with
/// `openstack port show`, next to a port the CLI made the same way; the address taken (409), outside its subnet
/// (400) and an unknown network, nothing made; Set-OSPort turning port security off (409 while the groups stay, then
/// with -NoSecurityGroup) and moving the address to the other subnet, each checked with the CLI; everything deleted.
/// </summary>
public abstract class PortConformanceTests : RealCloudTest
{
    protected PortConformanceTests() { }

    protected PortConformanceTests(IReadOnlyDictionary<string, string> cloud) : base(cloud) { }

    private static string[] Ids(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static (string? Subnet, string? Address)[] Addresses(JsonElement fixedIps) =>
        fixedIps.EnumerateArray().Select(ip => (ip.GetProperty("subnet_id").GetString(), ip.GetProperty("ip_address").GetString())).ToArray();

    private int PortCount(string networkId) => Cli("port", "list", "--network", networkId).GetArrayLength();

    protected void NewAndSetOSPort_AgreeWithTheCli()
    {
        // (p12-: the helper that wrote this names what it makes on the shared cloud so)
        var name = "p12-" + Prefix;
        var v = new Dictionary<string, object?> { ["net"] = name + "net", ["sg"] = name + "sg", ["p"] = name + "port" };
        string? networkId = null, groupId = null;
        try
        {
            networkId = Ps.Run("New-OSNetwork $net", v).Single<Client.Network.V2.Network>().Id;
            var subA = Ps.Run("New-OSSubnet -Name \"$net-a\" -Network $net -Cidr 10.215.1.0/24", v).Single<Subnet>().Id;
            var subB = Ps.Run("New-OSSubnet -Name \"$net-b\" -Network $net -Cidr 10.215.2.0/24", v).Single<Subnet>().Id;
            groupId = Ps.Run("New-OSSecurityGroup $sg", v).Single<SecurityGroup>().Id;

            var port = Ps.Run("Get-OSNetwork $net | New-OSPort -Name $p -FixedIp @{ Subnet = \"$net-a\"; IpAddress = '10.215.1.5' } -SecurityGroup $sg", v).Single<Port>();
            var shown = Cli("port", "show", port.Id);
            Assert.Equal(new[] { (subA, "10.215.1.5") }, Addresses(shown.GetProperty("fixed_ips")).Select(a => (a.Subnet!, a.Address!)));
            Assert.Equal(new[] { groupId }, Ids(shown.GetProperty("security_group_ids")));
            Assert.Equal((networkId, name + "port", shown.GetProperty("mac_address").GetString(), shown.GetProperty("status").GetString(), true),
                (port.NetworkId, port.Name, port.MacAddress, port.Status, port.PortSecurityEnabled));
            Assert.Equal(shown.GetProperty("port_security_enabled").GetBoolean(), port.PortSecurityEnabled);

            // The CLI's port made the same way reads as ours does.
            var peer = Cli("port", "create", "--network", networkId, "--fixed-ip", $"subnet={name}net-a,ip-address=10.215.1.6", "--security-group", groupId, name + "peer");
            var peerSeen = Ps.Run("Get-OSPort $n", new() { ["n"] = name + "peer" }).Single<Port>();
            Assert.Equal(Addresses(peer.GetProperty("fixed_ips")), peerSeen.FixedIps.Select(ip => (ip.SubnetId, ip.IpAddress)).ToArray());
            Assert.Equal(Ids(peer.GetProperty("security_group_ids")), peerSeen.SecurityGroups.ToArray());

            var before = PortCount(networkId);
            var taken = Ps.Run("New-OSPort -Network $net -FixedIp @{ Subnet = \"$net-a\"; IpAddress = '10.215.1.5' }", v).SingleError("PortIpAddressInUse");
            Assert.Contains($"IP address 10.215.1.5 already allocated in subnet {subA}", taken.Exception.Message);
            Assert.Matches("req-[0-9a-f-]{36}", taken.ErrorDetails!.RecommendedAction);
            var outside = Ps.Run("New-OSPort -Network $net -FixedIp @{ Subnet = \"$net-a\"; IpAddress = '10.215.2.9' }", v).SingleError("PortIpAddressNotInSubnet");
            Assert.Contains("IP address 10.215.2.9 is not a valid IP for the specified subnet.", outside.Exception.Message);
            Ps.Run("New-OSPort -Network $n", new() { ["n"] = name + "no-such-net" }).SingleError("NetworkNotFound");
            Assert.Equal(before, PortCount(networkId));

            var hasGroups = Ps.Run("Set-OSPort $p -DisablePortSecurity", v).SingleError("PortHasSecurityGroups");
            Assert.Contains("Port has security group associated.", hasGroups.Exception.Message);
            Assert.True(Cli("port", "show", port.Id).GetProperty("port_security_enabled").GetBoolean());
            Ps.Run("Get-OSPort \"$p*\" | Set-OSPort -NoSecurityGroup -DisablePortSecurity", v).AssertNoErrors();
            var opened = Cli("port", "show", port.Id);
            Assert.Empty(Ids(opened.GetProperty("security_group_ids")));
            Assert.False(opened.GetProperty("port_security_enabled").GetBoolean());

            var moved = Ps.Run("Set-OSPort $p -FixedIp @{ Subnet = \"$net-b\" } -PassThru", v).Single<Port>();
            var movedShown = Cli("port", "show", port.Id);
            Assert.Equal(subB, Assert.Single(Addresses(movedShown.GetProperty("fixed_ips"))).Subnet);
            Assert.Equal(Addresses(movedShown.GetProperty("fixed_ips")), moved.FixedIps.Select(ip => (ip.SubnetId, ip.IpAddress)).ToArray());
        }
        finally
        {
            if (networkId != null) Ps.Run("Get-OSPort -Network $id | Remove-OSPort -Confirm:$false; Remove-OSNetwork $id -Confirm:$false", new() { ["id"] = networkId }).AssertNoErrors();
            if (groupId != null) Ps.Run("Remove-OSSecurityGroup $id -Confirm:$false", new() { ["id"] = groupId }).AssertNoErrors();
        }
    }
}
