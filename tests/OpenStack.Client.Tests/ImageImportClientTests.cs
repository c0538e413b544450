using System.Security.Cryptography;
using System.Text;
using OpenStack.Client.Auth;
using OpenStack.Client.Http;
using OpenStack.Client.Image.V2;
using OpenStack.Client.Image.V2.Imports;
using OpenStack.Client.Image.V2.Members;
using OpenStack.Client.Image.V2.Stores;
using OpenStack.FakeCloud;

namespace OpenStack.Client.Tests;

/// <summary>
/// Glance's stores, import and members through the client against the fake: the method, path, headers and body
/// of each request, and the specific errors of each refusal.
/// </summary>
public sealed class ImageImportClientTests : IAsyncLifetime
{
    private readonly FakeCloudOptions _options = new();
    private FakeCloud.FakeCloud _cloud = null!;
    private OpenStackSession _session = null!;
    private ImageClient _client = null!;

    public async Task InitializeAsync()
    {
        _cloud = await FakeCloud.FakeCloud.StartAsync(_options);
        _cloud.Glance.ImportStepDelay = TimeSpan.FromMilliseconds(30);
        _session = await Connect("admin", _options.AdminPassword, "admin");
        _client = new ImageClient(_session);
    }

    private Task<OpenStackSession> Connect(string user, string password, string project) =>
        OpenStackSession.ConnectAsync(new AuthOptions
        {
            AuthUrl = new Uri(_cloud.AuthUrl), UserName = user, Password = SecretText.ToSecureString(password), ProjectName = project,
        }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        _session.Dispose();
        await _cloud.DisposeAsync();
    }

    private RecordedRequest OnlyRequest(string method) => Assert.Single(_cloud.Requests, r => r.Method == method);

    private static string Body(RecordedRequest r) => Encoding.UTF8.GetString(r.Body);

    private Task<Image.V2.Image> Queued(string name) =>
        _client.CreateImageAsync(new CreateImageOptions { Name = name, DiskFormat = "raw", ContainerFormat = "bare" }, CancellationToken.None);

    [Fact]
    public async Task ListStores_IsAGetOfInfoStores_WithTheDefaultReadFromTheStringTrue()
    {
        _cloud.ClearRequests();
        var stores = await _client.ListStoresAsync(false, CancellationToken.None);
        Assert.Equal(new[] { ("primary", true), ("secondary", false) }, stores.Select(s => (s.Id, s.Default)));
        var get = OnlyRequest("GET");
        Assert.Equal("/image/v2/info/stores", get.PathAndQuery);

        var detail = await _client.ListStoresAsync(true, CancellationToken.None);
        Assert.Equal("file", detail[0].Type);
        Assert.Equal("/image/v2/info/stores/detail", _cloud.Requests.Last().PathAndQuery);
    }

    [Fact]
    public async Task StartImport_PostsTheMethodStoresAndAllStoresMustSucceedTrue_UnlessFailureIsAllowed()
    {
        var image = await Queued("body");
        _cloud.ClearRequests();
        var options = new ImportOptions(ImportMethods.WebDownload) { Uri = new Uri("http://127.0.0.1:18080/x.raw") };
        options.Stores.Add("secondary");
        await _client.StartImportAsync(image.Id, options, CancellationToken.None);
        var post = OnlyRequest("POST");
        Assert.Equal($"/image/v2/images/{image.Id}/import", post.PathAndQuery);
        Assert.Equal("application/json", post.Headers["Content-Type"]);
        Assert.Equal("""{"method":{"name":"web-download","uri":"http://127.0.0.1:18080/x.raw"},"stores":["secondary"],"all_stores_must_succeed":true}""", Body(post));

        var copy = new ImportOptions(ImportMethods.CopyImage) { AllStores = true, AllowFailure = true };
        Assert.Equal("""{"method":{"name":"copy-image"},"all_stores":true,"all_stores_must_succeed":false}""",
            Encoding.UTF8.GetString(Json.JsonBodyWriter.Write(copy.ToBody()!)));
    }

    [Fact]
    public async Task Stage_PutsTheStreamAsOctetStream_AndReturnsItsHashes()
    {
        var image = await Queued("stage");
        var data = RandomNumberGenerator.GetBytes(200_000);
        _cloud.ClearRequests();
        var progress = new TransferProgress(data.Length);
        var hashes = await _client.StageAsync(image.Id, new MemoryStream(data), data.Length, progress, CancellationToken.None);
        var put = OnlyRequest("PUT");
        Assert.Equal($"/image/v2/images/{image.Id}/stage", put.PathAndQuery);
        Assert.Equal("application/octet-stream", put.Headers["Content-Type"]);
        Assert.Equal(data.Length, put.BodyLength);
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(data)), hashes.Sha512);
        Assert.Equal(data.Length, progress.Done);
        Assert.Equal("uploading", _cloud.Glance.Find(image.Id)!.Status);

        var again = await Assert.ThrowsAsync<ImageImportException>(() => _client.StageAsync(image.Id, new MemoryStream(data), data.Length, null, CancellationToken.None));
        Assert.Equal(ImageImportProblem.StateConflict, again.Problem);
        Assert.Contains("only a queued image can be staged", again.Message);
        Assert.Contains("Image status transition from uploading to uploading is not allowed", again.Message);
    }

    [Fact]
    public async Task WebDownloadWithWait_EndsActiveInEveryStore_ReportingStoresDoneAndTheTaskMessage()
    {
        var data = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);
        await using var web = FakeWebServer.Start(new() { ["/disk.raw"] = data });
        _options.WebDownloadPorts.Add(web.Port);
        var importer = new ImageImporter(_client);
        var options = new ImportOptions(ImportMethods.WebDownload) { Uri = new Uri(web.Url + "/disk.raw"), AllStores = true };
        var stores = await importer.PrepareAsync(options, CancellationToken.None);
        Assert.Equal(new[] { "primary", "secondary" }, stores);
        var progress = new ImportProgress();

        var image = await importer.ImportNewAsync(await Queued("web"), options, stores, null, null, new ImportWaiter(_client, TimeSpan.FromSeconds(10)),
            progress, keepOnFailure: false, CancellationToken.None);

        Assert.Equal("active", image.Status);
        Assert.Equal(new[] { "primary", "secondary" }, image.Stores);
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(data)), image.HashValue);
        Assert.Equal(new[] { "primary", "secondary" }, progress.Latest!.Done);
        Assert.Equal(("success", "Copied 2 MiB"), (progress.Latest.TaskStatus, progress.Latest.TaskMessage));
        Assert.Contains(_cloud.Requests, r => r.PathAndQuery == $"/image/v2/images/{image.Id}/tasks");
    }

    [Fact]
    public async Task WebDownloadOfA404_FailsInGlance_TheErrorNamesTheImage_AndTheRecordIsDeleted()
    {
        await using var web = FakeWebServer.Start();
        _options.WebDownloadPorts.Add(web.Port);
        var importer = new ImageImporter(_client);
        var options = new ImportOptions(ImportMethods.WebDownload) { Uri = new Uri(web.Url + "/missing.raw") };
        var stores = await importer.PrepareAsync(options, CancellationToken.None);
        var record = await Queued("web-404");

        var ex = await Assert.ThrowsAsync<ImageImportException>(() => importer.ImportNewAsync(record, options, stores, null, null,
            new ImportWaiter(_client, TimeSpan.FromSeconds(10)), null, keepOnFailure: false, CancellationToken.None));

        Assert.Equal(ImageImportProblem.ImportFailed, ex.Problem);
        Assert.True(ex.Message.Contains($"Image 'web-404' ({record.Id}): the import failed in Glance and the image is back in 'queued'"), ex.Message);
        Assert.Contains("Task failed due to Internal Error", ex.Message);
        Assert.EndsWith("The image record was deleted.", ex.Message);
        Assert.True(ex.Deleted);
        Assert.Null(_cloud.Glance.Find(record.Id));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/x.raw")]
    public async Task NonHttpUrls_AreRefusedBeforeAnyRequest(string url)
    {
        _cloud.ClearRequests();
        var ex = await Assert.ThrowsAsync<ImageImportException>(() =>
            new ImageImporter(_client).PrepareAsync(new ImportOptions(ImportMethods.WebDownload) { Uri = new Uri(url) }, CancellationToken.None));
        Assert.Equal(ImageImportProblem.UriInvalid, ex.Problem);
        Assert.Contains("http:// and https:// URLs only", ex.Message);
        Assert.Empty(_cloud.Requests);
    }

    [Fact]
    public async Task GlancesFilteringRefusal_IsUriRefused_WithGlancesWords()
    {
        var image = await Queued("filtered");
        var ex = await Assert.ThrowsAsync<ImageImportException>(() => _client.StartImportAsync(image.Id,
            new ImportOptions(ImportMethods.WebDownload) { Uri = new Uri("http://127.0.0.1:9/x") }, CancellationToken.None));
        Assert.Equal(ImageImportProblem.UriRefused, ex.Problem);
        Assert.Contains("URI for web-download does not pass filtering: http://127.0.0.1:9/x", ex.Message);
        Assert.StartsWith("req-", ((OpenStackApiException)ex.InnerException!).RequestId);
    }

    [Fact]
    public async Task AnUnknownStore_IsStoreNotFound_BeforeARecordIsMade_AndGlances409IsMappedToo()
    {
        var options = new ImportOptions(ImportMethods.WebDownload) { Uri = new Uri("http://127.0.0.1:18080/x") };
        options.Stores.Add("nowhere");
        _cloud.ClearRequests();
        var ex = await Assert.ThrowsAsync<ImageImportException>(() => new ImageImporter(_client).PrepareAsync(options, CancellationToken.None));
        Assert.Equal(ImageImportProblem.StoreNotFound, ex.Problem);
        Assert.Equal("Glance has no store 'nowhere'; its stores are primary, secondary.", ex.Message);
        Assert.Equal("/image/v2/info/stores", Assert.Single(_cloud.Requests).PathAndQuery);

        var image = _cloud.Glance.AddImage("golden");
        var copy = new ImportOptions(ImportMethods.CopyImage);
        copy.Stores.Add("nowhere");
        var glance = await Assert.ThrowsAsync<ImageImportException>(() => _client.StartImportAsync(image.Id, copy, CancellationToken.None));
        Assert.Equal(ImageImportProblem.StoreNotFound, glance.Problem);
        Assert.Contains("Store for identifier nowhere not found", glance.Message);
    }

    [Fact]
    public async Task CopyToAStoreThatHasTheImage_IsAlreadyInStore_FromTheImageOrFromGlance()
    {
        var image = await _client.GetImageAsync(_cloud.Glance.AddImage("golden").Id, CancellationToken.None);
        var copy = new ImportOptions(ImportMethods.CopyImage);
        copy.Stores.Add("primary");
        _cloud.ClearRequests();
        var local = await Assert.ThrowsAsync<ImageImportException>(() => new ImageImporter(_client).CopyAsync(image, copy, ["primary"], null, null, CancellationToken.None));
        Assert.Equal(ImageImportProblem.AlreadyInStore, local.Problem);
        Assert.Empty(_cloud.Requests);

        var glance = await Assert.ThrowsAsync<ImageImportException>(() => _client.StartImportAsync(image.Id, copy, CancellationToken.None));
        Assert.Equal(ImageImportProblem.AlreadyInStore, glance.Problem);
        Assert.Contains("Image is already present at store 'primary'", glance.Message);
    }

    [Fact]
    public async Task CopyThenDeleteFromStore_IsADeleteOfStoresStoreImage_AndTheLastStoreCannotGo()
    {
        var image = await _client.GetImageAsync(_cloud.Glance.AddImage("golden").Id, CancellationToken.None);
        var copy = new ImportOptions(ImportMethods.CopyImage);
        copy.Stores.Add("secondary");
        var copied = await new ImageImporter(_client).CopyAsync(image, copy, ["secondary"], new ImportWaiter(_client, TimeSpan.FromSeconds(10)), null, CancellationToken.None);
        Assert.Equal(new[] { "primary", "secondary" }, copied.Stores);

        _cloud.ClearRequests();
        await _client.DeleteFromStoreAsync(image.Id, "secondary", CancellationToken.None);
        Assert.Equal($"/image/v2/stores/secondary/{image.Id}", OnlyRequest("DELETE").PathAndQuery);
        Assert.Equal(["primary"], _cloud.Glance.Find(image.Id)!.Stores);

        var last = await Assert.ThrowsAsync<ImageImportException>(() => _client.DeleteFromStoreAsync(image.Id, "primary", CancellationToken.None));
        Assert.Equal(ImageImportProblem.LastStore, last.Problem);
        var unknown = await Assert.ThrowsAsync<ImageImportException>(() => _client.DeleteFromStoreAsync(image.Id, "nowhere", CancellationToken.None));
        Assert.Equal(ImageImportProblem.StoreNotFound, unknown.Problem);
    }

    [Fact]
    public async Task AFailingStore_FailsTheWaitWhenAllMustSucceed_AndOnlyShowsAsFailedWhenFailureIsAllowed()
    {
        _cloud.Glance.FailImportsTo("secondary");
        var image = await _client.GetImageAsync(_cloud.Glance.AddImage("golden").Id, CancellationToken.None);
        var strict = new ImportOptions(ImportMethods.CopyImage);
        strict.Stores.Add("secondary");
        var ex = await Assert.ThrowsAsync<ImageImportException>(() =>
            new ImageImporter(_client).CopyAsync(image, strict, ["secondary"], new ImportWaiter(_client, TimeSpan.FromSeconds(10)), null, CancellationToken.None));
        Assert.Equal(ImageImportProblem.StoreImportFailed, ex.Problem);
        Assert.Contains("the import into store(s) secondary failed (os_glance_failed_import)", ex.Message);

        var record = await Queued("lenient");
        var lenient = new ImportOptions(ImportMethods.GlanceDirect) { AllStores = true, AllowFailure = true };
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(4096));
            var done = await new ImageImporter(_client).ImportNewAsync(record, lenient, ["primary", "secondary"], new FileInfo(file), null,
                new ImportWaiter(_client, TimeSpan.FromSeconds(10)), null, false, CancellationToken.None);
            Assert.Equal(("active", "primary"), (done.Status, string.Join(",", done.Stores)));
            Assert.Equal(["secondary"], done.FailedStores);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AnImportThatStandsStill_TimesOutNamingTheImageAndItsState_AndAKilledImageIsKilled()
    {
        _cloud.Glance.ImportStepDelay = TimeSpan.FromSeconds(30);
        var image = await _client.GetImageAsync(_cloud.Glance.AddImage("slow").Id, CancellationToken.None);
        var copy = new ImportOptions(ImportMethods.CopyImage);
        copy.Stores.Add("secondary");
        var ex = await Assert.ThrowsAsync<ImageImportException>(() =>
            new ImageImporter(_client).CopyAsync(image, copy, ["secondary"], new ImportWaiter(_client, TimeSpan.FromMilliseconds(800)), null, CancellationToken.None));
        Assert.Equal(ImageImportProblem.ImportTimeout, ex.Problem);
        Assert.Contains($"Image 'slow' ({image.Id}) did not finish importing: nothing changed for 1 s (image active, stores done 0/1, to do: secondary; task processing", ex.Message);

        var record = await Queued("doomed");
        await using var web = FakeWebServer.Start(new() { ["/d.raw"] = [1, 2, 3] });
        _options.WebDownloadPorts.Add(web.Port);
        var options = new ImportOptions(ImportMethods.WebDownload) { Uri = new Uri(web.Url + "/d.raw") };
        var waiting = new ImageImporter(_client).ImportNewAsync(record, options, ["primary"], null, null, new ImportWaiter(_client, TimeSpan.FromSeconds(10)),
            null, keepOnFailure: true, CancellationToken.None);
        await Task.Delay(300);
        _cloud.Glance.SetStatus(record.Id, "killed");
        var killed = await Assert.ThrowsAsync<ImageImportException>(() => waiting);
        Assert.Equal(ImageImportProblem.Killed, killed.Problem);
        Assert.Contains("was kept, as asked", killed.Message);
    }

    [Fact]
    public async Task Members_AddIsAPostOfTheProject_TheConsumerPutsItsStatus_AndEachRefusalIsSpecific()
    {
        var privateImage = await _client.CreateImageAsync(new CreateImageOptions { Name = "p", Visibility = "private" }, CancellationToken.None);
        var notShared = await Assert.ThrowsAsync<ImageImportException>(() => _client.AddMemberAsync(privateImage, _cloud.Identity.DemoProjectId, CancellationToken.None));
        Assert.Equal(ImageImportProblem.NotShared, notShared.Problem);
        Assert.Contains($"Set-OSImage -Image {privateImage.Id} -Visibility shared", notShared.Message);

        var shared = await _client.CreateImageAsync(new CreateImageOptions { Name = "s", Visibility = "shared" }, CancellationToken.None);
        _cloud.ClearRequests();
        var member = await _client.AddMemberAsync(shared, _cloud.Identity.DemoProjectId, CancellationToken.None);
        Assert.Equal(("pending", shared.Id), (member.Status, member.ImageId));
        var post = OnlyRequest("POST");
        Assert.Equal($"/image/v2/images/{shared.Id}/members", post.PathAndQuery);
        Assert.Equal($$"""{"member":"{{_cloud.Identity.DemoProjectId}}"}""", Body(post));

        using var demo = await Connect("demo", FakeIdentity.DemoPassword, "demo");
        var consumer = new ImageClient(demo);
        _cloud.ClearRequests();
        var accepted = await consumer.SetMemberStatusAsync(shared.Id, _cloud.Identity.DemoProjectId, "accepted", CancellationToken.None);
        Assert.Equal("accepted", accepted.Status);
        var put = OnlyRequest("PUT");
        Assert.Equal($"/image/v2/images/{shared.Id}/members/{_cloud.Identity.DemoProjectId}", put.PathAndQuery);
        Assert.Equal("""{"status":"accepted"}""", Body(put));

        var other = await _client.CreateImageAsync(new CreateImageOptions { Name = "o", Visibility = "shared" }, CancellationToken.None);
        var notMember = await Assert.ThrowsAsync<ImageImportException>(() => consumer.SetMemberStatusAsync(other.Id, _cloud.Identity.DemoProjectId, "accepted", CancellationToken.None));
        Assert.Equal(ImageImportProblem.MemberNotFound, notMember.Problem);
        Assert.Contains($"Image {other.Id} is not shared with project {_cloud.Identity.DemoProjectId}", notMember.Message);

        Assert.Single(await _client.ListMembersAsync(shared, CancellationToken.None));
        await _client.RemoveMemberAsync(shared.Id, _cloud.Identity.DemoProjectId, CancellationToken.None);
        Assert.Empty(await _client.ListMembersAsync(shared, CancellationToken.None));
        var gone = await Assert.ThrowsAsync<ImageImportException>(() => _client.RemoveMemberAsync(shared.Id, _cloud.Identity.DemoProjectId, CancellationToken.None));
        Assert.Equal(ImageImportProblem.MemberNotFound, gone.Problem);
    }
}
