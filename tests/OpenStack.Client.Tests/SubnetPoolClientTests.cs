using System.Text.Json;
using OpenStack.Client.Auth;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Tests;

/// <summary>Subnet pools: the method, path, query and body of each request, and Neutron's string prefix lengths read as numbers.</summary>
public sealed class SubnetPoolClientTests : AdminFakeCloudTest
{
    private NetworkClient _client = null!;

    protected override Task StartedAsync()
    {
        _client = new NetworkClient(_session);
        return Task.CompletedTask;
    }

    private FakeCloud.RecordedRequest Only(string method) => _cloud.Requests.Single(r => r.Method == method && r.PathAndQuery.Contains("/subnetpools"));

    private static string Text(FakeCloud.RecordedRequest request) => System.Text.Encoding.UTF8.GetString(request.Body);

    [Fact]
    public async Task CreateListUpdateDelete_SendTheGivenFieldsOnly()
    {
        var pool = await _client.CreateAsync(SubnetPools.Resource,
            new CreateSubnetPoolOptions { Name = "p", Prefixes = new[] { "fd00::/48" }, MinPrefixLength = 56, Shared = false }, CancellationToken.None);
        Assert.Equal("/network/v2.0/subnetpools", Only("POST").PathAndQuery);
        Assert.Equal("{\"subnetpool\":{\"name\":\"p\",\"prefixes\":[\"fd00::/48\"],\"min_prefixlen\":56,\"shared\":false}}", Text(Only("POST")));
        Assert.Equal((6, 56, 128, 56), (pool.IpVersion, pool.MinPrefixLength, pool.MaxPrefixLength, pool.DefaultPrefixLength));

        _cloud.ClearRequests();
        var listed = await _client.List(SubnetPools.Resource, new ListSubnetPoolsOptions { IpVersion = 6, Shared = false, Limit = 10 }, CancellationToken.None).AllAsync();
        Assert.Equal("/network/v2.0/subnetpools?limit=10&ip_version=6&shared=false", Only("GET").PathAndQuery);
        Assert.Equal(pool.Id, listed.Single().Id);

        _cloud.ClearRequests();
        await _client.UpdateAsync(SubnetPools.Resource, pool.Id, new UpdateSubnetPoolOptions { DefaultPrefixLength = 64 }, CancellationToken.None);
        Assert.Equal(($"/network/v2.0/subnetpools/{pool.Id}", "{\"subnetpool\":{\"default_prefixlen\":64}}"), (Only("PUT").PathAndQuery, Text(Only("PUT"))));

        await _client.DeleteAsync(SubnetPools.Resource, pool.Id, CancellationToken.None);
        Assert.Equal($"/network/v2.0/subnetpools/{pool.Id}", Only("DELETE").PathAndQuery);
        var gone = await Assert.ThrowsAsync<ResourceNotFoundException>(() => _client.FindAsync(SubnetPools.Resource, pool.Id, CancellationToken.None));
        Assert.Contains("subnet pool", gone.Message);
    }
}
