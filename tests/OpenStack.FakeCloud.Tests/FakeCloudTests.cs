using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace OpenStack.FakeCloud.Tests;

/// <summary>The fake against a bare HttpClient: the Keystone and Glance behaviours the other test suites rely on.</summary>
public sealed class FakeCloudTests : IAsyncLifetime
{
    private const string PatchType = "application/openstack-images-v2.1-json-patch";
    private FakeCloud _cloud = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _cloud = await FakeCloud.StartAsync(new FakeCloudOptions { DefaultPageLimit = 25 });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
    }

    private static string PasswordAuth(string user, string password, string? project) =>
        new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = user, ["domain"] = new JsonObject { ["name"] = "Default" }, ["password"] = password } },
                },
                ["scope"] = project is null ? null : new JsonObject { ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["id"] = "default" } } },
            },
        }.ToJsonString();

    private async Task<HttpResponseMessage> IssueAsync(string body) =>
        await _http.PostAsync(_cloud.AuthUrl + "/auth/tokens", new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<string> TokenAsync(string user = "admin", string password = "s3cr3t-Passw0rd", string project = "admin")
    {
        using var response = await IssueAsync(PasswordAuth(user, password, project));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, _cloud.ImageEndpoint + path) { Content = content };
        request.Headers.Add("X-Auth-Token", token);
        return await _http.SendAsync(request);
    }

    private async Task<JsonObject> CreateImageAsync(string token, string name = "img", string? diskFormat = "qcow2")
    {
        var body = new JsonObject { ["name"] = name, ["disk_format"] = diskFormat, ["container_format"] = "bare" };
        using var response = await SendAsync(HttpMethod.Post, "/v2/images", token, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"{_cloud.ImageEndpoint}/v2/images/{(await Json(response))["id"]}", response.Headers.Location!.ToString());
        return await Json(response);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task PasswordToken_HasKeystonesShape_AndACatalogWithTwoImageRegions()
    {
        using var response = await IssueAsync(PasswordAuth("admin", "s3cr3t-Passw0rd", "admin"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("gAAAAA", response.Headers.GetValues("X-Subject-Token").Single());
        Assert.Matches("^req-[0-9a-f-]{36}$", response.Headers.GetValues("x-openstack-request-id").Single());
        var token = (await Json(response))["token"]!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000Z$", token["expires_at"]!.GetValue<string>());
        Assert.Equal("admin", token["project"]!["name"]!.GetValue<string>());
        Assert.Contains(token["roles"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "admin");
        var image = token["catalog"]!.AsArray().Single(s => s!["type"]!.GetValue<string>() == "image")!;
        var publicUrls = image["endpoints"]!.AsArray().Where(e => e!["interface"]!.GetValue<string>() == "public")
            .ToDictionary(e => e!["region_id"]!.GetValue<string>(), e => e!["url"]!.GetValue<string>());
        Assert.Equal(_cloud.ImageEndpoint, publicUrls["RegionOne"]);
        Assert.Equal(_cloud.BaseUri + "image-r2", publicUrls["RegionTwo"]);
    }

    [Fact]
    public async Task WrongPassword_Is401_WithKeystonesBody_AndWwwAuthenticate()
    {
        using var response = await IssueAsync(PasswordAuth("admin", "wrong", "admin"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\",\"title\":\"Unauthorized\"}}\n",
            await response.Content.ReadAsStringAsync());
        Assert.Equal($"Keystone uri=\"{_cloud.AuthUrl}\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task ApplicationCredential_GivesATokenForDemosProject_WithoutCatalogWhenAsked()
    {
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("application_credential"),
                    ["application_credential"] = new JsonObject { ["id"] = _cloud.Identity.ApplicationCredentialId, ["secret"] = _cloud.Identity.ApplicationCredentialSecret },
                },
            },
        };
        using var response = await _http.PostAsync(_cloud.AuthUrl + "/auth/tokens?nocatalog", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var token = (await Json(response))["token"]!;
        Assert.Equal("demo", token["user"]!["name"]!.GetValue<string>());
        Assert.Equal("demo", token["project"]!["name"]!.GetValue<string>());
        Assert.Null(token["catalog"]);
        Assert.True(token["application_credential"]!["restricted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ImageList_PagesWithNext_WhilePagesAreFull_AndKeepsTheFilters()
    {
        for (var i = 0; i < 7; i++) _cloud.Glance.AddImage("page-" + i, tags: ["paged"]);
        var token = await TokenAsync();
        var names = new List<string>();
        string? next = "/v2/images?tag=paged&limit=3";
        var pages = 0;
        while (next is not null)
        {
            using var response = await SendAsync(HttpMethod.Get, next, token);
            var body = await Json(response);
            names.AddRange(body["images"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
            next = body["next"]?.GetValue<string>();
            if (next is not null) Assert.Matches("^/v2/images\\?tag=paged&limit=3&marker=[0-9a-f-]{36}$", next);
            pages++;
        }
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => "page-" + i), names); // created_at desc
    }

    [Fact]
    public async Task Upload_IsSavingWhileTheBodyStreams_ThenActive_WithGlancesHashes()
    {
        var token = await TokenAsync();
        var id = (await CreateImageAsync(token))["id"]!.GetValue<string>();
        var data = new byte[300_000];
        new Random(7).NextBytes(data);
        var gate = new TaskCompletionSource();
        var content = new StreamContent(new GatedStream(data, 100_000, gate.Task));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var upload = SendAsync(HttpMethod.Put, $"/v2/images/{id}/file", token, content);

        string status;
        var waited = 0;
        do
        {
            await Task.Delay(20);
            using var get = await SendAsync(HttpMethod.Get, $"/v2/images/{id}", token);
            status = (await Json(get))["status"]!.GetValue<string>();
        } while (status == "queued" && (waited += 20) < 5000);
        Assert.Equal("saving", status);
        gate.SetResult();
        using (var done = await upload) Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);

        using var after = await SendAsync(HttpMethod.Get, $"/v2/images/{id}", token);
        var image = await Json(after);
        Assert.Equal("active", image["status"]!.GetValue<string>());
        Assert.Equal(data.Length, image["size"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(data)), image["checksum"]!.GetValue<string>());
        Assert.Equal("sha512", image["os_hash_algo"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(data)), image["os_hash_value"]!.GetValue<string>());

        using var download = await SendAsync(HttpMethod.Get, $"/v2/images/{id}/file", token);
        Assert.Equal(data, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(image["checksum"]!.GetValue<string>(), download.Content.Headers.GetValues("Content-MD5").Single());
    }

    [Fact]
    public async Task PatchWithPlainJson_Is415_NamingTheImagePatchTypes()
    {
        var token = await TokenAsync();
        var id = (await CreateImageAsync(token))["id"]!.GetValue<string>();
        var patch = "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}]";
        using var plain = await SendAsync(HttpMethod.Patch, $"/v2/images/{id}", token, new StringContent(patch, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal("application/openstack-images-v2.0-json-patch, application/openstack-images-v2.1-json-patch", plain.Headers.GetValues("Accept-Patch").Single());

        var good = new StringContent(patch);
        good.Headers.ContentType = new MediaTypeHeaderValue(PatchType);
        using var ok = await SendAsync(HttpMethod.Patch, $"/v2/images/{id}", token, good);
        Assert.Equal("x", (await Json(ok))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeactivatingAQueuedImage_Is403_WithGlancesMessage()
    {
        var token = await TokenAsync();
        var id = (await CreateImageAsync(token))["id"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_cloud.ImageEndpoint}/v2/images/{id}/actions/deactivate");
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("{\"message\": \"Not allowed to deactivate image in status 'queued'<br /><br />\\n\\n\\n\", \"code\": \"403 Forbidden\", \"title\": \"Forbidden\"}",
            await response.Content.ReadAsStringAsync());
        Assert.StartsWith("req-", response.Headers.GetValues("X-Openstack-Request-Id").Single());
    }

    [Fact]
    public async Task GlanceWithoutAValidToken_Is401_AndExpiredOrRevokedTokensStopWorking()
    {
        using (var none = await _http.GetAsync(_cloud.ImageEndpoint + "/v2/images"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            // No Accept header: webob answers in plain text, and keystonemiddleware's 401 carries no request id.
            Assert.StartsWith("401 Unauthorized\n\nThis server could not verify that you are authorized", await none.Content.ReadAsStringAsync());
            Assert.Equal("text/plain; charset=UTF-8", none.Content.Headers.ContentType!.ToString());
            Assert.False(none.Headers.Contains("X-Openstack-Request-Id"));
        }
        var expiring = await TokenAsync();
        _cloud.Identity.ExpireAllTokens();
        using (var expired = await SendAsync(HttpMethod.Get, "/v2/images", expiring)) Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);

        var token = await TokenAsync();
        using (var ok = await SendAsync(HttpMethod.Get, "/v2/images", token)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var revoke = new HttpRequestMessage(HttpMethod.Delete, _cloud.AuthUrl + "/auth/tokens");
        revoke.Headers.Add("X-Auth-Token", token);
        revoke.Headers.Add("X-Subject-Token", token);
        using (var revoked = await _http.SendAsync(revoke)) Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using (var after = await SendAsync(HttpMethod.Get, "/v2/images", token)) Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task OtherProjectsPrivateImages_AreInvisible()
    {
        var hidden = _cloud.Glance.AddImage("admins-private", visibility: "private");
        var demo = await TokenAsync("demo", FakeIdentity.DemoPassword, "demo");
        using var get = await SendAsync(HttpMethod.Get, $"/v2/images/{hidden.Id}", demo);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        using var list = await SendAsync(HttpMethod.Get, "/v2/images", demo);
        Assert.DoesNotContain(hidden.Id, await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Faults_AnswerInsteadOfTheService_OrCutTheUpload_WhichGoesBackToQueued()
    {
        var token = await TokenAsync();
        var id = (await CreateImageAsync(token))["id"]!.GetValue<string>();
        var rule = new FaultRule { Method = "PUT", PathContains = "/file", Status = 500, Body = "store failed", Times = 1 };
        _cloud.InjectFault(rule);
        ByteArrayContent Bytes(int n) => new(new byte[n]) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };
        using (var failed = await SendAsync(HttpMethod.Put, $"/v2/images/{id}/file", token, Bytes(1000)))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.Equal("store failed", await failed.Content.ReadAsStringAsync());
        }
        Assert.Equal(1, rule.Hits);
        Assert.Equal(1000, _cloud.Requests.Last(r => r.Method == "PUT").BodyLength);

        _cloud.InjectFault(new FaultRule { Method = "PUT", PathContains = "/file", AfterBodyBytes = 10_000 });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => SendAsync(HttpMethod.Put, $"/v2/images/{id}/file", token, Bytes(200_000)));
        for (var i = 0; i < 50 && _cloud.Glance.Find(id)!.Status != "queued"; i++) await Task.Delay(20);
        Assert.Equal("queued", _cloud.Glance.Find(id)!.Status);

        using var retry = await SendAsync(HttpMethod.Put, $"/v2/images/{id}/file", token, Bytes(1000));
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        Assert.Equal("active", _cloud.Glance.Find(id)!.Status);
    }

    [Fact]
    public async Task Requests_AreRecordedInOrder_WithHeadersBodyAndStatus()
    {
        _cloud.ClearRequests();
        var token = await TokenAsync();
        using (await SendAsync(HttpMethod.Get, "/v2/images?limit=1", token)) { }
        var requests = _cloud.Requests;
        Assert.Equal(["POST /identity/v3/auth/tokens 201", "GET /image/v2/images?limit=1 200"], requests.Select(r => $"{r.Method} {r.PathAndQuery} {r.Status}"));
        Assert.Contains("\"password\"", Encoding.UTF8.GetString(requests[0].Body));
        Assert.Equal(token, requests[1].Headers["x-auth-token"]);
    }

    [Fact]
    public void EnvironmentScript_ExportsTheAdminsCredentials()
    {
        var script = _cloud.ToEnvironmentScript();
        Assert.Contains($"export OS_AUTH_URL={_cloud.AuthUrl}\n", script);
        Assert.Contains("export OS_PASSWORD=s3cr3t-Passw0rd\n", script);
        Assert.Matches(new Regex("^export OS_AUTH_URL=http://127\\.0\\.0\\.1:\\d+/identity/v3$", RegexOptions.Multiline), script);
    }

    /// <summary>Serves the first <c>openAt</c> bytes at once, the rest once the gate opens: a slow upload.</summary>
    private sealed class GatedStream(byte[] data, int openAt, Task gate) : Stream
    {
        private int _position;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= openAt) await gate.WaitAsync(cancellationToken);
            var limit = _position < openAt ? openAt : data.Length;
            var n = Math.Min(buffer.Length, limit - _position);
            data.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
