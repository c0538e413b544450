using System.Net;
using OpenStack.Client.Auth;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Tests;

/// <summary>The Neutron client against the fake: URLs, networks_links paging, NeutronError bodies, lookups.</summary>
public sealed class NetworkClientTests : AdminFakeCloudTest
{
    [Theory]
    [InlineData("http://h:9696", "http://h:9696/")]
    [InlineData("http://h:9696/", "http://h:9696/")]
    [InlineData("http://h:9696/v2.0", "http://h:9696/")]
    [InlineData("http://h/networking", "http://h/networking/")]
    [InlineData("http://h/networking/v2.0/", "http://h/networking/")]
    public void ServiceRoot_DropsAVersionSegment(string catalog, string root) =>
        Assert.Equal(root, NetworkClient.ServiceRoot(new Uri(catalog)).ToString());

    [Fact]
    public async Task ListNetworks_FollowsNextLinks_UntilAShortPage()
    {
        for (var i = 0; i < 5; i++) _cloud.Neutron.AddNetwork("paged-" + i, _cloud.Identity.AdminProjectId);
        _cloud.ClearRequests();
        var pager = new NetworkClient(_session).List(Networks.Resource, new ListNetworksOptions { Limit = 2 }, CancellationToken.None);

        var all = await pager.AllAsync();

        Assert.Equal(5, all.Count);
        Assert.Equal(5, all.Select(n => n.Id).Distinct().Count());
        Assert.Equal(3, pager.PageCount); // 2 + 2 + 1: the short page carries no next link
        var gets = _cloud.Requests.Select(r => r.PathAndQuery).ToList();
        Assert.Equal("/network/v2.0/networks?limit=2", gets[0]);
        Assert.Equal($"/network/v2.0/networks?limit=2&marker={all[1].Id}", gets[1]);
    }

    [Fact]
    public async Task Errors_CarryNeutronsMessageAndRequestId()
    {
        var client = new NetworkClient(_session);
        var id = Guid.NewGuid().ToString();
        var ex = await Assert.ThrowsAsync<OpenStackApiException>(() => client.GetAsync(Networks.Resource, id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal($"Network {id} could not be found.", ex.ServerMessage);
        Assert.StartsWith("req-", ex.RequestId);

        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.FindAsync(Networks.Resource, "nope", CancellationToken.None));
        Assert.Equal("network", missing.Kind);
        Assert.Equal("Network", missing.Noun.ErrorNoun);
    }

    [Fact]
    public async Task CreateSubnet_WithoutGateway_SendsNull()
    {
        var client = new NetworkClient(_session);
        var network = await client.CreateAsync(Networks.Resource, new CreateNetworkOptions { Name = "nogw" }, CancellationToken.None);
        _cloud.ClearRequests();
        var subnet = await client.CreateAsync(Subnets.Resource, new CreateSubnetOptions { Name = "s", NetworkId = network.Id, Cidr = "10.1.0.0/24", NoGateway = true }, CancellationToken.None);
        Assert.Null(subnet.GatewayIp);
        var body = System.Text.Encoding.UTF8.GetString(_cloud.Requests.Single().Body);
        Assert.Contains("\"gateway_ip\":null", body);
    }

    private (string Method, string Path, System.Text.Json.JsonElement Body) OnlyRequest()
    {
        var request = _cloud.Requests.Single();
        return (request.Method, request.PathAndQuery, System.Text.Json.JsonDocument.Parse(request.Body).RootElement);
    }

    [Fact]
    public async Task UpdateSubnet_PutsOnlyTheGivenFields_AndNullForNoGateway()
    {
        var client = new NetworkClient(_session);
        var network = await client.CreateAsync(Networks.Resource, new CreateNetworkOptions { Name = "upd" }, CancellationToken.None);
        var subnet = await client.CreateAsync(Subnets.Resource, new CreateSubnetOptions { Name = "s", NetworkId = network.Id, Cidr = "10.2.0.0/24" }, CancellationToken.None);
        _cloud.ClearRequests();

        var updated = await client.UpdateAsync(Subnets.Resource, subnet.Id,
            new UpdateSubnetOptions { Name = "s2", NoGateway = true, EnableDhcp = false, DnsNameservers = new[] { "9.9.9.9" } }, CancellationToken.None);

        var (method, path, body) = OnlyRequest();
        Assert.Equal("PUT", method);
        Assert.Equal($"/network/v2.0/subnets/{subnet.Id}", path);
        var fields = body.GetProperty("subnet");
        Assert.Equal(new[] { "dns_nameservers", "enable_dhcp", "gateway_ip", "name" }, fields.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, fields.GetProperty("gateway_ip").ValueKind);
        Assert.Equal("s2", updated.Name);
        Assert.Null(updated.GatewayIp);
        Assert.False(updated.EnableDhcp);
        Assert.Equal(new[] { "9.9.9.9" }, updated.DnsNameservers);
    }

    [Fact]
    public async Task UpdateRouter_SetsThenRemovesTheExternalGateway()
    {
        var client = new NetworkClient(_session);
        var ext = _cloud.Neutron.AddNetwork("upd-ext", _cloud.Identity.AdminProjectId, external: true);
        var router = await client.CreateAsync(Routers.Resource, new CreateRouterOptions { Name = "r" }, CancellationToken.None);
        _cloud.ClearRequests();

        var set = await client.UpdateAsync(Routers.Resource, router.Id, new UpdateRouterOptions { ExternalNetworkId = (string)ext["id"]! }, CancellationToken.None);
        var (method, path, body) = OnlyRequest();
        Assert.Equal(("PUT", $"/network/v2.0/routers/{router.Id}"), (method, path));
        Assert.Equal("{\"router\":{\"external_gateway_info\":{\"network_id\":\"" + (string)ext["id"]! + "\"}}}", body.GetRawText());
        Assert.Equal((string)ext["id"]!, set.ExternalGatewayInfo?.NetworkId);

        _cloud.ClearRequests();
        var removed = await client.UpdateAsync(Routers.Resource, router.Id, new UpdateRouterOptions { RemoveExternalGateway = true, Name = "r2" }, CancellationToken.None);
        Assert.Equal("{\"router\":{\"name\":\"r2\",\"external_gateway_info\":{}}}", OnlyRequest().Body.GetRawText());
        Assert.Null(removed.ExternalGatewayInfo);
        Assert.Equal("r2", removed.Name);
    }

    [Fact]
    public async Task Delete_InUse_IsResourceInUse_WithTheRequestIdOnTheBaseException()
    {
        var client = new NetworkClient(_session);
        var network = await client.CreateAsync(Networks.Resource, new CreateNetworkOptions { Name = "busy" }, CancellationToken.None);
        var subnet = await client.CreateAsync(Subnets.Resource, new CreateSubnetOptions { Name = "busy", NetworkId = network.Id, Cidr = "10.3.0.0/24" }, CancellationToken.None);
        var router = await client.CreateAsync(Routers.Resource, new CreateRouterOptions { Name = "busy" }, CancellationToken.None);
        await client.AddRouterInterfaceAsync(router.Id, subnet.Id, CancellationToken.None);
        _cloud.ClearRequests();

        OpenStackException ex = await Assert.ThrowsAsync<ResourceInUseException>(() => client.DeleteAsync(Networks.Resource, network.Id, CancellationToken.None));

        Assert.Equal("DELETE", _cloud.Requests.Single().Method);
        Assert.Equal($"/network/v2.0/networks/{network.Id}", _cloud.Requests.Single().PathAndQuery);
        Assert.StartsWith("req-", ex.RequestId);
        Assert.Equal("Network", ((ResourceInUseException)ex).Noun.ErrorNoun);
    }

    [Fact]
    public async Task Find_ExactWins_ThenAUniqueCaseInsensitiveMatch_AndNamesDifferingInCaseAreAmbiguous()
    {
        var client = new NetworkClient(_session);
        var project = _cloud.Identity.AdminProjectId;
        var exact = _cloud.Neutron.AddNetwork("Case-Net", project);
        _cloud.Neutron.AddNetwork("case-net", project);
        var only = _cloud.Neutron.AddNetwork("Lonely-Net", project);
        _cloud.Neutron.AddNetwork("Twin-Net", project);
        _cloud.Neutron.AddNetwork("TWIN-net", project);

        Assert.Equal((string)exact["id"]!, (await client.FindAsync(Networks.Resource, "Case-Net", CancellationToken.None)).Id);
        _cloud.ClearRequests();
        Assert.Equal((string)only["id"]!, (await client.FindAsync(Networks.Resource, "lonely-net", CancellationToken.None)).Id);
        // The exact filter first (nothing), then the whole list for the case rule.
        Assert.Equal(new[] { "/network/v2.0/networks?name=lonely-net", "/network/v2.0/networks" }, _cloud.Requests.Select(r => r.PathAndQuery).ToArray());
        var twin = await Assert.ThrowsAsync<AmbiguousNameException>(() => client.FindAsync(Networks.Resource, "twin-net", CancellationToken.None));
        Assert.Equal(2, twin.Ids.Count);
        Assert.Equal(2, (await client.MatchAsync(Networks.Resource, "twin-NET", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Find_ByIdFirst_ThenByAUuidLookingName()
    {
        var client = new NetworkClient(_session);
        var network = await client.CreateAsync(Networks.Resource, new CreateNetworkOptions { Name = "by-id" }, CancellationToken.None);
        _cloud.ClearRequests();
        Assert.Equal(network.Id, (await client.FindAsync(Networks.Resource, network.Id, CancellationToken.None)).Id);
        Assert.Equal($"/network/v2.0/networks/{network.Id}", _cloud.Requests.Single().PathAndQuery);

        var uuidName = Guid.NewGuid().ToString();
        var named = await client.CreateAsync(Networks.Resource, new CreateNetworkOptions { Name = uuidName }, CancellationToken.None);
        Assert.Equal(named.Id, (await client.FindAsync(Networks.Resource, uuidName, CancellationToken.None)).Id);
    }
}
