using System.Net;
using OpenStack.Client.Auth;
using OpenStack.Client.Http;
using OpenStack.Client.Image.V2;
using OpenStack.FakeCloud;

namespace OpenStack.Client.Tests;

/// <summary>The session and the image client against the fake cloud: headers, renewal, paging, errors.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private FakeCloud.FakeCloud _cloud = null!;

    public async Task InitializeAsync() => _cloud = await FakeCloud.FakeCloud.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    private Task<OpenStackSession> ConnectAsync(string password = "s3cr3t-Passw0rd") =>
        OpenStackSession.ConnectAsync(new AuthOptions
        {
            AuthUrl = new Uri(_cloud.AuthUrl), UserName = "admin", Password = SecretText.ToSecureString(password), ProjectName = "admin",
        }, CancellationToken.None);

    [Fact]
    public async Task EveryServiceRequest_CarriesTheTokenAndAcceptsJson()
    {
        using var session = await ConnectAsync();
        await new ImageClient(session).ListImages(new ListImagesOptions(), CancellationToken.None).NextPageAsync();
        var list = _cloud.Requests.Last();
        Assert.Equal("GET", list.Method);
        Assert.Equal("/image/v2/images", list.PathAndQuery);
        Assert.False(string.IsNullOrEmpty(list.Headers["X-Auth-Token"]));
        Assert.Equal("application/json", list.Headers["Accept"]);
        Assert.StartsWith("OpenStack.PowerShell", list.Headers["User-Agent"]);
        Assert.Equal(2, session.RequestCount);
    }

    [Fact]
    public async Task ConcurrentCallsOnAnExpiredToken_RenewItOnce()
    {
        using var session = await ConnectAsync();
        var client = new ImageClient(session);
        _cloud.Identity.ExpireAllTokens();
        _cloud.ClearRequests();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.ListImages(new ListImagesOptions(), CancellationToken.None).NextPageAsync())));
        Assert.Equal(1, _cloud.Requests.Count(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/auth/tokens")));
        Assert.Equal(8, _cloud.Requests.Count(r => r.Method == "GET" && r.Status == 200));
    }

    [Fact]
    public async Task ErrorsCarryStatus_ServerMessage_AndRequestId()
    {
        using var session = await ConnectAsync();
        var ex = await Assert.ThrowsAsync<OpenStackApiException>(() => new ImageClient(session).GetImageAsync(Guid.NewGuid().ToString(), CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.StartsWith("req-", ex.RequestId);
        Assert.False(string.IsNullOrWhiteSpace(ex.ServerMessage));
        Assert.DoesNotContain("<", ex.ServerMessage);
    }

    [Fact]
    public async Task WrongPassword_NeverAppearsInTheException()
    {
        var ex = await Assert.ThrowsAsync<OpenStackApiException>(() => ConnectAsync("Wr0ng-Secret-Value"));
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.DoesNotContain("Wr0ng-Secret-Value", ex.ToString());
    }

    [Fact]
    public async Task Pager_FollowsNextUntilTheEnd()
    {
        for (var i = 0; i < 7; i++) _cloud.Glance.AddImage("page-" + i);
        using var session = await ConnectAsync();
        var pager = new ImageClient(session).ListImages(new ListImagesOptions { Limit = 3 }, CancellationToken.None);
        var all = await pager.AllAsync();
        Assert.Equal(7, all.Count(i => i.Name!.StartsWith("page-")));
        Assert.InRange(pager.PageCount, 3, 4);
    }

    [Fact]
    public async Task Disconnect_RevokesTheToken()
    {
        var session = await ConnectAsync();
        await session.DisconnectAsync(CancellationToken.None);
        Assert.Contains(_cloud.Requests, r => r.Method == "DELETE" && r.PathAndQuery == "/identity/v3/auth/tokens");
        Assert.False(session.IsConnected);
        await Assert.ThrowsAsync<OpenStackException>(() => new ImageClient(session).GetImageAsync("x", CancellationToken.None));
    }
}
