using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OpenStack.FakeCloud;

public sealed class FakeCloudOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    public string AdminPassword { get; set; } = "s3cr3t-Passw0rd";

    /// <summary>Glance's page size when a list names no limit (the real <c>limit_param_default</c> is 25).</summary>
    public int DefaultPageLimit { get; set; } = 25;

    /// <summary>Glance's largest page (<c>api_limit_max</c>, 1000 on the real one).</summary>
    public int MaxPageLimit { get; set; } = 1000;

    /// <summary>Keystone's <c>[token] expiration</c>: one hour, as on the real one.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Ports on 127.0.0.1/localhost that web-download may fetch from: the local real Glance's [import_filtering_opts]
    /// (80, 443, 18080-18099). A test serving from another port adds it.
    /// </summary>
    public HashSet<int> WebDownloadPorts { get; } = [80, 443, .. Enumerable.Range(18080, 20)];

    /// <summary>Called with one line per finished request ("GET /image/v2/images 200"); for the standalone cloud.</summary>
    public Action<string>? Log { get; set; }
}

/// <summary>One request as the fake received it. <see cref="Body"/> holds at most the first 64 KiB.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body, long BodyLength, int Status);

/// <summary>
/// An in-memory Keystone v3 + Glance v2 + Neutron v2.0 on Kestrel, laid out like devstack: Keystone under /identity,
/// Glance under /image (RegionOne) and /image-r2 (RegionTwo, the same images), Neutron under /network. Answers like
/// the real Zed services do.
/// </summary>
public sealed class FakeCloud : IAsyncDisposable
{
    internal const string RequestIdKey = "osfake.request-id";
    private const int MaxRecordedBody = 64 * 1024;

    private readonly WebApplication _app;
    private readonly FakeCloudOptions _options;
    private readonly List<LogEntry> _requests = new();
    private readonly List<FaultRule> _faults = new();
    private KeystoneApi _keystone = null!;
    private GlanceApi _glance = null!;
    private NovaApi _nova = null!;
    private NeutronApi _neutron = null!;

    private FakeCloud(WebApplication app, FakeCloudOptions options)
    {
        _app = app;
        _options = options;
    }

    public static async Task<FakeCloud> StartAsync(FakeCloudOptions? options = null)
    {
        options ??= new FakeCloudOptions();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddLogging();
        // A test that leaves a request hanging must not hold its DisposeAsync for the default 30 s.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        // An embedded server: no console lifetime taking over Ctrl+C/SIGTERM in the test host (Program handles them).
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null; // image uploads
        });
        var app = builder.Build();
        var cloud = new FakeCloud(app, options);
        app.Run(cloud.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        cloud.BaseUri = new Uri($"http://127.0.0.1:{port}/");
        cloud.Identity = new FakeIdentity(cloud.BaseUri, options);
        cloud.Glance = new FakeGlance(cloud.Identity.AdminProjectId);
        cloud._keystone = new KeystoneApi(cloud.Identity);
        cloud._glance = new GlanceApi(cloud.Glance, cloud.Identity, options);
        cloud.Nova = new FakeNova();
        cloud.Neutron = new FakeNeutron();
        cloud._nova = new NovaApi(cloud.Nova, cloud.Glance, cloud.Identity, cloud.Neutron);
        cloud._neutron = new NeutronApi(cloud.Neutron, cloud.Identity);
        return cloud;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>http://127.0.0.1:PORT/identity/v3</summary>
    public string AuthUrl => BaseUri + "identity/v3";

    /// <summary>http://127.0.0.1:PORT/image — the catalog URL of the "image" service in RegionOne.</summary>
    public string ImageEndpoint => BaseUri + "image";

    /// <summary>http://127.0.0.1:PORT/image-r2 — the same Glance, listed for RegionTwo.</summary>
    public string ImageEndpointRegionTwo => BaseUri + "image-r2";

    public FakeIdentity Identity { get; private set; } = null!;
    public FakeGlance Glance { get; private set; } = null!;
    public FakeNova Nova { get; private set; } = null!;

    /// <summary>http://127.0.0.1:PORT/compute/v2.1 — the catalog URL of the "compute" service.</summary>
    public string ComputeEndpoint => BaseUri + "compute/v2.1";
    public FakeNeutron Neutron { get; private set; } = null!;

    /// <summary>Every request so far, in the order they arrived (a snapshot; safe to call from any thread).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests) return _requests.Select(e => e.ToRecord()).ToList();
        }
    }

    public void ClearRequests()
    {
        lock (_requests) _requests.Clear();
    }

    public void InjectFault(FaultRule rule)
    {
        lock (_faults) _faults.Add(rule);
    }

    public void ClearFaults()
    {
        lock (_faults) _faults.Clear();
    }

    /// <summary>The admin's credentials as <c>export OS_…=…</c> lines, for a shell or the CLI.</summary>
    public string ToEnvironmentScript() => string.Concat(new[]
    {
        ("OS_AUTH_URL", AuthUrl), ("OS_USERNAME", "admin"), ("OS_PASSWORD", _options.AdminPassword), ("OS_PROJECT_NAME", "admin"),
        ("OS_USER_DOMAIN_NAME", "Default"), ("OS_PROJECT_DOMAIN_NAME", "Default"), ("OS_REGION_NAME", "RegionOne"),
        ("OS_INTERFACE", "public"), ("OS_IDENTITY_API_VERSION", "3"),
    }.Select(v => $"export {v.Item1}={ShellQuote(v.Item2)}\n"));

    private static string ShellQuote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:@%+,".Contains(c)) ? value : "'" + value.Replace("'", "'\\''") + "'";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        ctx.Items[RequestIdKey] = "req-" + Guid.NewGuid();
        var entry = new LogEntry(ctx);
        lock (_requests) _requests.Add(entry);
        ctx.Request.Body = new RecordingStream(ctx.Request.Body, entry);
        // The status is taken as the headers go out, so it is in the log before the client can see the answer.
        ctx.Response.OnStarting(() => { entry.Status = ctx.Response.StatusCode; return Task.CompletedTask; });
        try
        {
            FaultRule? fault;
            lock (_faults) fault = _faults.FirstOrDefault(f => f.TryTake(ctx.Request.Method, entry.PathAndQuery));
            if (fault is not null && await fault.ApplyAsync(ctx)) return;

            var path = ctx.Request.Path.Value ?? "/";
            var slash = path.IndexOf('/', 1);
            var (service, rest) = slash < 0 ? (path[1..], "") : (path[1..slash], path[slash..]);
            switch (service)
            {
                case "identity": await _keystone.HandleAsync(ctx, rest); break;
                case "image" or "image-r2": await _glance.HandleAsync(ctx, rest, "/" + service); break;
                case "compute": await _nova.HandleAsync(ctx, rest); break;
                case "network": await _neutron.HandleAsync(ctx, rest); break;
                default:
                    ctx.Response.StatusCode = 404;
                    await HttpOut.WriteTextAsync(ctx, "Not found: this fake cloud serves /identity, /image, /image-r2 and /compute.\n", "text/plain");
                    break;
            }
        }
        catch (Exception) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or a fault cut it off): nothing to answer.
        }
        finally
        {
            if (!ctx.Response.HasStarted && ctx.RequestAborted.IsCancellationRequested) entry.Status = 0;
            else entry.Status = ctx.Response.StatusCode;
            _options.Log?.Invoke($"{entry.Method} {entry.PathAndQuery} {entry.Status}");
        }
    }

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class LogEntry
    {
        private readonly MemoryStream _body = new();
        private long _length;

        public LogEntry(HttpContext ctx)
        {
            Method = ctx.Request.Method;
            var raw = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget;
            PathAndQuery = string.IsNullOrEmpty(raw) || !raw.StartsWith('/') ? ctx.Request.Path + ctx.Request.QueryString : raw;
            Headers = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        }

        public string Method { get; }
        public string PathAndQuery { get; }
        public Dictionary<string, string> Headers { get; }
        public volatile int Status;

        public void Append(ReadOnlySpan<byte> data)
        {
            lock (_body)
            {
                _length += data.Length;
                var room = MaxRecordedBody - (int)_body.Length;
                if (room > 0) _body.Write(data[..Math.Min(room, data.Length)]);
            }
        }

        public RecordedRequest ToRecord()
        {
            lock (_body) return new RecordedRequest(Method, PathAndQuery, Headers, _body.ToArray(), _length, Status);
        }
    }

    /// <summary>Passes the request body through, keeping a copy of its start and counting its length.</summary>
    private sealed class RecordingStream(Stream inner, LogEntry entry) : Stream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            entry.Append(buffer.Span[..n]);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            entry.Append(buffer.AsSpan(offset, n));
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

internal static class HttpOut
{
    public static Task WriteTextAsync(HttpContext ctx, string text, string contentType)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes.Length;
        return ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).AsTask();
    }
}
