using OpenStack.Client.Compute.V2;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>
/// Get-OSServer over many servers (issue 15): image and flavor names come from one image list for the whole run, flavors
/// from the servers themselves, and the number of requests depends on the pages of servers, never on the servers.
/// A class of its own: its fake cloud holds the thousand servers, no other test's lists see them.
/// </summary>
public sealed class ServerListAtScaleTests : ComputeTest
{
    public ServerListAtScaleTests(FakeCloudFixture fixture) : base(fixture) { }

    [Fact]
    public void GetServer_OverTwoPagesOfServers_ListsImagesOnce_AndSendsNoRequestPerServer()
    {
        var images = Enumerable.Range(0, 4).Select(_ => SeedImage(Unique("scale-img"))).ToList();
        var prefix = Unique("scale");
        for (var i = 0; i < 1100; i++) SeedServer($"{prefix}-{i:0000}", imageId: images[i % images.Count].Id, flavorId: i % 2 == 0 ? "1" : "2");
        Cloud.ClearRequests();

        var servers = Ps.Run("Get-OSServer -Name $n", new() { ["n"] = prefix + "-*" }).OfType<Server>().ToList();

        Assert.Equal(1100, servers.Count);
        Assert.All(servers, s => Assert.Contains(s.ImageName, images.Select(i => i.Name)));
        Assert.All(servers, s => Assert.NotNull(s.FlavorName));
        var nova = NovaLines();
        Assert.Equal(2, nova.Count(l => l.StartsWith("GET /compute/v2.1/servers/detail", StringComparison.Ordinal))); // 1000 + 100
        Assert.Equal(nova.Count, nova.Count(l => l.StartsWith("GET /compute/v2.1/servers/detail", StringComparison.Ordinal))); // no flavor, no per-server GET
        var imageLists = Cloud.Requests.Where(r => r.PathAndQuery.StartsWith("/image/v2/images", StringComparison.Ordinal)).ToList();
        Assert.Single(imageLists); // one list of every image (a page of up to 1000), whatever the number of servers
        Assert.Equal("GET", imageLists[0].Method);
    }
}
