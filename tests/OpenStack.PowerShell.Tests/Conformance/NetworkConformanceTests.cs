using OpenStack.PowerShell.Tests.Harness;
using NetworkModel = OpenStack.Client.Network.V2.Network;
using RouterModel = OpenStack.Client.Network.V2.Router;
using SubnetModel = OpenStack.Client.Network.V2.Subnet;

namespace OpenStack.PowerShell.Tests.Conformance;

/// <summary>The network scenario against the real cloud in OS_* (skipped when none was given).</summary>
[Trait("Category", "Integration")]
[Collection(RealCloudCollection.Name)]
public sealed class NetworkConformanceOnRealCloud : NetworkConformanceTests
{
    [RealCloudFact] public void Topology() => Topology_NetworkSubnetRouter_AgreesWithTheCli_AndRefusesDeletesInUse();
    [RealCloudFact] public void Projects() => Project_CreateShowDelete_AgreesWithTheCli();
}

/// <summary>The same scenario against the fake cloud, with the real CLI as the peer.</summary>
[Trait("Category", "Integration")]
public sealed class NetworkConformanceOnFakeCloud : NetworkConformanceTests, IClassFixture<FakeCloudFixture>
{
    public NetworkConformanceOnFakeCloud(FakeCloudFixture fixture) : base(FakeCloudVariables(fixture.Cloud)) { }

    [CliFact] public void Topology() => Topology_NetworkSubnetRouter_AgreesWithTheCli_AndRefusesDeletesInUse();
    [CliFact] public void Projects() => Project_CreateShowDelete_AgreesWithTheCli();
}

/// <summary>
/// Network + subnet + router with an interface on the subnet: lists compared with `openstack network/subnet/router
/// list`, the 409 for a network still in use, the 400 for an overlapping CIDR, and the teardown in order.
/// </summary>
public abstract class NetworkConformanceTests : RealCloudTest
{
    protected NetworkConformanceTests() { }

    protected NetworkConformanceTests(IReadOnlyDictionary<string, string> cloud) : base(cloud) { }

    protected void Topology_NetworkSubnetRouter_AgreesWithTheCli_AndRefusesDeletesInUse()
    {
        var net = Prefix + "net";
        var vars = new Dictionary<string, object?> { ["net"] = net, ["sub"] = Prefix + "subnet", ["router"] = Prefix + "router" };
        string? networkId = null, subnetId = null, routerId = null;
        var plugged = false;
        try
        {
            var network = Ps.Run("New-OSNetwork $net", vars).Single<NetworkModel>();
            networkId = network.Id;
            var subnet = Ps.Run("Get-OSNetwork $net | New-OSSubnet -Name $sub -Cidr 10.213.7.0/24", vars).Single<SubnetModel>();
            subnetId = subnet.Id;
            Assert.Equal("10.213.7.1", subnet.GatewayIp);
            var router = Ps.Run("New-OSRouter $router", vars).Single<RouterModel>();
            routerId = router.Id;
            var added = Ps.Run("Add-OSRouterInterface $router $sub", vars).Single<Client.Network.V2.RouterInterface>();
            plugged = true;
            Assert.Equal(networkId, added.NetworkId);
            Assert.Equal(subnetId, added.SubnetId);

            // Lists agree with the CLI on ids and names (other tests may create networks meanwhile: compare ours, and every common row).
            var networks = Ps.Run("Get-OSNetwork").OfType<NetworkModel>().ToDictionary(n => n.Id);
            var cliNetworks = Cli("network", "list").EnumerateArray().ToList();
            Assert.Contains(networkId, networks.Keys);
            var cliNet = Assert.Single(cliNetworks, r => r.GetProperty("ID").GetString() == networkId);
            Assert.Equal(net, cliNet.GetProperty("Name").GetString());
            Assert.Equal(new[] { subnetId }, cliNet.GetProperty("Subnets").EnumerateArray().Select(e => e.GetString()).ToArray());
            Assert.Equal(new[] { subnetId }, networks[networkId].Subnets);
            foreach (var row in cliNetworks)
                if (networks.TryGetValue(row.GetProperty("ID").GetString()!, out var mine)) Assert.Equal(row.GetProperty("Name").GetString(), mine.Name ?? "");

            // One network per page: the networks_links walk ends with the same networks as one big page.
            var paged = Ps.Run("Get-OSNetwork -PageSize 1").OfType<NetworkModel>().Select(n => n.Id).ToList();
            Assert.Equal(paged.Count, paged.Distinct().Count());
            Assert.Contains(networkId, paged);
            Assert.Empty(networks.Keys.Intersect(cliNetworks.Select(r => r.GetProperty("ID").GetString()!)).Except(paged));

            var subnets = Ps.Run("Get-OSSubnet -Network $net", vars).OfType<SubnetModel>().ToList();
            var cliSubnet = Assert.Single(Cli("subnet", "list", "--network", networkId).EnumerateArray());
            Assert.Equal(subnetId, Assert.Single(subnets).Id);
            Assert.Equal(cliSubnet.GetProperty("ID").GetString(), subnets[0].Id);
            Assert.Equal(cliSubnet.GetProperty("Name").GetString(), subnets[0].Name);
            Assert.Equal(cliSubnet.GetProperty("Network").GetString(), subnets[0].NetworkId);
            Assert.Equal(cliSubnet.GetProperty("Subnet").GetString(), subnets[0].Cidr);

            var routers = Ps.Run("Get-OSRouter $router", vars).OfType<RouterModel>().ToList();
            var cliRouter = Assert.Single(Cli("router", "list", "--name", Prefix + "router").EnumerateArray());
            Assert.Equal(cliRouter.GetProperty("ID").GetString(), Assert.Single(routers).Id);
            Assert.Equal(cliRouter.GetProperty("Status").GetString(), routers[0].Status);
            // The CLI's -f json gives State as admin_state_up itself (a boolean); its table shows UP/DOWN, as our view does.
            Assert.Equal(cliRouter.GetProperty("State").GetBoolean(), routers[0].AdminStateUp);
            Assert.Equal("UP", routers[0].State);
            Assert.Equal(cliRouter.GetProperty("Project").GetString(), routers[0].ProjectId);

            // Neutron refuses to delete the network while the router's port is on it: 409 NetworkInUse, its words kept.
            var inUse = Ps.Run("Remove-OSNetwork $net -Confirm:$false", vars).SingleError("NetworkInUse");
            Assert.Contains("There are one or more ports still in use on the network", inUse.Exception.Message);
            Assert.Contains(added.PortId!, inUse.Exception.Message);
            Assert.Contains("req-", inUse.Exception.Message);
            Assert.Equal(net, Cli("network", "show", networkId).GetProperty("name").GetString());

            var overlap = Ps.Run("New-OSSubnet -Name x -Network $net -Cidr 10.213.7.128/25", vars).SingleError("SubnetRequestInvalid");
            Assert.Contains("overlaps with another subnet", overlap.Exception.Message);
            Ps.Run("New-OSSubnet -Name x -Network $n -Cidr 10.0.0.0/24", new() { ["n"] = Prefix + "missing" }).SingleError("NetworkNotFound");

            Ps.Run("Remove-OSRouterInterface $router $sub -Confirm:$false", vars).AssertNoErrors();
            plugged = false;
            Ps.Run("Get-OSRouter $router | Remove-OSRouter -Confirm:$false", vars).AssertNoErrors();
            routerId = null;
            Ps.Run("Get-OSNetwork $net | Remove-OSNetwork -Confirm:$false", vars).AssertNoErrors();
            networkId = null;
            Ps.Run("Get-OSNetwork -Id $id", new() { ["id"] = network.Id }).SingleError("NetworkNotFound");
            Ps.Run("Get-OSSubnet -Id $id", new() { ["id"] = subnet.Id }).SingleError("SubnetNotFound");
        }
        finally
        {
            if (plugged && routerId != null && subnetId != null) Ps.Run("Remove-OSRouterInterface $r $s -Confirm:$false", new() { ["r"] = routerId, ["s"] = subnetId });
            if (routerId != null) Ps.Run("Remove-OSRouter $id -Confirm:$false", new() { ["id"] = routerId });
            if (networkId != null) Ps.Run("Remove-OSNetwork $id -Confirm:$false", new() { ["id"] = networkId });
        }
    }

    /// <summary>New-OSProject / Remove-OSProject (admin), checked with `openstack project show`; the catalog against `catalog list`.</summary>
    protected void Project_CreateShowDelete_AgreesWithTheCli()
    {
        var name = Prefix + "project";
        string? id = null;
        try
        {
            var project = Ps.Run("New-OSProject $n -Description conformance -Domain Default -Disabled -Tag it", new() { ["n"] = name }).Single<Client.Identity.V3.Project>();
            id = project.Id;
            var cli = Cli("project", "show", id);
            Assert.Equal(name, cli.GetProperty("name").GetString());
            Assert.Equal("conformance", cli.GetProperty("description").GetString());
            Assert.False(cli.GetProperty("enabled").GetBoolean());
            Assert.Equal(project.DomainId, cli.GetProperty("domain_id").GetString());
            Assert.Equal(new[] { "it" }, cli.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray());

            Ps.Run("New-OSProject $n -Domain Default", new() { ["n"] = name }).SingleError("ProjectConflict");
            Ps.Run("Get-OSProject $n -All | Remove-OSProject -Confirm:$false", new() { ["n"] = name }).AssertNoErrors();
            id = null;
            Ps.Run("Remove-OSProject $n -Confirm:$false", new() { ["n"] = name }).SingleError("ProjectNotFound");

            var types = Ps.Run("Get-OSCatalog | ForEach-Object Type").Output.Select(o => o?.ToString()).Distinct().OrderBy(t => t).ToList();
            var cliTypes = Cli("catalog", "list").EnumerateArray().Select(e => e.GetProperty("Type").GetString()).Distinct().OrderBy(t => t).ToList();
            Assert.Equal(cliTypes, types);
        }
        finally
        {
            if (id != null) Ps.Run("Remove-OSProject $id -Confirm:$false", new() { ["id"] = id });
        }
    }
}
