using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace OpenStack.FakeCloud.Tests;

/// <summary>The fake Nova against a bare HttpClient, each answer as the real Zed Nova gave it (recorded with curl on the local cloud).</summary>
public sealed class FakeNovaTests : IAsyncLifetime
{
    private FakeCloud _cloud = null!;
    private readonly HttpClient _http = new();
    private string _token = "";

    public async Task InitializeAsync()
    {
        _cloud = await FakeCloud.StartAsync();
        var auth = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = "admin", ["domain"] = new JsonObject { ["name"] = "Default" }, ["password"] = "s3cr3t-Passw0rd" } },
                },
                ["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = "admin", ["domain"] = new JsonObject { ["id"] = "default" } } },
            },
        }.ToJsonString();
        using var response = await _http.PostAsync(_cloud.AuthUrl + "/auth/tokens", new StringContent(auth, Encoding.UTF8, "application/json"));
        _token = response.Headers.GetValues("X-Subject-Token").Single();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
    }

    private async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpMethod method, string path, string? json = null, string? version = "2.93", bool token = true)
    {
        var request = new HttpRequestMessage(method, _cloud.ComputeEndpoint + path);
        if (token) request.Headers.Add("X-Auth-Token", _token);
        if (version != null) request.Headers.Add("OpenStack-API-Version", "compute " + version);
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await _http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task VersionDocument_NamesTheMaximum_WithoutAToken()
    {
        var (response, body) = await SendAsync(HttpMethod.Get, "/", version: null, token: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2.93", JsonNode.Parse(body)!["version"]!["version"]!.GetValue<string>());
        Assert.False(response.Headers.Contains("OpenStack-API-Version"));
    }

    [Fact]
    public async Task Responses_EchoTheMicroversion_InBothHeaders()
    {
        var (response, _) = await SendAsync(HttpMethod.Get, "/flavors/detail", version: "2.60");
        Assert.Equal("compute 2.60", response.Headers.GetValues("OpenStack-API-Version").Single());
        Assert.Equal("2.60", response.Headers.GetValues("X-OpenStack-Nova-API-Version").Single());
        var (none, _) = await SendAsync(HttpMethod.Get, "/flavors/detail", version: null);
        Assert.Equal("compute 2.1", none.Headers.GetValues("OpenStack-API-Version").Single());
    }

    [Fact]
    public async Task Errors_HaveNovasShapes()
    {
        var (missing, body) = await SendAsync(HttpMethod.Get, "/servers/00000000-0000-0000-0000-000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance 00000000-0000-0000-0000-000000000000 could not be found.\"}}", body);
        Assert.Equal("application/json; charset=UTF-8", missing.Content.Headers.ContentType!.ToString());

        var (tooNew, tooNewBody) = await SendAsync(HttpMethod.Get, "/servers/detail", version: "2.99");
        Assert.Equal(HttpStatusCode.NotAcceptable, tooNew.StatusCode);
        Assert.Equal("{\"computeFault\": {\"code\": 406, \"message\": \"Version 2.99 is not supported by the API. Minimum is 2.1 and maximum is 2.93.\"}}", tooNewBody);

        var (unauthorized, unauthorizedBody) = await SendAsync(HttpMethod.Get, "/servers/detail", token: false);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Contains("requires authentication", unauthorizedBody);
        Assert.False(unauthorized.Headers.Contains("OpenStack-API-Version"));

        var (badLimit, badLimitBody) = await SendAsync(HttpMethod.Get, "/servers/detail?limit=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal("{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for query parameters limit. Value: abc. 'abc' does not match '^[0-9]*$'\"}}", badLimitBody);
    }

    [Fact]
    public async Task ActionInTheWrongState_Is409ConflictingRequest_NamingTheVmState()
    {
        var image = _cloud.Glance.AddImage("img");
        var server = _cloud.Nova.AddServer("vm", _cloud.Identity.AdminProjectId, _cloud.Identity.AdminUserId, image.Id);
        var (response, body) = await SendAsync(HttpMethod.Post, $"/servers/{server.Id}/action", "{\"os-start\": null}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal($"{{\"conflictingRequest\": {{\"code\": 409, \"message\": \"Cannot 'start' instance {server.Id} while it is in vm_state active\"}}}}", body);
        var (stop, stopBody) = await SendAsync(HttpMethod.Post, $"/servers/{server.Id}/action", "{\"os-stop\": null}");
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        Assert.Equal("", stopBody);
    }

    [Fact]
    public async Task ServerList_PagesWithServersLinks_AndTheFlavorShapeFollowsTheMicroversion()
    {
        var image = _cloud.Glance.AddImage("img");
        for (var i = 0; i < 3; i++) _cloud.Nova.AddServer($"p{i}", _cloud.Identity.AdminProjectId, _cloud.Identity.AdminUserId, image.Id);
        var (_, body) = await SendAsync(HttpMethod.Get, "/servers/detail?limit=2");
        var page = JsonNode.Parse(body)!;
        Assert.Equal(2, page["servers"]!.AsArray().Count);
        var next = page["servers_links"]![0]!;
        Assert.Equal("next", next["rel"]!.GetValue<string>());
        Assert.StartsWith(_cloud.ComputeEndpoint + "/servers/detail?limit=2&marker=", next["href"]!.GetValue<string>());
        Assert.Equal("m1.tiny", page["servers"]![0]!["flavor"]!["original_name"]!.GetValue<string>());

        var (_, old) = await SendAsync(HttpMethod.Get, "/servers/detail", version: "2.46");
        Assert.Equal("1", JsonNode.Parse(old)!["servers"]![0]!["flavor"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task KeypairWithoutPublicKey_IsRefusedFrom292_AndGeneratedBefore()
    {
        var (refused, body) = await SendAsync(HttpMethod.Post, "/os-keypairs", "{\"keypair\": {\"name\": \"k\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'public_key' is a required property", body);
        var (created, createdBody) = await SendAsync(HttpMethod.Post, "/os-keypairs", "{\"keypair\": {\"name\": \"k\"}}", version: "2.91");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var keypair = JsonNode.Parse(createdBody)!["keypair"]!;
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", keypair["private_key"]!.GetValue<string>());
        Assert.EndsWith("Generated-by-Nova", keypair["public_key"]!.GetValue<string>());
    }
}
