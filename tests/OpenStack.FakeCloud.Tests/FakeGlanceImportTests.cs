using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace OpenStack.FakeCloud.Tests;

/// <summary>
/// The fake Glance's stores, import and members against a bare HttpClient, each answer as the real Glance gave it
/// in tests/cloud/observed/100-139.
/// </summary>
public sealed class FakeGlanceImportTests : IAsyncLifetime
{
    private const string Octet = "application/octet-stream";
    private readonly FakeCloudOptions _options = new();
    private FakeCloud _cloud = null!;
    private readonly HttpClient _http = new();
    private string _admin = null!;

    public async Task InitializeAsync()
    {
        _cloud = await FakeCloud.StartAsync(_options);
        _cloud.Glance.ImportStepDelay = TimeSpan.FromMilliseconds(20);
        _admin = await TokenAsync("admin", _options.AdminPassword, "admin");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
    }

    private async Task<string> TokenAsync(string user, string password, string project)
    {
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = user, ["domain"] = new JsonObject { ["id"] = "default" }, ["password"] = password } },
                },
                ["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["id"] = "default" } } },
            },
        }.ToJsonString();
        using var response = await _http.PostAsync(_cloud.AuthUrl + "/auth/tokens", new StringContent(body, Encoding.UTF8, "application/json"));
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = null, string? json = null,
        byte[]? data = null, (string, string)? header = null)
    {
        using var request = new HttpRequestMessage(method, _cloud.ImageEndpoint + path);
        request.Headers.Add("X-Auth-Token", token ?? _admin);
        if (header is var (name, value)) request.Headers.Add(name, value);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (data is not null) request.Content = new ByteArrayContent(data) { Headers = { ContentType = new(Octet) } };
        return await _http.SendAsync(request);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static async Task AssertGlanceError(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        // webob's page follows Accept: plain text for HttpClient's none, HTML (' as &#x27;) for curl's */*.
        Assert.True(body.Contains(message) || body.Contains(WebUtility.HtmlEncode(message).Replace("&#39;", "&#x27;")), body);
    }

    private async Task<string> CreateAsync(string name = "img", string visibility = "shared")
    {
        using var response = await SendAsync(HttpMethod.Post, "/v2/images",
            json: $$"""{"name":"{{name}}","disk_format":"raw","container_format":"bare","visibility":"{{visibility}}"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response))["id"]!.GetValue<string>();
    }

    private async Task<JsonObject> ImageAsync(string id, string? token = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v2/images/{id}", token);
        return await Json(response);
    }

    /// <summary>Polls the image's newest task until it ends (the way a client must: Glance answers 202 at once).</summary>
    private async Task<JsonObject> TaskEndAsync(string id)
    {
        for (var i = 0; i < 200; i++)
        {
            using var response = await SendAsync(HttpMethod.Get, $"/v2/images/{id}/tasks");
            var task = (await Json(response))["tasks"]!.AsArray().FirstOrDefault()?.AsObject();
            if (task?["status"]!.GetValue<string>() is "success" or "failure") return task;
            await Task.Delay(25);
        }
        throw new TimeoutException("import did not end");
    }

    private static string Str(JsonObject o, string key) => o[key]!.GetValue<string>();

    [Fact]
    public async Task Stores_ListTheDefaultAsTheStringTrue_DetailIsForAdmins_AndImportMethodsAreTheThree()
    {
        using var stores = await SendAsync(HttpMethod.Get, "/v2/info/stores");
        Assert.Equal("""{"stores": [{"id": "primary", "description": "First file store (default)", "default": "true"}, {"id": "secondary", "description": "Second file store"}]}""",
            await stores.Content.ReadAsStringAsync());

        using var detail = await SendAsync(HttpMethod.Get, "/v2/info/stores/detail");
        Assert.Equal("file", (await Json(detail))["stores"]![1]!["type"]!.GetValue<string>());
        var demo = await TokenAsync("demo", FakeIdentity.DemoPassword, "demo");
        using var refused = await SendAsync(HttpMethod.Get, "/v2/info/stores/detail", demo);
        await AssertGlanceError(refused, HttpStatusCode.Forbidden, "You are not authorized to complete stores_info_detail action.");

        using var import = await SendAsync(HttpMethod.Get, "/v2/info/import");
        Assert.Equal("""{"import-methods": {"description": "Import methods available.", "type": "array", "value": ["glance-direct", "web-download", "copy-image"]}}""",
            await import.Content.ReadAsStringAsync());

        using var created = await SendAsync(HttpMethod.Post, "/v2/images", json: """{"name":"x"}""");
        Assert.Equal("primary,secondary,os_glance_staging_store,os_glance_tasks_store", created.Headers.GetValues("Openstack-Image-Store-Ids").Single());
        Assert.False((await Json(created)).ContainsKey("stores"));
    }

    [Fact]
    public async Task StageThenGlanceDirect_IsUploadingThenActiveInTheAskedStore_WithATaskThatSucceeded()
    {
        var id = await CreateAsync();
        var data = RandomNumberGenerator.GetBytes(1024 * 1024);
        using (var staged = await SendAsync(HttpMethod.Put, $"/v2/images/{id}/stage", data: data))
            Assert.Equal(HttpStatusCode.NoContent, staged.StatusCode);
        var uploading = await ImageAsync(id);
        Assert.Equal("uploading", Str(uploading, "status"));
        Assert.Equal(data.Length, uploading["size"]!.GetValue<long>());
        Assert.Null(uploading["checksum"]);

        using (var import = await SendAsync(HttpMethod.Post, $"/v2/images/{id}/import",
                   json: """{"method":{"name":"glance-direct"},"stores":["secondary"],"all_stores_must_succeed":true}"""))
        {
            Assert.Equal(HttpStatusCode.Accepted, import.StatusCode);
            Assert.Equal(0, import.Content.Headers.ContentLength);
        }
        var task = await TaskEndAsync(id);
        Assert.Equal("success", Str(task, "status"));
        Assert.Equal("Copied 1 MiB", Str(task, "message"));
        Assert.Equal("api_image_import", Str(task, "type"));
        Assert.Equal("secondary", task["input"]!["backend"]![0]!.GetValue<string>());

        var active = await ImageAsync(id);
        Assert.Equal("active", Str(active, "status"));
        Assert.Equal("secondary", Str(active, "stores"));
        Assert.Equal("", Str(active, "os_glance_importing_to_stores"));
        Assert.Equal("", Str(active, "os_glance_failed_import"));
        Assert.False(active.ContainsKey("os_glance_import_task"));
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(data)), Str(active, "checksum"));
        // The reserved properties come first, "stores" last, as on the real one (observed/108).
        Assert.Equal("os_glance_importing_to_stores", active.First().Key);
        Assert.Equal("stores", active.Last().Key);

        using var again = await SendAsync(HttpMethod.Put, $"/v2/images/{id}/stage", data: [1, 2, 3]);
        await AssertGlanceError(again, HttpStatusCode.Conflict, "Image status transition from active to uploading is not allowed");
    }

    [Fact]
    public async Task CopyImage_AddsTheStore_AlreadyThereIs400_UnknownIs409_ThenDeleteFromOneStoreKeepsTheImage()
    {
        var image = _cloud.Glance.AddImage("golden");
        Assert.Equal(["primary"], image.Stores);
        using (var copy = await SendAsync(HttpMethod.Post, $"/v2/images/{image.Id}/import", json: """{"method":{"name":"copy-image"},"stores":["secondary"]}"""))
            Assert.Equal(HttpStatusCode.Accepted, copy.StatusCode);
        Assert.Equal("success", Str(await TaskEndAsync(image.Id), "status"));
        Assert.Equal("primary,secondary", Str(await ImageAsync(image.Id), "stores"));

        using var already = await SendAsync(HttpMethod.Post, $"/v2/images/{image.Id}/import", json: """{"method":{"name":"copy-image"},"stores":["secondary"]}""");
        await AssertGlanceError(already, HttpStatusCode.BadRequest, "Image is already present at store 'secondary'");
        using var unknown = await SendAsync(HttpMethod.Post, $"/v2/images/{image.Id}/import", json: """{"method":{"name":"copy-image"},"stores":["nowhere"]}""");
        await AssertGlanceError(unknown, HttpStatusCode.Conflict, "Store for identifier nowhere not found");

        using (var removed = await SendAsync(HttpMethod.Delete, $"/v2/stores/secondary/{image.Id}"))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal("primary", Str(await ImageAsync(image.Id), "stores"));
        using var last = await SendAsync(HttpMethod.Delete, $"/v2/stores/primary/{image.Id}");
        await AssertGlanceError(last, HttpStatusCode.Forbidden, "Cannot delete image data from the only store containing it. Consider deleting the image instead.");
        using var noStore = await SendAsync(HttpMethod.Delete, $"/v2/stores/nowhere/{image.Id}");
        await AssertGlanceError(noStore, HttpStatusCode.Conflict, "The selected store nowhere is not available on this node.");
    }

    [Fact]
    public async Task WebDownload_FetchesFromLoopbackIntoAllStores_A404EndsQueuedWithTheStoreFailed_AndFileUrlsAreRefused()
    {
        var data = RandomNumberGenerator.GetBytes(300_000);
        await using var web = FakeWebServer.Start(new() { ["/disk.raw"] = data });
        _options.WebDownloadPorts.Add(web.Port);

        var id = await CreateAsync("web");
        using (var import = await SendAsync(HttpMethod.Post, $"/v2/images/{id}/import",
                   json: $$"""{"method":{"name":"web-download","uri":"{{web.Url}}/disk.raw"},"all_stores":true}"""))
            Assert.Equal(HttpStatusCode.Accepted, import.StatusCode);
        Assert.Equal("importing", Str(await ImageAsync(id), "status"));
        Assert.Equal("success", Str(await TaskEndAsync(id), "status"));
        var active = await ImageAsync(id);
        Assert.Equal(("active", "primary,secondary"), (Str(active, "status"), Str(active, "stores")));
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(data)), Str(active, "os_hash_value"));

        var missing = await CreateAsync("web-404");
        using (var import = await SendAsync(HttpMethod.Post, $"/v2/images/{missing}/import",
                   json: $$"""{"method":{"name":"web-download","uri":"{{web.Url}}/missing.raw"},"stores":["primary"]}"""))
            Assert.Equal(HttpStatusCode.Accepted, import.StatusCode);
        var failedTask = await TaskEndAsync(missing);
        Assert.Equal(("failure", "Task failed due to Internal Error"), (Str(failedTask, "status"), Str(failedTask, "message")));
        var failed = await ImageAsync(missing);
        Assert.Equal(("queued", "primary", ""), (Str(failed, "status"), Str(failed, "os_glance_failed_import"), Str(failed, "os_glance_importing_to_stores")));
        Assert.False(failed.ContainsKey("stores"));

        using var file = await SendAsync(HttpMethod.Post, $"/v2/images/{missing}/import", json: """{"method":{"name":"web-download","uri":"file:///etc/passwd"}}""");
        await AssertGlanceError(file, HttpStatusCode.BadRequest, "URI for web-download does not pass filtering: file:///etc/passwd");
        using var port = await SendAsync(HttpMethod.Post, $"/v2/images/{missing}/import", json: """{"method":{"name":"web-download","uri":"http://127.0.0.1:9/x"}}""");
        await AssertGlanceError(port, HttpStatusCode.BadRequest, "URI for web-download does not pass filtering: http://127.0.0.1:9/x");
        using var method = await SendAsync(HttpMethod.Post, $"/v2/images/{missing}/import", json: """{"method":{"name":"carrier-pigeon"}}""");
        await AssertGlanceError(method, HttpStatusCode.BadRequest, "Unknown import method name 'carrier-pigeon'.");
        using var onActive = await SendAsync(HttpMethod.Post, $"/v2/images/{id}/import", json: $$$"""{"method":{"name":"web-download","uri":"{{{web.Url}}}/disk.raw"}}""");
        await AssertGlanceError(onActive, HttpStatusCode.Conflict, "Image with status active cannot be target for import");
    }

    [Fact]
    public async Task AStoreThatFails_FailsTheImportWhenAllMustSucceed_ButNotWhenFailureIsAllowed()
    {
        _cloud.Glance.FailImportsTo("secondary");
        var strict = await CreateAsync("strict");
        using (await SendAsync(HttpMethod.Put, $"/v2/images/{strict}/stage", data: [1, 2, 3])) { }
        using (await SendAsync(HttpMethod.Post, $"/v2/images/{strict}/import", json: """{"method":{"name":"glance-direct"},"all_stores":true}""")) { }
        Assert.Equal("failure", Str(await TaskEndAsync(strict), "status"));
        Assert.Equal("secondary", Str(await ImageAsync(strict), "os_glance_failed_import"));

        var lenient = await CreateAsync("lenient");
        using (await SendAsync(HttpMethod.Put, $"/v2/images/{lenient}/stage", data: [1, 2, 3])) { }
        using (await SendAsync(HttpMethod.Post, $"/v2/images/{lenient}/import",
                   json: """{"method":{"name":"glance-direct"},"all_stores":true,"all_stores_must_succeed":false}""")) { }
        Assert.Equal("success", Str(await TaskEndAsync(lenient), "status"));
        var image = await ImageAsync(lenient);
        Assert.Equal(("active", "primary", "secondary"), (Str(image, "status"), Str(image, "stores"), Str(image, "os_glance_failed_import")));
    }

    [Fact]
    public async Task Upload_IntoTheStoreOfXImageMetaStore_AnUnknownStoreIs400()
    {
        var id = await CreateAsync();
        using var unknown = await SendAsync(HttpMethod.Put, $"/v2/images/{id}/file", data: [1], header: ("X-Image-Meta-Store", "nowhere"));
        await AssertGlanceError(unknown, HttpStatusCode.BadRequest, "Store for identifier nowhere not found");
        using (var upload = await SendAsync(HttpMethod.Put, $"/v2/images/{id}/file", data: [1, 2], header: ("X-Image-Meta-Store", "secondary")))
            Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        Assert.Equal("secondary", Str(await ImageAsync(id), "stores"));
    }

    [Fact]
    public async Task Members_OnlyOnSharedImages_TheConsumerAcceptsAndListsByMemberStatus_TheOwnerRemoves()
    {
        var demo = await TokenAsync("demo", FakeIdentity.DemoPassword, "demo");
        var demoProject = _cloud.Identity.DemoProjectId;
        var privateId = await CreateAsync("private", "private");
        using var refused = await SendAsync(HttpMethod.Post, $"/v2/images/{privateId}/members", json: $$"""{"member":"{{demoProject}}"}""");
        await AssertGlanceError(refused, HttpStatusCode.Forbidden, $"Not allowed to create members for image {privateId}.");

        var id = await CreateAsync("shared");
        using (var added = await SendAsync(HttpMethod.Post, $"/v2/images/{id}/members", json: $$"""{"member":"{{demoProject}}"}"""))
        {
            var member = await Json(added);
            Assert.Equal(new[] { "member_id", "image_id", "status", "created_at", "updated_at", "schema" }, member.Select(p => p.Key));
            Assert.Equal(("pending", "/v2/schemas/member"), (Str(member, "status"), Str(member, "schema")));
        }
        using var twice = await SendAsync(HttpMethod.Post, $"/v2/images/{id}/members", json: $$"""{"member":"{{demoProject}}"}""");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using (var list = await SendAsync(HttpMethod.Get, $"/v2/images/{id}/members"))
            Assert.Equal("/v2/schemas/members", Str(await Json(list), "schema"));

        async Task<string[]> Shared(string status)
        {
            using var response = await SendAsync(HttpMethod.Get, $"/v2/images?member_status={status}&visibility=shared", demo);
            return (await Json(response))["images"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();
        }
        Assert.Equal([id], await Shared("pending"));
        Assert.Empty(await Shared("accepted"));
        using (var accepted = await SendAsync(HttpMethod.Put, $"/v2/images/{id}/members/{demoProject}", demo, """{"status":"accepted"}"""))
            Assert.Equal("accepted", Str(await Json(accepted), "status"));
        Assert.Equal([id], await Shared("accepted"));
        Assert.Equal([id], await Shared("all"));

        using var ownerSets = await SendAsync(HttpMethod.Put, $"/v2/images/{id}/members/{demoProject}", json: """{"status":"rejected"}""", token: await TokenAsync("alt_demo", FakeIdentity.DemoPassword, "alt_demo"));
        await AssertGlanceError(ownerSets, HttpStatusCode.NotFound, $"Image {id} not found.");
        var notShared = await CreateAsync("not-shared");
        using var notMember = await SendAsync(HttpMethod.Put, $"/v2/images/{notShared}/members/{demoProject}", demo, """{"status":"accepted"}""");
        await AssertGlanceError(notMember, HttpStatusCode.NotFound, $"Image {notShared} not found.");

        using (var removed = await SendAsync(HttpMethod.Delete, $"/v2/images/{id}/members/{demoProject}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
            Assert.Null(removed.Content.Headers.ContentType);
        }
        Assert.Empty(await Shared("all"));
    }
}
