using System.Net;
using OpenStack.Client.Auth;
using OpenStack.Client.Http;
using OpenStack.Client.Image.V2;
using OpenStack.FakeCloud;

namespace OpenStack.Client.Tests;

/// <summary>The retry policy on its own (Retry-After forms, backoff bounds) and the transport's timeouts retried.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private FakeCloud.FakeCloud _cloud = null!;

    public async Task InitializeAsync() => _cloud = await FakeCloud.FakeCloud.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    private static HttpResponseMessage WithRetryAfter(string value)
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", value);
        return response;
    }

    [Fact]
    public void RetryAfter_AsSeconds_AsHttpDate_AndUnreadable()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.RetryAfter(WithRetryAfter("7"), now));
        var date = RetryPolicy.RetryAfter(WithRetryAfter(now.AddSeconds(20).ToString("r")), now);
        Assert.InRange(date!.Value.TotalSeconds, 18, 21);
        Assert.Equal(TimeSpan.Zero, RetryPolicy.RetryAfter(WithRetryAfter(now.AddHours(-1).ToString("r")), now));
        Assert.Equal(TimeSpan.FromSeconds(1.5), RetryPolicy.RetryAfter(WithRetryAfter("1.5"), now));
        Assert.Null(RetryPolicy.RetryAfter(WithRetryAfter("soon"), now));
        Assert.Null(RetryPolicy.RetryAfter(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), now));
    }

    [Fact]
    public void Delay_IsExponential_Jittered_AndCapped_AndRetryAfterIsCappedToo()
    {
        var options = new TransportOptions { RetryBaseDelay = TimeSpan.FromSeconds(1), RetryMaxDelay = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(RetryPolicy.Delay(2, null, options).TotalSeconds, 0.5, 1.0);
            Assert.InRange(RetryPolicy.Delay(3, null, options).TotalSeconds, 1.0, 2.0);
            Assert.InRange(RetryPolicy.Delay(4, null, options).TotalSeconds, 2.0, 4.0);
            Assert.InRange(RetryPolicy.Delay(10, null, options).TotalSeconds, 2.5, 5.0);
        }
        Assert.Equal(TimeSpan.FromSeconds(5), RetryPolicy.Delay(2, WithRetryAfter("3600"), options));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryPolicy.Delay(2, WithRetryAfter("2"), options));
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("DELETE", true)]
    [InlineData("PUT", true)]
    [InlineData("PATCH", true)]
    [InlineData("POST", false)]
    public void OnlyIdempotentMethods_AreRetried(string method, bool idempotent) =>
        Assert.Equal(idempotent, RetryPolicy.IsIdempotent(new HttpMethod(method)));

    [Fact]
    public async Task ATimedOutGet_IsRetried_AndSucceeds()
    {
        var options = new AuthOptions
        {
            AuthUrl = new Uri(_cloud.AuthUrl), UserName = "admin", Password = SecretText.ToSecureString("s3cr3t-Passw0rd"), ProjectName = "admin",
        };
        options.Transport.RequestTimeout = TimeSpan.FromMilliseconds(1500);
        options.Transport.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
        using var session = await OpenStackSession.ConnectAsync(options, CancellationToken.None);
        _cloud.InjectFault(new FaultRule { Method = "GET", PathContains = "/image/v2/images", DelayMs = 6000, Times = 1 });
        var notices = new List<string>();
        Task<IReadOnlyList<Image.V2.Image>?> page;
        using (RequestNotices.Listen(notices.Add)) page = new ImageClient(session).ListImages(new ListImagesOptions(), CancellationToken.None).NextPageAsync();
        Assert.NotNull(await page);
        // The notices also tell each page ("Page 1: …"); one of them is the retry.
        var notice = Assert.Single(notices, n => n.StartsWith("Retrying ", StringComparison.Ordinal));
        Assert.Contains("after a connection failure (attempt 2 of 4)", notice);
        Assert.Contains(notices, n => n.StartsWith("Page 1: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusedConnection_IsTransient_AnUnknownHostIsNot()
    {
        using var transport = new HttpTransport(new TransportOptions());
        var refused = await Assert.ThrowsAsync<OpenStackConnectionException>(() =>
            transport.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/"), HttpCompletionOption.ResponseContentRead, TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.True(refused.IsTransient);
        Assert.False(refused.IsCertificateError);
        var unknown = await Assert.ThrowsAsync<OpenStackConnectionException>(() =>
            transport.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://no-such-host.invalid/"), HttpCompletionOption.ResponseContentRead, TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.False(unknown.IsTransient);
    }

    [Fact]
    public async Task AResetConnection_IsTransient()
    {
        // A server that accepts, then drops the connection with a TCP reset (linger 0) before answering.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[4096];
            await socket.ReceiveAsync(buffer);
            socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
            socket.Close();
        });
        using var transport = new HttpTransport(new TransportOptions());
        var reset = await Assert.ThrowsAsync<OpenStackConnectionException>(() =>
            transport.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/"), HttpCompletionOption.ResponseContentRead, TimeSpan.FromSeconds(5), CancellationToken.None));
        await server;
        Assert.True(reset.IsTransient, reset.Message);
    }
}
