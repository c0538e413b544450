using System.Text.Json;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests.Conformance;

/// <summary>A server's security groups and interfaces against the real Nova and Neutron in OS_* (skipped when none was given).</summary>
[Trait("Category", "Integration")]
[Collection(RealCloudCollection.Name)]
public sealed class ServerNetworkingConformanceOnRealCloud : ServerNetworkingConformanceTests
{
    [RealCloudFact] public void GroupsAndInterfaces() => ServerGroupsAndInterfaces_AgreeWithTheCli();
}

/// <summary>The same scenario against the fake cloud, the real CLI as the peer.</summary>
[Trait("Category", "Integration")]
public sealed class ServerNetworkingConformanceOnFakeCloud : ServerNetworkingConformanceTests, IClassFixture<FakeCloudFixture>
{
    public ServerNetworkingConformanceOnFakeCloud(FakeCloudFixture fixture) : base(FakeCloudVariables(fixture.Cloud)) { }

    [CliFact] public void GroupsAndInterfaces() => ServerGroupsAndInterfaces_AgreeWithTheCli();
}

/// <summary>
/// A server booted with -SecurityGroup (by name), checked with `openstack server show`; a group added by the CLI
/// (`server add security group`) seen by the module, and added again by the module (Nova's 400); a group removed, and
/// removed again (Nova's 404); a network attached by the CLI (`server add network`), seen by Get-OSServerInterface and
/// refused by Add-OSServerInterface -Network before any request; a port made by the CLI attached with -Port and
/// detached (its device_id checked with `port show`); the fixed addresses against `server list`; everything deleted.
/// </summary>
public abstract class ServerNetworkingConformanceTests : RealCloudTest
{
    protected ServerNetworkingConformanceTests() { }

    protected ServerNetworkingConformanceTests(IReadOnlyDictionary<string, string> cloud) : base(cloud) { }

    /// <summary>The group names `server show -f json` prints: [{"name": …}] or "name='…'" lines, by CLI version.</summary>
    private static List<string> GroupNames(JsonElement show)
    {
        var groups = show.GetProperty("security_groups");
        var names = groups.ValueKind == JsonValueKind.Array
            ? groups.EnumerateArray().Select(g => g.ValueKind == JsonValueKind.Object ? g.GetProperty("name").GetString()! : g.GetString()!)
            : groups.GetString()!.Split('\n').Select(l => l.Trim().Replace("name='", "").TrimEnd('\''));
        return names.Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    protected void ServerGroupsAndInterfaces_AgreeWithTheCli()
    {
        var p = "s12-" + Prefix;
        var v = new Dictionary<string, object?> { ["net"] = p + "net", ["net2"] = p + "net2", ["sg"] = p + "sg", ["sg2"] = p + "sg2", ["vm"] = p + "vm", ["port"] = p + "port" };
        var file = Path.Combine(Path.GetTempPath(), p + "disk.raw");
        File.WriteAllBytes(file, new byte[1 << 16]);
        string? imageId = null, serverId = null, portId = null;
        var groups = new List<string>();
        var networks = new List<string>();
        try
        {
            networks.Add(Ps.Run("New-OSNetwork $net", v).Single<Client.Network.V2.Network>().Id);
            Ps.Run("New-OSSubnet -Name $net -Network $net -Cidr 10.216.1.0/24", v).AssertNoErrors();
            networks.Add(Ps.Run("New-OSNetwork $net2", v).Single<Client.Network.V2.Network>().Id);
            Ps.Run("New-OSSubnet -Name $net2 -Network $net2 -Cidr 10.216.2.0/24", v).AssertNoErrors();
            var sg = Ps.Run("New-OSSecurityGroup $sg", v).Single<SecurityGroup>();
            groups.Add(sg.Id);
            var sg2 = Ps.Run("New-OSSecurityGroup $sg2", v).Single<SecurityGroup>();
            groups.Add(sg2.Id);
            v["img"] = imageId = Ps.Run("New-OSImage -Name $n -File $f -DiskFormat raw", new() { ["n"] = p + "img", ["f"] = file }).Single<ImageModel>().Id;

            var server = Ps.Run("New-OSServer -Name $vm -Image $img -Flavor m1.tiny -Network $net -SecurityGroup $sg -Wait -Timeout 300", v).Single<Server>();
            serverId = server.Id;
            v["id"] = serverId;
            Assert.Equal(new[] { sg.Name }, GroupNames(Cli("server", "show", serverId)));

            // The CLI adds a group; the module sees it, and adding it again is Nova's 400.
            CliText("server", "add", "security", "group", serverId, sg2.Id);
            Assert.Equal(new[] { sg.Name, sg2.Name }.OrderBy(n => n, StringComparer.Ordinal),
                Ps.Run("Get-OSServer -Id $id", v).Single<Server>().SecurityGroups!.Select(g => g.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal));
            var twice = Ps.Run("Get-OSServer -Id $id | Add-OSServerSecurityGroup -SecurityGroup $sg2", v).SingleError("ServerSecurityGroupAlreadyAssociated");
            Assert.Contains("Duplicate items in the list", twice.Exception.Message);
            Assert.Matches("req-[0-9a-f-]{36}", twice.ErrorDetails!.RecommendedAction);

            Ps.Run("Remove-OSServerSecurityGroup $vm $sg -Confirm:$false", v).AssertNoErrors();
            Assert.Equal(new[] { sg2.Name }, GroupNames(Cli("server", "show", serverId)));
            var gone = Ps.Run("Remove-OSServerSecurityGroup $vm $sg -Confirm:$false", v).SingleError("ServerSecurityGroupNotAssociated");
            Assert.Contains($"not associated with the instance {serverId}", gone.Exception.Message);

            // The CLI attaches a network; the module lists it, and refuses a second port there before asking Nova.
            CliText("server", "add", "network", serverId, networks[1]);
            var interfaces = Ps.Run("Get-OSServerInterface $vm", v).OfType<ServerInterface>().ToList();
            var cliPorts = Cli("port", "list", "--server", serverId).EnumerateArray().Select(e => e.GetProperty("ID").GetString()).OrderBy(i => i).ToList();
            Assert.Equal(cliPorts, interfaces.Select(i => i.PortId).OrderBy(i => i).ToList());
            Assert.Equal(networks.OrderBy(n => n), interfaces.Select(i => i.NetworkId!).OrderBy(n => n));
            Ps.Run("Add-OSServerInterface $vm -Network $net2", v).SingleError("ServerNetworkAlreadyAttached");
            Assert.Equal(2, Cli("port", "list", "--server", serverId).GetArrayLength());

            // A port the CLI made, attached by the module and detached again (Nova detaches asynchronously).
            portId = Cli("port", "create", "--network", networks[1], p + "port").GetProperty("id").GetString()!;
            var attached = Ps.Run("Add-OSServerInterface $vm -Port $port", v).Single<ServerInterface>();
            Assert.Equal(portId, attached.PortId);
            Assert.Equal(serverId, Cli("port", "show", portId).GetProperty("device_id").GetString());
            var listed = Cli("server", "list", "--name", p + "vm").EnumerateArray().Single().GetProperty("Networks");
            var cliAddresses = listed.EnumerateObject().SelectMany(n => n.Value.EnumerateArray().Select(a => a.GetString()!)).OrderBy(a => a).ToList();
            var shown = Ps.Run("Get-OSServer -Id $id", v).Single<Server>();
            Assert.Equal(cliAddresses, shown.FixedAddresses.OrderBy(a => a).ToList());
            Assert.Empty(shown.FloatingAddresses);
            Ps.Run("Remove-OSServerInterface $vm -Port $port -Confirm:$false", v).AssertNoErrors();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Cli("port", "show", portId).GetProperty("device_id").GetString() is { Length: > 0 } && DateTime.UtcNow < deadline) Thread.Sleep(500);
            Assert.Equal("", Cli("port", "show", portId).GetProperty("device_id").GetString());
            Ps.Run("Remove-OSServerInterface $vm -Port $port -Confirm:$false", v).SingleError("ServerInterfaceNotAttached");
        }
        finally
        {
            if (serverId != null) Ps.Run("Remove-OSServer -Id $id -Wait -Timeout 120 -Confirm:$false", new() { ["id"] = serverId });
            if (portId != null) Ps.Run("Remove-OSPort $id -Confirm:$false", new() { ["id"] = portId });
            foreach (var network in networks) Ps.Run("Get-OSNetwork -Id $id | Get-OSPort | Remove-OSPort -Confirm:$false; Remove-OSNetwork $id -Confirm:$false", new() { ["id"] = network });
            foreach (var group in groups) Ps.Run("Remove-OSSecurityGroup $id -Confirm:$false", new() { ["id"] = group });
            if (imageId != null) Ps.Run("Remove-OSImage -Image $id -Confirm:$false", new() { ["id"] = imageId });
            File.Delete(file);
        }
    }
}
