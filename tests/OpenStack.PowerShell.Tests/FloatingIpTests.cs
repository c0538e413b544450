using System.Management.Automation;
using System.Text.Json;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Tests.Compute;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>
/// Floating IPs and ports in the hosted engine, against the fake Neutron and Nova (a server's ports are Neutron's,
/// as on the real cloud): association by server, the refusals Neutron makes, and nothing left allocated after one.
/// </summary>
public sealed class FloatingIpTests : ComputeTest
{
    public FloatingIpTests(FakeCloudFixture fixture) : base(fixture)
    {
        if (!Cloud.Neutron.Networks.Any(n => (string?)n["name"] == "public")) Cloud.Neutron.AddPublicNetwork(Cloud.Identity.AdminProjectId);
    }

    /// <summary>A network and subnet, routed to public when <paramref name="routed"/>, and a server on it.</summary>
    private (string Network, Server Server) ServerOn(string prefix, string cidr, bool routed)
    {
        var net = Unique(prefix);
        Ps.Run("New-OSNetwork $n | New-OSSubnet -Name $n -Cidr $c", new() { ["n"] = net, ["c"] = cidr }).AssertNoErrors();
        if (routed)
        {
            Ps.Run("New-OSRouter $n | Out-Null; Set-OSRouter $n -ExternalNetwork public; Add-OSRouterInterface $n $n | Out-Null", new() { ["n"] = net }).AssertNoErrors();
        }
        var image = SeedImage();
        var server = Ps.Run("New-OSServer -Name $n -Image $i -Flavor m1.tiny -Network $n -Wait", new() { ["n"] = net, ["i"] = image.Id }).Single<Server>();
        return (net, server);
    }

    [Fact]
    public void NewFloatingIp_ForAServer_FindsItsReachablePort_AndAssociatesInTheSameRequest()
    {
        var (net, server) = ServerOn("fip", "10.61.0.0/24", routed: true);
        var port = Ps.Run("Get-OSPort -Server $s", new() { ["s"] = server.Name }).Single<Port>();
        Assert.Equal("compute:nova", port.DeviceOwner);
        Cloud.ClearRequests();

        var fip = Ps.Run("New-OSFloatingIp public -Server $s", new() { ["s"] = server.Name }).Single<FloatingIp>();
        var post = Cloud.Requests.Single(r => r.Method == "POST" && r.PathAndQuery == "/network/v2.0/floatingips");
        var body = JsonDocument.Parse(post.Body).RootElement.GetProperty("floatingip");
        Assert.Equal(port.Id, body.GetProperty("port_id").GetString());
        Assert.Equal(port.FixedIps[0].IpAddress, body.GetProperty("fixed_ip_address").GetString());
        Assert.Equal((port.Id, port.FixedIps[0].IpAddress), (fip.PortId, fip.FixedIpAddress));
        Assert.StartsWith("172.24.4.", fip.FloatingIpAddress);
        Assert.NotNull(fip.RouterId);

        // The server now shows both addresses, as Nova does once Neutron has told it.
        var shown = Ps.Run("Get-OSServer $s", new() { ["s"] = server.Name }).Single<Server>();
        Assert.Contains(fip.FloatingIpAddress!, JsonSerializer.Serialize(shown.Addresses));
        Assert.Equal(fip.Id, Ps.Run("Get-OSFloatingIp -Server $s", new() { ["s"] = server.Name }).Single<FloatingIp>().Id);
        Assert.Equal(fip.Id, Ps.Run("Get-OSFloatingIp $a", new() { ["a"] = fip.FloatingIpAddress }).Single<FloatingIp>().Id);

        var detached = Ps.Run("Set-OSFloatingIp $a -Detach -PassThru", new() { ["a"] = fip.FloatingIpAddress }).Single<FloatingIp>();
        Assert.Null(detached.PortId);
        var again = Ps.Run("Get-OSFloatingIp $a | Set-OSFloatingIp -Port $p -PassThru", new() { ["a"] = fip.FloatingIpAddress, ["p"] = port.Id }).Single<FloatingIp>();
        Assert.Equal(port.Id, again.PortId);
        Ps.Run("Remove-OSFloatingIp $a -Confirm:$false", new() { ["a"] = fip.FloatingIpAddress }).AssertNoErrors();
        Assert.DoesNotContain(Cloud.Neutron.FloatingIps, f => (string?)f["id"] == fip.Id);
    }

    [Fact]
    public void AServerNoRouterJoinsToPublic_IsNeutrons404_AndNoAddressIsLeftAllocated()
    {
        var (_, server) = ServerOn("norouter", "10.62.0.0/24", routed: false);
        var before = Cloud.Neutron.FloatingIps.Count;
        var result = Ps.Run("New-OSFloatingIp public -Server $s", new() { ["s"] = server.Name });
        var error = result.SingleError("FloatingIpExternalNetworkUnreachable");
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("is not reachable from subnet", error.Exception.Message);
        Assert.Contains("Therefore, cannot associate Port", error.Exception.Message);
        Assert.Matches("req-[0-9a-f-]{36}", error.ErrorDetails!.RecommendedAction);
        Assert.Equal(before, Cloud.Neutron.FloatingIps.Count);
    }

    [Fact]
    public void ANetworkThatIsNotExternal_IsRefusedWithNeutronsMessage()
    {
        var net = Unique("private");
        Ps.Run("New-OSNetwork $n | New-OSSubnet -Name $n -Cidr 10.63.0.0/24", new() { ["n"] = net }).AssertNoErrors();
        var error = Ps.Run("New-OSFloatingIp $n", new() { ["n"] = net }).SingleError("FloatingIpNetworkNotExternal");
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("is not a valid external network", error.Exception.Message);
    }

    [Fact]
    public void AServerWithTwoReachableAddresses_NeedsFixedIpAddress_BeforeAnythingIsSent()
    {
        var (net, server) = ServerOn("two", "10.64.0.0/24", routed: true);
        // A second port of the server on the same routed subnet (Nova accepts an interface on a network the server is on).
        var networkId = Ps.Run("Get-OSNetwork $n", new() { ["n"] = net }).Single<Client.Network.V2.Network>().Id;
        var extra = Cloud.Neutron.AddPort(networkId, Cloud.Identity.AdminProjectId);
        Cloud.Neutron.BindPort((string)extra["id"]!, server.Id);
        Cloud.ClearRequests();
        var result = Ps.Run("New-OSFloatingIp public -Server $s", new() { ["s"] = server.Name });
        var error = result.SingleError("FloatingIpFixedIpAddressRequired");
        Assert.Contains((string)extra["fixed_ips"]![0]!["ip_address"]!, error.Exception.Message);
        Assert.DoesNotContain(Cloud.Requests, r => r.Method == "POST");

        var chosen = (string)extra["fixed_ips"]![0]!["ip_address"]!;
        var fip = Ps.Run("New-OSFloatingIp public -Server $s -FixedIpAddress $ip", new() { ["s"] = server.Name, ["ip"] = chosen }).Single<FloatingIp>();
        Assert.Equal(chosen, fip.FixedIpAddress);
        Assert.Equal((string)extra["id"]!, fip.PortId);
    }

    [Fact]
    public void Ports_OfANetworkPipedIn_ShowWhatBlocksItsDeletion()
    {
        var (net, server) = ServerOn("ports", "10.65.0.0/24", routed: true);
        var ports = Ps.Run("Get-OSNetwork $n | Get-OSPort", new() { ["n"] = net }).OfType<Port>().ToList();
        Assert.Contains(ports, p => p.DeviceId == server.Id && p.DeviceOwner == "compute:nova");
        Assert.Contains(ports, p => p.DeviceOwner == "network:router_interface");
        Assert.All(Ps.Run("Get-OSPort -Router $n", new() { ["n"] = net }).OfType<Port>(), p => Assert.StartsWith("network:router_", p.DeviceOwner));
    }
}
