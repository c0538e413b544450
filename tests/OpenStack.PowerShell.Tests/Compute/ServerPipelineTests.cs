using OpenStack.Client.Compute.V2;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>The pipeline rules across nouns for servers: images and flavors piped to Get-OSServer, wildcards on -Server, case.</summary>
public sealed class ServerPipelineTests : ComputeTest
{
    public ServerPipelineTests(FakeCloudFixture fixture) : base(fixture) { }

    [Fact]
    public void ImagePipedToGetServer_ListsTheServersBootedFromIt()
    {
        var image = SeedImage(Unique("cirros"));
        var booted = SeedServer(Unique("from"), imageId: image.Id);
        SeedServer(Unique("other"));
        Cloud.ClearRequests();

        var servers = Ps.Run("Get-OSImage $n | Get-OSServer", new() { ["n"] = image.Name }).OfType<Server>().ToList();

        Assert.Equal(booted.Id, Assert.Single(servers).Id);
        Assert.Contains($"GET /compute/v2.1/servers/detail?image={image.Id}", NovaLines());
        Assert.DoesNotContain(NovaLines(), l => l.StartsWith($"GET /compute/v2.1/servers/{image.Id}", StringComparison.Ordinal));
        Assert.All(NovaRequests(), r => AssertMicroversion(r));
    }

    [Fact]
    public void FlavorPipedToGetServer_ListsTheServersOfThatFlavor()
    {
        var small = SeedServer(Unique("small"), flavorId: "2");
        Cloud.ClearRequests();

        var servers = Ps.Run("Get-OSFlavor m1.small | Get-OSServer").OfType<Server>().ToList();

        Assert.Contains(servers, s => s.Id == small.Id);
        Assert.All(servers, s => Assert.Equal("m1.small", s.FlavorName));
        Assert.Contains("GET /compute/v2.1/servers/detail?flavor=2", NovaLines());
    }

    [Fact]
    public void StringsPipedToGetServer_AreNamesOrIds_InAnyCase()
    {
        var server = SeedServer(Unique("Named"));
        Assert.Equal(server.Id, Ps.Run("$n | Get-OSServer", new() { ["n"] = server.Name }).Single<Server>().Id);
        Assert.Equal(server.Id, Ps.Run("$id | Get-OSServer", new() { ["id"] = server.Id }).Single<Server>().Id);
        Assert.Equal(server.Id, Ps.Run("Get-OSServer $n", new() { ["n"] = server.Name.ToUpperInvariant() }).Single<Server>().Id);
        var network = Cloud.Neutron.AddNetwork(Unique("net"), Cloud.Identity.AdminProjectId);
        Cloud.ClearRequests();
        Ps.Run("Get-OSNetwork -Id $id | Get-OSServer", new() { ["id"] = (string)network["id"]! }).SingleError("ServerInputInvalid");
        Assert.DoesNotContain(NovaLines(), l => l.Contains((string)network["id"]!, StringComparison.Ordinal));
    }

    [Fact]
    public void ServerWildcard_ActsOnEachMatch_ThroughShouldProcess()
    {
        var prefix = Unique("web");
        var a = SeedServer(prefix + "-a");
        var b = SeedServer(prefix + "-b");
        SeedServer(Unique("db"));

        Ps.Run("Invoke-OSServerAction -Server $p -Action Stop -WhatIf", new() { ["p"] = prefix + "-*" }).AssertNoErrors();
        Assert.Contains($"{a.Name} ({a.Id})", Ps.Host.Ui.Text);
        Assert.Contains($"{b.Name} ({b.Id})", Ps.Host.Ui.Text);
        Assert.DoesNotContain(NovaLines(), l => l.StartsWith("POST", StringComparison.Ordinal));

        Ps.Run("Invoke-OSServerAction -Server $p -Action Stop", new() { ["p"] = prefix + "-*" }).AssertNoErrors();
        var posts = NovaRequests().Where(r => r.Method == "POST").ToList();
        Assert.Equal(new[] { $"/compute/v2.1/servers/{a.Id}/action", $"/compute/v2.1/servers/{b.Id}/action" }, posts.Select(r => r.PathAndQuery).OrderBy(p => p == $"/compute/v2.1/servers/{b.Id}/action").ToArray());
        Assert.All(posts, r => Assert.Equal("{\"os-stop\":null}", System.Text.Encoding.UTF8.GetString(r.Body)));
        Assert.All(posts, r => AssertMicroversion(r));
    }
}
