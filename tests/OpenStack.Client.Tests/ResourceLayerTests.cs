using System.Text.Json;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Tests;

/// <summary>The descriptor-driven layer on its own: nouns, link resolution, page reading, the case rule, filter checking.</summary>
public sealed class ResourceLayerTests
{
    [Theory]
    [InlineData("Security group")]
    [InlineData("securityGroup")]
    [InlineData("Security-Group")]
    [InlineData("")]
    public void ErrorNoun_MustBePascalCase(string noun) =>
        Assert.Throws<ArgumentException>(() => new ResourceNoun(noun, "security group"));

    [Fact]
    public void Noun_KeepsItsTwoFormsApart()
    {
        var noun = new ResourceNoun("SecurityGroup", "security group");
        var missing = new ResourceNotFoundException(noun, "web");
        Assert.Equal("No security group with a name or ID of 'web' exists.", missing.Message);
        Assert.Equal("SecurityGroup", missing.Noun.ErrorNoun);
    }

    [Theory]
    // Glance and Neutron: a path link is below the root, which may carry a prefix ("/image/").
    [InlineData("http://h/image/", "/v2/images?marker=x", LinkStyle.BelowRoot, "http://h/image/v2/images?marker=x")]
    [InlineData("http://h:9696/", "http://h:9696/v2.0/networks?marker=x", LinkStyle.BelowRoot, "http://h:9696/v2.0/networks?marker=x")]
    // Nova: an RFC 3986 reference against the versioned root: "/…" from the host, "servers?…" below the root.
    [InlineData("http://h/compute/v2.1/", "/compute/v2.1/servers/detail?marker=x", LinkStyle.Rfc3986, "http://h/compute/v2.1/servers/detail?marker=x")]
    [InlineData("http://h/compute/v2.1/", "servers/detail?marker=x", LinkStyle.Rfc3986, "http://h/compute/v2.1/servers/detail?marker=x")]
    [InlineData("http://h:8774/v2.1/", "https://other:8774/v2.1/servers?marker=x", LinkStyle.Rfc3986, "https://other:8774/v2.1/servers?marker=x")]
    public void OneLinkResolver_ForEveryService(string root, string link, LinkStyle style, string expected) =>
        Assert.Equal(expected, ServiceUrls.ResolveLink(new Uri(root), link, style).ToString());

    [Fact]
    public void PageReader_ReadsItemsAndTheNextLink_ByTheDescriptorsKeys()
    {
        using var doc = JsonDocument.Parse("""
            {"routers": [{"id": "a", "name": "r1", "admin_state_up": true}, {"id": "b", "name": "r2", "admin_state_up": false}],
             "routers_links": [{"rel": "previous", "href": "http://h/p"}, {"rel": "next", "href": "http://h/n"}]}
            """);
        var (items, next) = PageReader.ReadPage(doc.RootElement, Routers.Resource);
        Assert.Equal(new[] { "r1", "r2" }, items.Select(r => r.Name).ToArray());
        Assert.Equal("DOWN", items[1].State);
        Assert.Equal("http://h/n", next);

        using var one = JsonDocument.Parse("""{"router": {"id": "a", "name": "r1"}}""");
        Assert.Equal("a", PageReader.ReadOne(one.RootElement, Routers.Resource).Id);
        using var wrong = JsonDocument.Parse("""{"network": {"id": "a"}}""");
        Assert.Throws<JsonException>(() => PageReader.ReadOne(wrong.RootElement, Routers.Resource));
    }

    private sealed class Named : IResource
    {
        public Named(string id, string? name) { Id = id; Name = name; }
        public string Id { get; }
        public string? Name { get; }
    }

    [Fact]
    public void CaseRule_ExactWins_ElseEveryCaseInsensitiveMatch()
    {
        var all = new[] { new Named("1", "web"), new Named("2", "Web"), new Named("3", "db"), new Named("4", null) };
        Assert.Equal(new[] { "1" }, NameMatch.Pick(all, "web").Select(n => n.Id));
        Assert.Equal(new[] { "1", "2" }, NameMatch.Pick(all, "WEB").Select(n => n.Id));
        Assert.Equal(new[] { "3" }, NameMatch.Pick(all, "DB").Select(n => n.Id));
        Assert.Empty(NameMatch.Pick(all, "cache"));
    }

    [Fact]
    public void Descriptors_SayWhatIsTriedAsAnId_AndBuildPureUrls()
    {
        Assert.False(Networks.Resource.MayBeId("net1"));
        Assert.True(Networks.Resource.MayBeId(Guid.NewGuid().ToString()));
        var root = new Uri("http://h/networking/");
        Assert.Equal("http://h/networking/v2.0/subnets/a%2Fb", Subnets.Resource.ItemUrl(root, "a/b").ToString());
        Assert.Equal("http://h/networking/v2.0/routers/r/add_router_interface", Routers.Resource.ActionUrl(root, "r", "add_router_interface").ToString());
        Assert.Contains("router:external", Networks.Resource.Filters);
        Assert.Contains("name", Networks.Resource.Filters);
    }

    [Fact]
    public void BodyMap_LeavesUnsetFieldsOut_AndWritesNullOnPurpose()
    {
        var body = new CreateSubnetOptions { Name = "s", NetworkId = "n", Cidr = "10.0.0.0/24", NoGateway = true }.ToBody();
        Assert.Equal("""{"name":"s","network_id":"n","cidr":"10.0.0.0/24","ip_version":4,"gateway_ip":null}""",
            System.Text.Encoding.UTF8.GetString(Json.JsonBodyWriter.Write(body)));
        Assert.True(new UpdateRouterOptions().IsEmpty);
        Assert.False(new UpdateRouterOptions { RemoveExternalGateway = true }.IsEmpty);
    }
}
