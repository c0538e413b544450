using System.Management.Automation;
using System.Text.Json;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>
/// Add-/Remove-OSServerSecurityGroup, Get-/Add-/Remove-OSServerInterface and New-OSServer -SecurityGroup/-Port in the
/// hosted engine against the fake Nova and Neutron (held to the recordings 89-94 and 170-182): the requests, the
/// pipeline, -WhatIf, and Nova's refusals under their own ErrorIds with its message and request id.
/// </summary>
public sealed class ServerNetworkingTests : ComputeTest
{
    public ServerNetworkingTests(FakeCloudFixture fixture) : base(fixture) { }

    /// <summary>A network with a subnet and <paramref name="count"/> servers on it, named prefix-1, prefix-2, ….</summary>
    private (string Network, string NetworkId, List<Server> Servers) ServersOn(string prefix, string cidr, int count = 1)
    {
        var net = Unique(prefix);
        var networkId = Ps.Run("New-OSNetwork $n | New-OSSubnet -Name $n -Cidr $c | Out-Null; (Get-OSNetwork $n).Id", new() { ["n"] = net, ["c"] = cidr }).Output.Single()!.ToString()!;
        var image = SeedImage();
        var servers = Enumerable.Range(1, count).Select(i => Ps.Run("New-OSServer -Name $n -Image $i -Flavor m1.tiny -Network $net -Wait",
            new() { ["n"] = $"{net}-{i}", ["i"] = image.Id, ["net"] = net }).Single<Server>()).ToList();
        return (net, networkId, servers);
    }

    private List<string> GroupsOfPorts(Server server) => Cloud.Neutron.Ports.Where(p => (string?)p["device_id"] == server.Id)
        .SelectMany(p => p["security_groups"]!.AsArray().Select(g => (string)g!)).Distinct().ToList();

    [Fact]
    public void AddSecurityGroup_ToWildcardServersFromThePipeline_SendsTheGroupsIdToEach_AndTwiceIsAlreadyAssociated()
    {
        var (net, _, servers) = ServersOn("sgadd", "10.71.0.0/24", 2);
        var group = Ps.Run("New-OSSecurityGroup $g", new() { ["g"] = net + "-ssh" }).Single<SecurityGroup>();
        Cloud.ClearRequests();

        Ps.Run("Get-OSServer $w | Add-OSServerSecurityGroup -SecurityGroup $g", new() { ["w"] = net + "-*", ["g"] = group.Name }).AssertNoErrors();
        var actions = NovaRequests().Where(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/action", StringComparison.Ordinal)).ToList();
        Assert.Equal(servers.Select(s => $"/compute/v2.1/servers/{s.Id}/action").OrderBy(p => p), actions.Select(a => a.PathAndQuery).OrderBy(p => p));
        Assert.All(actions, a => Assert.Equal("{\"addSecurityGroup\":{\"name\":\"" + group.Id + "\"}}", Body(a).GetRawText()));
        Assert.All(actions, a => AssertMicroversion(a));
        Assert.All(servers, s => Assert.Contains(group.Id, GroupsOfPorts(s)));

        var again = Ps.Run("Add-OSServerSecurityGroup $s $g", new() { ["s"] = servers[0].Name, ["g"] = group.Id });
        var error = again.SingleError("ServerSecurityGroupAlreadyAssociated");
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains($"Duplicate items in the list: '{group.Id}'", error.Exception.Message);
        Assert.Matches("req-[0-9a-f-]{36}", error.ErrorDetails!.RecommendedAction);

        // The server object shows its groups by name, as Nova lists them (default from boot).
        var icmp = Ps.Run("New-OSSecurityGroup $g", new() { ["g"] = net + "-icmp" }).Single<SecurityGroup>();
        var shown = Ps.Run("$g = Get-OSSecurityGroup $n; Add-OSServerSecurityGroup $s $g -PassThru", new() { ["s"] = servers[0].Name, ["n"] = icmp.Name }).Single<Server>();
        Assert.Equal(new[] { "default", group.Name, icmp.Name }.OrderBy(n => n), shown.SecurityGroups!.Select(g => g.Name).OrderBy(n => n));
    }

    [Fact]
    public void RemoveSecurityGroup_WhatIfSendsNothing_ARemovedGroupIsGone_AndOneTheServerLacksIsNotAssociated()
    {
        var (net, _, servers) = ServersOn("sgrm", "10.72.0.0/24");
        var server = servers[0];
        var group = Ps.Run("New-OSSecurityGroup $g", new() { ["g"] = net + "-web" }).Single<SecurityGroup>();
        Ps.Run("Add-OSServerSecurityGroup $s $g", new() { ["s"] = server.Name, ["g"] = group.Name }).AssertNoErrors();
        Cloud.ClearRequests();

        Ps.Run("Get-OSServer $s | Remove-OSServerSecurityGroup -SecurityGroup (Get-OSSecurityGroup $g) -WhatIf", new() { ["s"] = server.Name, ["g"] = group.Name }).AssertNoErrors();
        Assert.DoesNotContain(NovaRequests(), r => r.Method == "POST");
        Assert.Contains(group.Id, GroupsOfPorts(server));

        Ps.Run("Remove-OSServerSecurityGroup $s $g -Confirm:$false", new() { ["s"] = server.Name, ["g"] = group.Name }).AssertNoErrors();
        Assert.Equal("{\"removeSecurityGroup\":{\"name\":\"" + group.Id + "\"}}", Body(NovaRequests().Single(r => r.Method == "POST")).GetRawText());
        Assert.DoesNotContain(group.Id, GroupsOfPorts(server));

        var error = Ps.Run("Remove-OSServerSecurityGroup $s $g -Confirm:$false", new() { ["s"] = server.Name, ["g"] = group.Name })
            .SingleError("ServerSecurityGroupNotAssociated");
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains($"Security group {group.Id} not associated with the instance {server.Id}", error.Exception.Message);
    }

    [Fact]
    public void SecurityGroupArguments_AnUnknownGroupChangesNoServer_AndANameResolvesInTheSessionsProjectFirst()
    {
        var (net, _, servers) = ServersOn("sgres", "10.73.0.0/24");
        Cloud.ClearRequests();
        var unknown = Ps.Run("Add-OSServerSecurityGroup $s default, nope-group", new() { ["s"] = servers[0].Name });
        Assert.Equal("SecurityGroupNotFound", unknown.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.DoesNotContain(NovaRequests(), r => r.Method == "POST");

        // The admin sees the demo project's group of the same name; the admin project's own wins.
        var shared = net + "-shared";
        Cloud.Neutron.AddSecurityGroup(shared, Cloud.Identity.DemoProjectId);
        var own = Ps.Run("New-OSSecurityGroup $g", new() { ["g"] = shared }).Single<SecurityGroup>();
        Ps.Run("Add-OSServerSecurityGroup $s $g", new() { ["s"] = servers[0].Name, ["g"] = shared }).AssertNoErrors();
        Assert.Contains(own.Id, GroupsOfPorts(servers[0]));

        // Only another project has it (twice): ambiguous, nothing sent.
        var elsewhere = net + "-elsewhere";
        Cloud.Neutron.AddSecurityGroup(elsewhere, Cloud.Identity.DemoProjectId);
        Cloud.Neutron.AddSecurityGroup(elsewhere, Cloud.Identity.AltDemoProjectId);
        Cloud.ClearRequests();
        var ambiguous = Ps.Run("Add-OSServerSecurityGroup $s $g", new() { ["s"] = servers[0].Name, ["g"] = elsewhere });
        Assert.Equal("SecurityGroupNameAmbiguous", ambiguous.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.DoesNotContain(NovaRequests(), r => r.Method == "POST");
    }

    [Fact]
    public void AddInterface_OnAnotherNetwork_PostsNetIdAndAddress_TheSameNetworkIsRefusedBeforeTheRequest_UnlessForce()
    {
        var (net, networkId, servers) = ServersOn("ifadd", "10.74.0.0/24");
        var server = servers[0];
        var other = Unique("ifadd2");
        Ps.Run("New-OSNetwork $n | New-OSSubnet -Name $n -Cidr 10.75.0.0/24 | Out-Null", new() { ["n"] = other }).AssertNoErrors();
        var otherId = Cloud.Neutron.Networks.Single(n => (string?)n["name"] == other)["id"]!.ToString();
        Cloud.ClearRequests();

        var attached = Ps.Run("Get-OSServer $s | Add-OSServerInterface -Network $n -FixedIpAddress 10.75.0.20", new() { ["s"] = server.Name, ["n"] = other }).Single<ServerInterface>();
        var post = NovaRequests().Single(r => r.Method == "POST");
        Assert.Equal($"/compute/v2.1/servers/{server.Id}/os-interface", post.PathAndQuery);
        Assert.Equal("{\"interfaceAttachment\":{\"net_id\":\"" + otherId + "\",\"fixed_ips\":[{\"ip_address\":\"10.75.0.20\"}]}}", Body(post).GetRawText());
        Assert.Equal((otherId, "10.75.0.20", server.Id), (attached.NetworkId, attached.FixedIps.Single().IpAddress, attached.ServerId));

        Cloud.ClearRequests();
        var refused = Ps.Run("Add-OSServerInterface $s -Network $n", new() { ["s"] = server.Name, ["n"] = net }).SingleError("ServerNetworkAlreadyAttached");
        Assert.Equal(ErrorCategory.ResourceExists, refused.CategoryInfo.Category);
        Assert.Contains("-Force", refused.Exception.Message);
        Assert.DoesNotContain(NovaRequests(), r => r.Method == "POST");

        var second = Ps.Run("Add-OSServerInterface $s -Network $n -Force", new() { ["s"] = server.Name, ["n"] = networkId }).Single<ServerInterface>();
        Assert.Equal(networkId, second.NetworkId);
        var listed = Ps.Run("Get-OSServerInterface $s", new() { ["s"] = server.Name }).OfType<ServerInterface>().ToList();
        Assert.Equal(3, listed.Count);
        Assert.Equal(2, listed.Count(i => i.NetworkId == networkId));

        Ps.Run("Add-OSServerInterface $s", new() { ["s"] = server.Name }).SingleError("ServerInterfaceTargetInvalid");
        Ps.Run("Add-OSServerInterface $s -Port x -FixedIpAddress 10.0.0.1", new() { ["s"] = server.Name }).SingleError("ServerInterfaceTargetInvalid");
        Cloud.ClearRequests();
        Ps.Run("Add-OSServerInterface $s -Network $n -WhatIf", new() { ["s"] = server.Name, ["n"] = other }).AssertNoErrors();
        Assert.DoesNotContain(NovaRequests(), r => r.Method == "POST");
    }

    [Fact]
    public void AddAndRemoveInterface_ByPort_KeepTheUsersPort_AndAPortTheServerLacksIsNotAttached()
    {
        var (net, networkId, servers) = ServersOn("ifport", "10.76.0.0/24");
        var server = servers[0];
        var port = Cloud.Neutron.AddPort(networkId, Cloud.Identity.AdminProjectId);
        var portId = (string)port["id"]!;
        Cloud.ClearRequests();

        var attached = Ps.Run("Add-OSServerInterface $s -Port (Get-OSPort -Id $p)", new() { ["s"] = server.Name, ["p"] = portId }).Single<ServerInterface>();
        Assert.Equal("{\"interfaceAttachment\":{\"port_id\":\"" + portId + "\"}}", Body(NovaRequests().Single(r => r.Method == "POST")).GetRawText());
        Assert.Equal(portId, attached.PortId);

        var other = Cloud.Neutron.AddPort(networkId, Cloud.Identity.AdminProjectId);
        Cloud.ClearRequests();
        var notAttached = Ps.Run("Remove-OSServerInterface $s -Port $p -Confirm:$false", new() { ["s"] = server.Name, ["p"] = (string)other["id"]! })
            .SingleError("ServerInterfaceNotAttached");
        Assert.Equal(ErrorCategory.ObjectNotFound, notAttached.CategoryInfo.Category);
        Assert.DoesNotContain(NovaRequests(), r => r.Method == "DELETE");

        Ps.Run("Remove-OSServerInterface $s $p -WhatIf", new() { ["s"] = server.Name, ["p"] = portId }).AssertNoErrors();
        Assert.DoesNotContain(NovaRequests(), r => r.Method == "DELETE");
        Ps.Run("Get-OSServerInterface $s | Where-Object PortId -eq $p | ForEach-Object { Remove-OSServerInterface $s -Port $_ -Confirm:$false }",
            new() { ["s"] = server.Name, ["p"] = portId }).AssertNoErrors();
        Assert.Equal($"/compute/v2.1/servers/{server.Id}/os-interface/{portId}", NovaRequests().Single(r => r.Method == "DELETE").PathAndQuery);
        var kept = Cloud.Neutron.Ports.Single(p => (string?)p["id"] == portId);
        Assert.Equal("", (string?)kept["device_id"]);
    }

    [Fact]
    public void NewServer_WithPortAndSecurityGroupObjects_ResolvesThemFirst_SendsPortAndGroupIds_AndAnUnknownOneMakesNothing()
    {
        var net = Unique("newport");
        Ps.Run("New-OSNetwork $n | New-OSSubnet -Name $n -Cidr 10.77.0.0/24 | Out-Null", new() { ["n"] = net }).AssertNoErrors();
        var networkId = Cloud.Neutron.Networks.Single(n => (string?)n["name"] == net)["id"]!.ToString();
        var portId = (string)Cloud.Neutron.AddPort(networkId, Cloud.Identity.AdminProjectId)["id"]!;
        var group = Ps.Run("New-OSSecurityGroup $g", new() { ["g"] = net + "-sg" }).Single<SecurityGroup>();
        var image = SeedImage();
        Cloud.ClearRequests();

        var server = Ps.Run("New-OSServer -Name $n -Image $i -Flavor m1.tiny -Port $p -SecurityGroup (Get-OSSecurityGroup $g), default -Wait",
            new() { ["n"] = net + "-vm", ["i"] = image.Id, ["p"] = portId, ["g"] = group.Name }).Single<Server>();
        var body = Body(NovaRequests().Single(r => r.Method == "POST" && r.PathAndQuery == "/compute/v2.1/servers")).GetProperty("server");
        Assert.Equal("[{\"port\":\"" + portId + "\"}]", body.GetProperty("networks").GetRawText());
        var defaultId = Cloud.Neutron.SecurityGroups.Single(g => (string?)g["name"] == "default" && (string?)g["project_id"] == Cloud.Identity.AdminProjectId)["id"]!.ToString();
        Assert.Equal("[{\"name\":\"" + group.Id + "\"},{\"name\":\"" + defaultId + "\"}]", body.GetProperty("security_groups").GetRawText());
        var port = Cloud.Neutron.Ports.Single(p => (string?)p["id"] == portId);
        Assert.Equal(server.Id, (string?)port["device_id"]);
        Assert.Equal(new[] { (string)port["fixed_ips"]![0]!["ip_address"]! }, server.FixedAddresses);
        Assert.Empty(server.FloatingAddresses);

        var before = Cloud.Nova.Servers.Count;
        Cloud.ClearRequests();
        var bad = Ps.Run("New-OSServer -Name $n -Image $i -Flavor m1.tiny -Network $net -SecurityGroup nope-sg", new() { ["n"] = net + "-bad", ["i"] = image.Id, ["net"] = net });
        Assert.Equal("SecurityGroupNotFound", bad.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        var badPort = Ps.Run("New-OSServer -Name $n -Image $i -Flavor m1.tiny -Port nope-port", new() { ["n"] = net + "-bad", ["i"] = image.Id });
        Assert.Equal("PortNotFound", badPort.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.DoesNotContain(NovaRequests(), r => r.Method == "POST");
        Assert.Equal(before, Cloud.Nova.Servers.Count);
    }
}
