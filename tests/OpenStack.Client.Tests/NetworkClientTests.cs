using System.Net;
using OpenStack.Client.Auth;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;

namespace OpenStack.Client.Tests;

/// <summary>The Neutron client against the fake: URLs, networks_links paging, NeutronError bodies, lookups.</summary>
public sealed class NetworkClientTests : IAsyncLifetime
{
    private FakeCloud.FakeCloud _cloud = null!;
    private OpenStackSession _session = null!;

    public async Task InitializeAsync()
    {
        _cloud = await FakeCloud.FakeCloud.StartAsync();
        _session = await OpenStackSession.ConnectAsync(new AuthOptions
        {
            AuthUrl = new Uri(_cloud.AuthUrl), UserName = "admin", Password = SecretText.ToSecureString("s3cr3t-Passw0rd"), ProjectName = "admin",
        }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
        await _cloud.DisposeAsync();
    }

    [Theory]
    [InlineData("http://h:9696", "http://h:9696/")]
    [InlineData("http://h:9696/", "http://h:9696/")]
    [InlineData("http://h:9696/v2.0", "http://h:9696/")]
    [InlineData("http://h/networking", "http://h/networking/")]
    [InlineData("http://h/networking/v2.0/", "http://h/networking/")]
    public void ServiceRoot_DropsAVersionSegment(string catalog, string root) =>
        Assert.Equal(root, Urls.ServiceRoot(new Uri(catalog)).ToString());

    [Fact]
    public async Task ListNetworks_FollowsNextLinks_UntilAShortPage()
    {
        for (var i = 0; i < 5; i++) _cloud.Neutron.AddNetwork("paged-" + i, _cloud.Identity.AdminProjectId);
        _cloud.ClearRequests();
        var pager = new NetworkClient(_session).ListNetworks(new ListNetworksOptions { Limit = 2 }, CancellationToken.None);

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
        var ex = await Assert.ThrowsAsync<OpenStackApiException>(() => client.GetNetworkAsync(id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal($"Network {id} could not be found.", ex.ServerMessage);
        Assert.StartsWith("req-", ex.RequestId);

        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.FindNetworkAsync("nope", CancellationToken.None));
        Assert.Equal("network", missing.Kind);
    }

    [Fact]
    public async Task CreateSubnet_WithoutGateway_SendsNull()
    {
        var client = new NetworkClient(_session);
        var network = await client.CreateNetworkAsync(new CreateNetworkOptions { Name = "nogw" }, CancellationToken.None);
        _cloud.ClearRequests();
        var subnet = await client.CreateSubnetAsync(new CreateSubnetOptions { Name = "s", NetworkId = network.Id, Cidr = "10.1.0.0/24", NoGateway = true }, CancellationToken.None);
        Assert.Null(subnet.GatewayIp);
        var body = System.Text.Encoding.UTF8.GetString(_cloud.Requests.Single().Body);
        Assert.Contains("\"gateway_ip\":null", body);
    }
}
