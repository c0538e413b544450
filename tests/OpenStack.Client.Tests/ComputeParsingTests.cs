using System.Text.Json;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Http;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Tests;

/// <summary>Nova's shapes as the real Zed Nova sends them (recorded with curl), and the pure helpers.</summary>
public sealed class ComputeParsingTests
{
    // GET /servers/detail at 2.93 on the local Zed cloud (trimmed): embedded flavor, power state number, no fault.
    private const string ServerAt293 = """
        {"servers": [{"id": "1ee6daf9-6f2b-4e5d-919c-59ff96e3414b", "name": "nova-probe-1", "status": "ACTIVE", "tenant_id": "9a0d00f5039946f0af3bf26c4aaa8527",
        "user_id": "42bbaa7180574f1eb54969a2bea6564a", "metadata": {}, "hostId": "06a1", "image": {"id": "09dc8200-07e5-4569-8aa4-a109ee39ebb2",
        "links": [{"rel": "bookmark", "href": "http://127.0.0.1:8774/images/09dc8200-07e5-4569-8aa4-a109ee39ebb2"}]},
        "flavor": {"vcpus": 1, "ram": 512, "disk": 1, "ephemeral": 0, "swap": 0, "original_name": "m1.tiny", "extra_specs": {}},
        "created": "2026-11-22T23:44:14Z", "updated": "2026-11-22T23:44:15Z", "addresses": {}, "key_name": null,
        "OS-EXT-SRV-ATTR:host": "osps-compute", "OS-EXT-STS:task_state": null, "OS-EXT-STS:vm_state": "active", "OS-EXT-STS:power_state": 1,
        "locked": false, "locked_reason": null}],
        "servers_links": [{"rel": "next", "href": "http://127.0.0.1:8774/v2.1/servers/detail?limit=1&marker=1ee6daf9-6f2b-4e5d-919c-59ff96e3414b"}]}
        """;

    [Fact]
    public void ServerAt293_ReadsTheEmbeddedFlavor_PowerStateAndNextLink()
    {
        using var doc = JsonDocument.Parse(ServerAt293);
        var (servers, next) = PageReader.ReadPage(doc.RootElement, Servers.Resource);
        var server = Assert.Single(servers);
        Assert.Equal("09dc8200-07e5-4569-8aa4-a109ee39ebb2", server.ImageId);
        Assert.Null(server.FlavorId);
        Assert.Equal("m1.tiny", server.FlavorRef!.OriginalName);
        Assert.Equal("Running", server.PowerState);
        Assert.Equal("osps-compute", server.Host);
        Assert.Equal("http://127.0.0.1:8774/v2.1/servers/detail?limit=1&marker=1ee6daf9-6f2b-4e5d-919c-59ff96e3414b", next);
    }

    [Fact]
    public void ServerBootedFromVolume_HasAnEmptyStringImage_AndAnOldFlavorRef()
    {
        var json = """
            {"server": {"id": "x", "status": "SHUTOFF", "image": "", "flavor": {"id": "2", "links": []}, "OS-EXT-STS:power_state": 4,
            "addresses": {"private": [{"addr": "10.0.0.5", "version": 4}, {"addr": "fd00::5", "version": 6}], "public": [{"addr": "172.24.4.9", "version": 4}]},
            "fault": {"code": 500, "message": "No valid host was found. ", "created": "2026-11-22T23:44:14Z"}}}
            """;
        using var doc = JsonDocument.Parse(json);
        var server = PageReader.ReadOne(doc.RootElement, Servers.Resource);
        Assert.Null(server.ImageId);
        Assert.Equal("N/A (booted from volume)", server.Image);
        Assert.Equal("2", server.FlavorId);
        Assert.Equal("Shutdown", server.PowerState);
        Assert.Equal("private=10.0.0.5, fd00::5; public=172.24.4.9", server.Networks);
        Assert.Equal("No valid host was found. ", server.Fault!.Message);
    }

    [Theory]
    [InlineData(0, "NoState")]
    [InlineData(1, "Running")]
    [InlineData(3, "Paused")]
    [InlineData(4, "Shutdown")]
    [InlineData(6, "Crashed")]
    [InlineData(7, "Suspended")]
    public void PowerStates_HaveTheCliNames(int code, string name) => Assert.Equal(name, new Server { PowerStateCode = code }.PowerState);

    [Fact]
    public void FlavorSwap_IsEmptyStringBefore275_AndANumberAfter()
    {
        using var oldDoc = JsonDocument.Parse("""{"flavor": {"id": "1", "name": "m1.tiny", "ram": 512, "disk": 1, "swap": "", "vcpus": 1}}""");
        using var nowDoc = JsonDocument.Parse("""{"flavor": {"id": "1", "name": "m1.tiny", "ram": 512, "disk": 1, "swap": 256, "vcpus": 1}}""");
        var old = PageReader.ReadOne(oldDoc.RootElement, Flavors.Resource);
        var now = PageReader.ReadOne(nowDoc.RootElement, Flavors.Resource);
        Assert.Equal(0, old.SwapMB);
        Assert.Equal(256, now.SwapMB);
    }

    [Theory]
    [InlineData("2.93", true, 2, 93)]
    [InlineData("2.1", true, 2, 1)]
    [InlineData("", false, 0, 0)]
    [InlineData("2", false, 0, 0)]
    [InlineData("2.x", false, 0, 0)]
    public void Microversions_Parse(string text, bool ok, int major, int minor)
    {
        Assert.Equal(ok, Microversion.TryParse(text, out var v));
        if (ok) Assert.Equal(new Microversion(major, minor), v);
    }

    [Fact]
    public void Microversions_CompareNumerically_NotAsText()
    {
        Assert.True(new Microversion(2, 10) > new Microversion(2, 9));
        Assert.Equal(new Microversion(2, 47), Microversion.Min(new Microversion(2, 47), Microversion.ClientMaximum));
        Assert.Equal("2.93", Microversion.Min(new Microversion(2, 95), Microversion.ClientMaximum).ToString());
    }

    [Theory]
    [InlineData("http://h:8774/v2.1", "http://h:8774/v2.1/")]
    [InlineData("http://h/compute/v2.1/", "http://h/compute/v2.1/")]
    [InlineData("http://h:8774/v2.1/9a0d00f5039946f0af3bf26c4aaa8527", "http://h:8774/v2.1/")]
    [InlineData("http://h:8774/", "http://h:8774/")]
    public void VersionDocument_IsAtTheVersionSegment(string catalogUrl, string expected) =>
        Assert.Equal(expected, ComputeClient.VersionDocument(ComputeClient.VersionedRoot(new Uri(catalogUrl))).AbsoluteUri);

    [Fact]
    public void ListServers_SendsAnEscapedAnchoredName()
    {
        var url = ServiceClient.ListUrl(new Uri("http://h:8774/v2.1/"), Servers.Resource, new ListServersOptions { AllProjects = true, Limit = 5 }, "web.1 (a)");
        Assert.Equal("http://h:8774/v2.1/servers/detail?limit=5&name=%5Eweb%5C.1%5C%20%5C%28a%5C%29%24&all_tenants=1", url.AbsoluteUri);
    }

    [Fact]
    public void Keypairs_ComeWrappedInTheList_AndTheirNameIsTheirId()
    {
        using var doc = JsonDocument.Parse("""{"keypairs": [{"keypair": {"name": "k1", "fingerprint": "f", "type": "ssh"}}], "keypairs_links": []}""");
        var (keypairs, next) = PageReader.ReadPage(doc.RootElement, Keypairs.Resource);
        Assert.Equal("k1", ((IResource)Assert.Single(keypairs)).Id);
        Assert.Null(next);
        Assert.Equal("http://h:8774/v2.1/os-keypairs/k%201", Keypairs.Resource.ItemUrl(new Uri("http://h:8774/v2.1/"), "k 1").AbsoluteUri);
        Assert.True(Keypairs.Resource.MayBeId("anything"));
        Assert.True(Flavors.Resource.MayBeId("m1.tiny"));
        Assert.Null(Flavors.Resource.NameFilter);
    }
}
