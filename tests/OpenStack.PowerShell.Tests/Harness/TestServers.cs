using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OpenStack.PowerShell.Tests.Harness;

/// <summary>
/// Small Kestrel servers for the bad-input cases: one that answers every request with a proxy's HTML page,
/// and an HTTPS front (self-signed certificate made here) that forwards to the fake cloud.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri baseUri) => (_app, BaseUri) = (app, baseUri);

    public Uri BaseUri { get; }

    /// <summary>The certificate the HTTPS server presents, when it is one.</summary>
    public X509Certificate2? Certificate { get; private init; }

    /// <summary>Answers everything with 200 and an HTML page, as a captive portal or a misrouted proxy does.</summary>
    public static Task<TestServer> StartHtmlAsync(int status = 200) => StartAsync(null, async ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync("<html><head><title>Welcome</title></head><body><h1>It works!</h1><p>Proxy page.</p></body></html>");
    });

    /// <summary>HTTPS with a self-signed certificate for 127.0.0.1, forwarding every request to <paramref name="target"/>.</summary>
    public static async Task<TestServer> StartTlsProxyAsync(Uri target)
    {
        var certificate = SelfSigned();
        var forwarder = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var server = await StartAsync(certificate, async ctx =>
        {
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
                if (header.Key is "Host" or "Content-Type" or "Content-Length") continue;
                request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
            using var response = await forwarder.SendAsync(request);
            ctx.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (header.Key is "Transfer-Encoding" or "Content-Length") continue;
                ctx.Response.Headers[header.Key] = header.Value.ToArray();
            }
            await response.Content.CopyToAsync(ctx.Response.Body);
        });
        return new TestServer(server._app, server.BaseUri) { Certificate = certificate };
    }

    /// <summary>Writes the certificate as PEM, as OS_CACERT and -CACertificatePath expect.</summary>
    public string WriteCertificatePem(string directory)
    {
        var path = Path.Combine(directory, "test-ca.pem");
        File.WriteAllText(path, Certificate!.ExportCertificatePem());
        return path;
    }

    private static async Task<TestServer> StartAsync(X509Certificate2? certificate, RequestDelegate handler)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddLogging();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate != null) listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port;
        return new TestServer(app, new Uri($"{(certificate != null ? "https" : "http")}://127.0.0.1:{port}/"));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=osps-test-ca", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel on Linux needs a certificate whose key it can use: reload through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
