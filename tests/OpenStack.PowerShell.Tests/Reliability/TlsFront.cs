using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OpenStack.PowerShell.Tests.Reliability;

/// <summary>A CA made for one test, and a server certificate for 127.0.0.1 that it signed.</summary>
internal sealed class TestCa : IDisposable
{
    public TestCa()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=osps-rel16-test-ca", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        Ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        using var signed = request.Create(Ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(12));
        // Kestrel on Linux needs the key bound to the certificate through PKCS#12.
        Server = X509CertificateLoader.LoadPkcs12(signed.CopyWithPrivateKey(key).Export(X509ContentType.Pfx), null);
    }

    public X509Certificate2 Ca { get; }
    public X509Certificate2 Server { get; }

    /// <summary>The CA certificate alone, as PEM (what OS_CACERT, -CACertificatePath and clouds.yaml cacert name).</summary>
    public string WriteCaPem(string directory)
    {
        var path = Path.Combine(directory, "osps-test-ca.pem");
        File.WriteAllText(path, Ca.ExportCertificatePem());
        return path;
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
    }
}

/// <summary>
/// HTTPS on a loopback port in front of a real service: terminates TLS with the test CA's certificate and forwards
/// each request over HTTP. In front of Keystone it also rewrites the catalog in token bodies, so that the chosen
/// services are reached through their own fronts: the cloud's endpoints themselves are never changed.
/// </summary>
internal sealed class TlsFront : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private TlsFront(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Requests that came through.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Text replacements in response bodies ("http://127.0.0.1:9292" → this cloud's HTTPS front for Glance).</summary>
    public Dictionary<string, string> Rewrites { get; } = new();

    public static async Task<TlsFront> StartAsync(Uri target, X509Certificate2 certificate)
    {
        var forwarder = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false }) { Timeout = TimeSpan.FromMinutes(5) };
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddLogging();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        TlsFront front = null!;
        app.Run(async ctx =>
        {
            Interlocked.Increment(ref front._requests);
            using var request = new HttpRequestMessage(new HttpMethod(ctx.Request.Method), new Uri(target, ctx.Request.Path + ctx.Request.QueryString));
            var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body);
            if (body.Length > 0 || ctx.Request.ContentLength.HasValue)
            {
                request.Content = new ByteArrayContent(body.ToArray());
                if (ctx.Request.ContentType is { } type) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
            foreach (var header in ctx.Request.Headers)
            {
                if (header.Key is "Host" or "Content-Type" or "Content-Length" or "Connection") continue;
                request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
            using var response = await forwarder.SendAsync(request);
            ctx.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (header.Key is "Transfer-Encoding" or "Content-Length" or "Connection") continue;
                ctx.Response.Headers[header.Key] = header.Value.Select(front.Rewrite).ToArray();
            }
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (front.Rewrites.Count > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true)
                bytes = Encoding.UTF8.GetBytes(front.Rewrite(Encoding.UTF8.GetString(bytes)));
            await ctx.Response.Body.WriteAsync(bytes);
        });
        front = new TlsFront(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        front.BaseUri = new Uri($"https://127.0.0.1:{new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port}/");
        return front;
    }

    private string Rewrite(string text)
    {
        foreach (var (from, to) in Rewrites) text = text.Replace(from, to, StringComparison.Ordinal);
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// A forward HTTP proxy on loopback (absolute-form requests, one request per connection), optionally asking for
/// Basic credentials with 407. Counts what it forwarded and remembers the Proxy-Authorization it was sent.
/// </summary>
internal sealed class LoopbackProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string? _expectedAuthorization;
    private readonly CancellationTokenSource _stop = new();
    private int _forwarded, _refused;

    public LoopbackProxy(string? user = null, string? password = null)
    {
        if (user != null) _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        _listener.Start();
        _ = AcceptLoop();
    }

    public Uri Uri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
    public int Forwarded => Volatile.Read(ref _forwarded);
    public int Refused => Volatile.Read(ref _refused);
    public System.Collections.Concurrent.ConcurrentQueue<string> Targets { get; } = new();

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var (head, rest) = await ReadHead(stream);
                var lines = head.Split("\r\n");
                var parts = lines[0].Split(' ');
                var headers = lines.Skip(1).Where(l => l.Length > 0).Select(l => (Name: l[..l.IndexOf(':')].Trim(), Value: l[(l.IndexOf(':') + 1)..].Trim())).ToList();
                var auth = headers.FirstOrDefault(h => h.Name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)).Value;
                if (_expectedAuthorization != null && auth != _expectedAuthorization)
                {
                    Interlocked.Increment(ref _refused);
                    var length = headers.FirstOrDefault(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
                    await Drain(stream, rest, length == null ? 0 : long.Parse(length));
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"osps-test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                    return;
                }
                var target = new Uri(parts[1]);
                Targets.Enqueue(parts[0] + " " + target.GetLeftPart(UriPartial.Path));
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(target.Host, target.Port);
                var up = upstream.GetStream();
                var forwardedHead = new StringBuilder($"{parts[0]} {target.PathAndQuery} {parts[2]}\r\n");
                foreach (var (name, value) in headers)
                {
                    if (name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)) continue;
                    forwardedHead.Append(name).Append(": ").Append(value).Append("\r\n");
                }
                forwardedHead.Append("Connection: close\r\n\r\n");
                await up.WriteAsync(Encoding.ASCII.GetBytes(forwardedHead.ToString()));
                await up.WriteAsync(rest);
                Interlocked.Increment(ref _forwarded);
                var toUpstream = stream.CopyToAsync(up);
                // The answer's head gets "Connection: close": this proxy serves one request per connection.
                var (responseHead, responseRest) = await ReadHead(up);
                var responseLines = responseHead.Split("\r\n").Where(l => l.Length > 0 && !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase));
                await stream.WriteAsync(Encoding.ASCII.GetBytes(string.Join("\r\n", responseLines) + "\r\nConnection: close\r\n\r\n"));
                await stream.WriteAsync(responseRest);
                await up.CopyToAsync(stream);
            }
            catch (Exception) when (_stop.IsCancellationRequested || true)
            {
                // A client or server that went away ends this one connection only.
            }
        }
    }

    private static async Task Drain(Stream stream, byte[] already, long length)
    {
        var left = length - already.Length;
        var buffer = new byte[8192];
        while (left > 0)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)));
            if (n == 0) return;
            left -= n;
        }
    }

    private static async Task<(string Head, byte[] Remainder)> ReadHead(Stream stream)
    {
        var buffer = new MemoryStream();
        var one = new byte[4096];
        while (true)
        {
            var n = await stream.ReadAsync(one);
            if (n == 0) throw new IOException("connection closed before the head ended");
            buffer.Write(one, 0, n);
            var bytes = buffer.ToArray();
            var end = IndexOf(bytes, "\r\n\r\n"u8);
            if (end >= 0) return (Encoding.ASCII.GetString(bytes, 0, end), bytes[(end + 4)..]);
        }
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
