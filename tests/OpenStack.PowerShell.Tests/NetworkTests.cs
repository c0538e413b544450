using System.Management.Automation;
using System.Text.Json;
using OpenStack.PowerShell.Tests.Harness;
using NetworkModel = OpenStack.Client.Network.V2.Network;
using RouterModel = OpenStack.Client.Network.V2.Router;
using SubnetModel = OpenStack.Client.Network.V2.Subnet;

namespace OpenStack.PowerShell.Tests;

/// <summary>Networks, subnets and routers against the fake Neutron: requests sent, pipeline binding, -WhatIf, error ids.</summary>
public sealed class NetworkTests : CloudTest
{
    public NetworkTests(FakeCloudFixture fixture) : base(fixture) { }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("n")[..8];

    private JsonElement BodyOf(string method, string path) =>
        JsonDocument.Parse(Cloud.Requests.Single(r => r.Method == method && r.PathAndQuery == path).Body).RootElement;

    [Fact]
    public void NewNetwork_PostsTheGivenFields_AndReturnsTheNetwork()
    {
        var name = Unique("net");
        var network = Ps.Run("New-OSNetwork -Name $n -Shared -External -AdminStateUp:$false -ProviderNetworkType flat -ProviderPhysicalNetwork physnet1 -Mtu 1400",
            new() { ["n"] = name }).Single<NetworkModel>();

        var body = BodyOf("POST", "/network/v2.0/networks").GetProperty("network");
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.True(body.GetProperty("shared").GetBoolean());
        Assert.True(body.GetProperty("router:external").GetBoolean());
        Assert.False(body.GetProperty("admin_state_up").GetBoolean());
        Assert.Equal("flat", body.GetProperty("provider:network_type").GetString());
        Assert.Equal("physnet1", body.GetProperty("provider:physical_network").GetString());
        Assert.Equal(1400, body.GetProperty("mtu").GetInt32());
        Assert.False(body.TryGetProperty("provider:segmentation_id", out _));
        Assert.Equal(201, Cloud.Requests.Single(r => r.Method == "POST").Status);

        Assert.Equal(name, network.Name);
        Assert.True(network.External);
        Assert.False(network.AdminStateUp);
        Assert.Equal("flat", network.ProviderNetworkType);
        Assert.Equal(1400, network.Mtu);
        Assert.Equal("ACTIVE", network.Status);
    }

    [Fact]
    public void NewNetwork_WithoutSwitches_SendsOnlyTheName()
    {
        var name = Unique("plain");
        Ps.Run("New-OSNetwork $n", new() { ["n"] = name }).AssertNoErrors();
        var body = BodyOf("POST", "/network/v2.0/networks").GetProperty("network");
        Assert.Equal(new[] { "name" }, body.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void WhatIf_SendsNothing_ForEveryChangeCmdlet()
    {
        var name = Unique("whatif");
        var network = Ps.Run("New-OSNetwork $n", new() { ["n"] = name }).Single<NetworkModel>();
        var subnet = Ps.Run("New-OSSubnet -Name s -Network $n -Cidr 10.9.0.0/24", new() { ["n"] = name }).Single<SubnetModel>();
        var router = Ps.Run("New-OSRouter $n", new() { ["n"] = name }).Single<RouterModel>();
        Cloud.ClearRequests();

        var result = Ps.Run(@"
            New-OSNetwork x -WhatIf
            Set-OSNetwork $n -Name y -WhatIf
            Remove-OSNetwork $n -WhatIf
            New-OSSubnet -Name s2 -Network $n -Cidr 10.10.0.0/24 -WhatIf
            Remove-OSSubnet $s -WhatIf
            New-OSRouter r2 -WhatIf
            Add-OSRouterInterface $n $s -WhatIf
            Remove-OSRouterInterface $n $s -WhatIf
            Remove-OSRouter $n -WhatIf", new() { ["n"] = name, ["s"] = subnet.Id });
        result.AssertNoErrors();
        Assert.All(RequestLines(), line => Assert.StartsWith("GET ", line));
        Assert.Contains("What if: Performing the operation \"Delete network\"", Ps.Host.Ui.Text);
        Assert.Single(Ps.Run("Get-OSNetwork -Id $id", new() { ["id"] = network.Id }).OfType<NetworkModel>());
        Assert.Single(Ps.Run("Get-OSRouter -Id $id", new() { ["id"] = router.Id }).OfType<RouterModel>());
    }

    [Fact]
    public void GetNetwork_FollowsNetworksLinks_AcrossPages()
    {
        var prefix = Unique("page");
        foreach (var i in Enumerable.Range(0, 5)) Cloud.Neutron.AddNetwork($"{prefix}-{i}", Cloud.Identity.AdminProjectId);

        var listed = Ps.Run("Get-OSNetwork -Name $p -PageSize 2", new() { ["p"] = prefix + "-*" }).OfType<NetworkModel>().ToList();

        Assert.Equal(5, listed.Count);
        var gets = RequestLines().Where(l => l.StartsWith("GET /network/v2.0/networks", StringComparison.Ordinal)).ToList();
        Assert.True(gets.Count >= 3, string.Join("\n", gets));
        Assert.Equal("GET /network/v2.0/networks?limit=2", gets[0]);
        Assert.Contains("marker=", gets[1]);
    }

    [Fact]
    public void GetNetwork_PlainName_IsAServerSideFilter_AndUnknownNameIsNetworkNotFound()
    {
        var name = Unique("filter");
        Cloud.Neutron.AddNetwork(name, Cloud.Identity.AdminProjectId);
        var one = Ps.Run("Get-OSNetwork $n", new() { ["n"] = name }).Single<NetworkModel>();
        Assert.Equal(name, one.Name);
        Assert.Contains($"GET /network/v2.0/networks?limit=1000&name={name}", RequestLines());

        var error = Ps.Run("Get-OSNetwork no-such-network").SingleError("NetworkNotFound");
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Ps.Run("Get-OSNetwork -Id 00000000-0000-0000-0000-000000000000").SingleError("NetworkNotFound");
    }

    [Fact]
    public void SetNetwork_PutsOnlyTheChangedFields_FromThePipeline()
    {
        var name = Unique("set");
        Ps.Run("New-OSNetwork $n", new() { ["n"] = name }).AssertNoErrors();
        Cloud.ClearRequests();
        var updated = Ps.Run("Get-OSNetwork $n | Set-OSNetwork -Name $m -Mtu 1300 -AdminStateUp:$false -PassThru",
            new() { ["n"] = name, ["m"] = name + "-renamed" }).Single<NetworkModel>();

        var put = Cloud.Requests.Single(r => r.Method == "PUT");
        Assert.Equal($"/network/v2.0/networks/{updated.Id}", put.PathAndQuery);
        var body = JsonDocument.Parse(put.Body).RootElement.GetProperty("network");
        Assert.Equal(new[] { "admin_state_up", "mtu", "name" }, body.EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray());
        Assert.Equal(name + "-renamed", updated.Name);
        Assert.Equal(1300, updated.Mtu);
        Assert.False(updated.AdminStateUp);

        var none = Ps.Run("Set-OSNetwork $n", new() { ["n"] = name + "-renamed" });
        Assert.Equal("NetworkNoChangeGiven", none.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void NewSubnet_TakesTheNetworkFromThePipeline_AndPostsItsId()
    {
        var name = Unique("subnet");
        var network = Ps.Run("New-OSNetwork $n", new() { ["n"] = name }).Single<NetworkModel>();
        Cloud.ClearRequests();

        var subnet = Ps.Run("Get-OSNetwork $n | New-OSSubnet -Name $n -Cidr 192.168.50.0/24 -GatewayIp 192.168.50.254 -EnableDhcp:$false -DnsNameserver 9.9.9.9, 1.1.1.1",
            new() { ["n"] = name }).Single<SubnetModel>();

        var body = BodyOf("POST", "/network/v2.0/subnets").GetProperty("subnet");
        Assert.Equal(network.Id, body.GetProperty("network_id").GetString());
        Assert.Equal("192.168.50.0/24", body.GetProperty("cidr").GetString());
        Assert.Equal(4, body.GetProperty("ip_version").GetInt32());
        Assert.Equal("192.168.50.254", body.GetProperty("gateway_ip").GetString());
        Assert.False(body.GetProperty("enable_dhcp").GetBoolean());
        Assert.Equal(new[] { "9.9.9.9", "1.1.1.1" }, body.GetProperty("dns_nameservers").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal(network.Id, subnet.NetworkId);
        Assert.Equal("192.168.50.254", subnet.GatewayIp);

        var listed = Ps.Run("Get-OSSubnet -Network $n", new() { ["n"] = name }).OfType<SubnetModel>().ToList();
        Assert.Equal(subnet.Id, Assert.Single(listed).Id);
        Assert.Contains($"GET /network/v2.0/subnets?limit=1000&network_id={network.Id}", RequestLines());
        Assert.Contains(network.Id, Ps.Run("Get-OSNetwork -Id $id", new() { ["id"] = network.Id }).Single<NetworkModel>().Id);
    }

    [Fact]
    public void NewSubnet_OnAnUnknownNetwork_IsNetworkNotFound_WithoutAPost()
    {
        var result = Ps.Run("New-OSSubnet -Name s -Network no-such-net -Cidr 10.0.0.0/24");
        var error = result.SingleError("NetworkNotFound");
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.DoesNotContain(RequestLines(), l => l.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public void NewSubnet_OverlappingCidr_IsSubnetRequestInvalid_WithNeutronsMessage()
    {
        var name = Unique("overlap");
        Ps.Run("New-OSNetwork $n | Out-Null; New-OSSubnet -Name a -Network $n -Cidr 10.20.0.0/16", new() { ["n"] = name }).AssertNoErrors();
        var error = Ps.Run("New-OSSubnet -Name b -Network $n -Cidr 10.20.30.0/24", new() { ["n"] = name }).SingleError("SubnetRequestInvalid");
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("overlaps with another subnet", error.Exception.Message);
        Assert.Contains("req-", error.Exception.Message);
    }

    [Fact]
    public void RouterFlow_InterfaceBlocksNetworkDelete_ThenTeardownInOrder()
    {
        var name = Unique("flow");
        var ext = Ps.Run("New-OSNetwork $e -External", new() { ["e"] = name + "-ext" }).Single<NetworkModel>();
        var network = Ps.Run("New-OSNetwork $n", new() { ["n"] = name }).Single<NetworkModel>();
        var subnet = Ps.Run("New-OSSubnet -Name $n -Network $n -Cidr 10.30.0.0/24", new() { ["n"] = name }).Single<SubnetModel>();
        Cloud.ClearRequests();

        var router = Ps.Run("Get-OSNetwork $e | New-OSRouter -Name $n", new() { ["n"] = name, ["e"] = name + "-ext" }).Single<RouterModel>();
        var routerBody = BodyOf("POST", "/network/v2.0/routers").GetProperty("router");
        Assert.Equal(ext.Id, routerBody.GetProperty("external_gateway_info").GetProperty("network_id").GetString());
        Assert.Equal(ext.Id, router.ExternalGatewayInfo?.NetworkId);

        var added = Ps.Run("Get-OSRouter $n | Add-OSRouterInterface -Subnet $n", new() { ["n"] = name }).Single<Client.Network.V2.RouterInterface>();
        Assert.Equal(subnet.Id, BodyOf("PUT", $"/network/v2.0/routers/{router.Id}/add_router_interface").GetProperty("subnet_id").GetString());
        Assert.Equal(network.Id, added.NetworkId);

        var inUse = Ps.Run("Remove-OSNetwork $n -Confirm:$false", new() { ["n"] = name }).SingleError("NetworkInUse");
        Assert.Equal(ErrorCategory.ResourceBusy, inUse.CategoryInfo.Category);
        Assert.Contains("req-", inUse.ErrorDetails.RecommendedAction);
        Assert.Contains("There are one or more ports still in use on the network", inUse.Exception.Message);
        Assert.Contains(added.PortId!, inUse.Exception.Message);
        Ps.Run("Remove-OSRouter $n -Confirm:$false", new() { ["n"] = name }).SingleError("RouterInUse");
        var subnetInUse = Ps.Run("Remove-OSSubnet $n -Confirm:$false", new() { ["n"] = name }).SingleError("SubnetInUse");
        Assert.Contains("One or more ports have an IP allocation from this subnet", subnetInUse.Exception.Message);

        Ps.Run(@"Remove-OSRouterInterface $n $n -Confirm:$false
                 Get-OSRouter $n | Remove-OSRouter -Confirm:$false
                 Get-OSNetwork $n | Remove-OSNetwork -Confirm:$false
                 Remove-OSNetwork $e -Confirm:$false", new() { ["n"] = name, ["e"] = name + "-ext" }).AssertNoErrors();
        var lines = RequestLines();
        var order = new[]
        {
            $"PUT /network/v2.0/routers/{router.Id}/remove_router_interface",
            $"DELETE /network/v2.0/routers/{router.Id}",
            $"DELETE /network/v2.0/networks/{network.Id}",
            $"DELETE /network/v2.0/networks/{ext.Id}",
        }.Select(l => lines.LastIndexOf(l)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.OrderBy(i => i), order);
        Assert.Empty(Ps.Run("Get-OSSubnet -Id $id -ErrorAction SilentlyContinue", new() { ["id"] = subnet.Id }).Output);
        Ps.Run("Remove-OSRouterInterface $r $s -Confirm:$false", new() { ["r"] = router.Id, ["s"] = subnet.Id }).SingleError("RouterNotFound");
    }

    [Fact]
    public void RemoveSubnet_ByPipeline_DeletesById()
    {
        var name = Unique("rmsub");
        var subnet = Ps.Run("New-OSNetwork $n | New-OSSubnet -Name $n -Cidr fd00:1::/64", new() { ["n"] = name }).Single<SubnetModel>();
        Assert.Equal(6, subnet.IpVersion);
        Assert.Equal(6, BodyOf("POST", "/network/v2.0/subnets").GetProperty("subnet").GetProperty("ip_version").GetInt32());
        Cloud.ClearRequests();
        Ps.Run("Get-OSSubnet $n | Remove-OSSubnet -Confirm:$false", new() { ["n"] = name }).AssertNoErrors();
        Assert.Contains($"DELETE /network/v2.0/subnets/{subnet.Id}", RequestLines());
        Assert.Equal(204, Cloud.Requests.Single(r => r.Method == "DELETE").Status);
    }

    [Fact]
    public void Views_AreShapedLikeTheCli()
    {
        var name = Unique("view");
        Ps.Run("New-OSNetwork $n | New-OSSubnet -Name $n -Cidr 10.40.0.0/24; New-OSRouter $n", new() { ["n"] = name }).AssertNoErrors();
        var networks = Ps.RunFormatted($"Get-OSNetwork {name}");
        Assert.Matches(@"ID\s+Name\s+Subnets", networks);
        var subnets = Ps.RunFormatted($"Get-OSSubnet {name}");
        Assert.Matches(@"ID\s+Name\s+Network\s+Subnet", subnets);
        Assert.Contains("10.40.0.0/24", subnets);
        var routers = Ps.RunFormatted($"Get-OSRouter {name}");
        Assert.Matches(@"ID\s+Name\s+Status\s+State\s+Project", routers);
        Assert.Contains("UP", routers);
    }

    [Fact]
    public void NamesComplete_ForNetworksSubnetsAndRouters()
    {
        var name = Unique("tab");
        Ps.Run("New-OSNetwork $n | New-OSSubnet -Name $n -Cidr 10.50.0.0/24; New-OSRouter $n", new() { ["n"] = name }).AssertNoErrors();
        Assert.Contains(name, Ps.Complete("Get-OSNetwork " + name[..6]));
        Assert.Contains(name, Ps.Complete("New-OSSubnet -Network " + name[..6]));
        Assert.Contains(name, Ps.Complete("Get-OSSubnet " + name[..6]));
        Assert.Contains(name, Ps.Complete("Add-OSRouterInterface -Router " + name[..6]));
        Assert.DoesNotContain(name, Ps.Complete("Get-OSNetwork zzz"));
    }

    [Fact]
    public void NamesAndIdsAsStrings_BindFromThePipeline()
    {
        var name = Unique("strings");
        var network = Ps.Run("New-OSNetwork $n", new() { ["n"] = name }).Single<NetworkModel>();
        var subnet = Ps.Run("$n | New-OSSubnet -Name $n -Cidr 10.60.0.0/24", new() { ["n"] = name }).Single<SubnetModel>();
        Assert.Equal(network.Id, subnet.NetworkId);
        Cloud.ClearRequests();
        Ps.Run("$id | Remove-OSSubnet -Confirm:$false; $n | Remove-OSNetwork -Confirm:$false", new() { ["n"] = name, ["id"] = subnet.Id }).AssertNoErrors();
        Assert.Contains($"DELETE /network/v2.0/subnets/{subnet.Id}", RequestLines());
        Assert.Contains($"DELETE /network/v2.0/networks/{network.Id}", RequestLines());
        Assert.Empty(Cloud.Neutron.Networks.Where(n => (string?)n["id"] == network.Id));
    }

    [Fact]
    public void AmbiguousName_IsNetworkNameAmbiguous_AndNothingIsDeleted()
    {
        var name = Unique("twin");
        Cloud.Neutron.AddNetwork(name, Cloud.Identity.AdminProjectId);
        Cloud.Neutron.AddNetwork(name, Cloud.Identity.AdminProjectId);
        var error = Ps.Run("Remove-OSNetwork $n -Confirm:$false", new() { ["n"] = name }).SingleError("NetworkNameAmbiguous");
        Assert.Contains("More than one network exists with the name", error.Exception.Message);
        Assert.DoesNotContain(RequestLines(), l => l.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public void NonAdmin_CannotCreateExternalNetworks_NetworkForbiddenWithThePolicyMessage()
    {
        Connect("demo", FakeCloud.FakeIdentity.DemoPassword, "demo");
        Cloud.ClearRequests();
        var error = Ps.Run("New-OSNetwork $n -External", new() { ["n"] = Unique("ext") }).SingleError("NetworkForbidden");
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("(rule:create_network and rule:create_network:router:external) is disallowed by policy", error.Exception.Message);
        Assert.Equal(403, Cloud.Requests.Single(r => r.Method == "POST").Status);

        var own = Ps.Run("New-OSNetwork $n", new() { ["n"] = Unique("own") }).Single<NetworkModel>();
        Assert.Equal(Cloud.Identity.DemoProjectId, own.ProjectId);
    }

    [Fact]
    public void RouterRequestsNeutronRefuses_AreRouterRequestInvalid_WithItsWords()
    {
        var name = Unique("bad");
        var network = Ps.Run("New-OSNetwork $n", new() { ["n"] = name }).Single<NetworkModel>();
        var notExternal = Ps.Run("New-OSRouter $n -ExternalNetwork $n", new() { ["n"] = name }).SingleError("RouterRequestInvalid");
        Assert.Contains($"Bad router request: Network {network.Id} is not an external network.", notExternal.Exception.Message);

        Ps.Run("New-OSSubnet -Name $n -Network $n -Cidr 10.70.0.0/24 -GatewayIp none; New-OSRouter $n", new() { ["n"] = name }).AssertNoErrors();
        Assert.Equal(JsonValueKind.Null, BodyOf("POST", "/network/v2.0/subnets").GetProperty("subnet").GetProperty("gateway_ip").ValueKind);
        var noGateway = Ps.Run("Add-OSRouterInterface $n $n", new() { ["n"] = name }).SingleError("RouterRequestInvalid");
        Assert.Contains("Subnet for router interface must have a gateway IP.", noGateway.Exception.Message);
    }
}
