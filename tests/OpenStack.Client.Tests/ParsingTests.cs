using System.Text;
using OpenStack.Client.Auth;
using OpenStack.Client.Http;
using OpenStack.Client.Identity.V3;

namespace OpenStack.Client.Tests;

/// <summary>Pure functions: error bodies, URL roots, endpoint choice.</summary>
public sealed class ParsingTests
{
    [Theory]
    [InlineData("{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\", \"title\": \"Unauthorized\"}}", "application/json", "The request you have made requires authentication.")]
    [InlineData("{\"itemNotFound\": {\"code\": 404, \"message\": \"Flavor m1.huge could not be found.\"}}", "application/json", "Flavor m1.huge could not be found.")]
    [InlineData("{\"NeutronError\": {\"type\": \"NetworkInUse\", \"message\": \"Unable to complete operation on network x.\", \"detail\": \"\"}}", "application/json", "Unable to complete operation on network x.")]
    [InlineData("<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID abc<br /><br />\n\n\n\n </body>\n</html>", "text/html", "No image found with ID abc")]
    [InlineData("403 Forbidden\n\nNot allowed to deactivate image in status 'queued'\n\n   ", "text/plain", "Not allowed to deactivate image in status 'queued'")]
    [InlineData("<html><body><h1>502 Bad Gateway</h1>The proxy got no answer &amp; gave up.</body></html>", "text/html", "The proxy got no answer & gave up.")]
    public void ErrorMessages_AreFoundInEveryBodyShape(string body, string contentType, string expected) =>
        Assert.Equal(expected, ErrorBodyParser.ExtractMessage(Encoding.UTF8.GetBytes(body), contentType));

    [Fact]
    public void EmptyErrorBody_HasNoMessage() => Assert.Null(ErrorBodyParser.ExtractMessage(Array.Empty<byte>(), null));

    [Theory]
    [InlineData("http://h:5000", "http://h:5000/v3/")]
    [InlineData("http://h:5000/", "http://h:5000/v3/")]
    [InlineData("http://h:5000/v3", "http://h:5000/v3/")]
    [InlineData("http://h/identity/v3/", "http://h/identity/v3/")]
    [InlineData("http://h/identity/v2.0", "http://h/identity/v3/")]
    public void KeystoneRoot_IsDerivedWithoutADiscoveryRequest(string authUrl, string expected) =>
        Assert.Equal(expected, Identity.V3.Urls.V3Root(new Uri(authUrl)).ToString());

    [Theory]
    [InlineData("http://h:9292", "http://h:9292/v2/images")]
    [InlineData("http://h:9292/v2", "http://h:9292/v2/images")]
    [InlineData("http://h:9292/v2.1/", "http://h:9292/v2/images")]
    [InlineData("http://h/image", "http://h/image/v2/images")]
    public void GlanceRoot_AcceptsCatalogUrlsWithOrWithoutVersion(string catalogUrl, string expectedImages) =>
        Assert.Equal(expectedImages, Image.V2.Images.Resource.CollectionUrl(Image.V2.Urls.ServiceRoot(new Uri(catalogUrl))).ToString());

    [Fact]
    public void GlanceNextLink_IsRelativeToTheServiceRoot() =>
        Assert.Equal("http://h/image/v2/images?limit=2&marker=abc",
            Http.ServiceUrls.ResolveLink(new Uri("http://h/image/"), "/v2/images?limit=2&marker=abc").ToString());

    private static readonly List<CatalogService> Catalog = new()
    {
        new CatalogService
        {
            Type = "image", Name = "glance",
            Endpoints =
            {
                new CatalogEndpoint { Interface = "public", RegionId = "RegionOne", Url = "http://one/image" },
                new CatalogEndpoint { Interface = "internal", RegionId = "RegionOne", Url = "http://one-internal/image" },
                new CatalogEndpoint { Interface = "public", RegionId = "RegionTwo", Url = "http://two/image" },
            },
        },
    };

    [Theory]
    [InlineData("public", null, "http://one/image/")]
    [InlineData("publicURL", "RegionTwo", "http://two/image/")]
    [InlineData("internal", "RegionOne", "http://one-internal/image/")]
    public void Endpoints_AreChosenByInterfaceAndRegion(string iface, string? region, string expected) =>
        Assert.Equal(expected, EndpointSelector.Select(Catalog, "image", iface, region).ToString());

    [Fact]
    public void MissingService_OrRegion_SaysWhatExists()
    {
        Assert.Contains("image", Assert.Throws<EndpointNotFoundException>(() => EndpointSelector.Select(Catalog, "compute", "public", null)).Message);
        Assert.Contains("public/RegionTwo", Assert.Throws<EndpointNotFoundException>(() => EndpointSelector.Select(Catalog, "image", "admin", null)).Message);
    }
}
