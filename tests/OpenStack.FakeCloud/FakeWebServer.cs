using System.Net;
using System.Net.Sockets;

namespace OpenStack.FakeCloud;

/// <summary>
/// A loopback HTTP server serving fixed files (404 for anything else), for Glance's web-download: the fake's, or
/// the local real Glance's, whose import filtering allows 127.0.0.1 on ports 18080-18099 only (tests/cloud/start.sh).
/// Files are served from memory or from disk, streamed in 1 MiB writes.
/// </summary>
public sealed class FakeWebServer : IAsyncDisposable, IDisposable
{
    /// <summary>The ports the local real Glance's web-download may fetch from.</summary>
    public const int FirstGlancePort = 18080, LastGlancePort = 18099;

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly Dictionary<string, byte[]> _files;
    private readonly Dictionary<string, string> _paths = new();
    private int _requests;

    private FakeWebServer(HttpListener listener, int port, Dictionary<string, byte[]> files)
    {
        (_listener, Port, _files) = (listener, port, files);
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Serves <paramref name="files"/> (path → bytes) on a free port: any, or one of 18080-18099 for the real Glance.</summary>
    public static FakeWebServer Start(Dictionary<string, byte[]>? files = null, bool glancePorts = false)
    {
        var ports = glancePorts ? Enumerable.Range(FirstGlancePort, LastGlancePort - FirstGlancePort + 1) : [FreePort()];
        foreach (var port in ports)
        {
            var listener = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
            try
            {
                listener.Start();
            }
            catch (HttpListenerException)
            {
                listener.Close();
                continue; // taken by another test run
            }
            return new FakeWebServer(listener, port, files ?? new());
        }
        throw new InvalidOperationException($"No free port in {FirstGlancePort}-{LastGlancePort} for the web-download server.");
    }

    /// <summary>Serves a file from disk at <paramref name="urlPath"/> (a large image need not be in memory).</summary>
    public void ServeFile(string urlPath, string path)
    {
        lock (_paths) _paths[urlPath] = path;
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(ctx));
        }
    }

    private async Task AnswerAsync(HttpListenerContext ctx)
    {
        Interlocked.Increment(ref _requests);
        var path = ctx.Request.Url!.AbsolutePath;
        string? file;
        lock (_paths) file = _paths.GetValueOrDefault(path);
        try
        {
            if (_files.TryGetValue(path, out var body))
            {
                ctx.Response.ContentLength64 = body.Length;
                await ctx.Response.OutputStream.WriteAsync(body);
            }
            else if (file is not null)
            {
                await using var stream = File.OpenRead(file);
                ctx.Response.ContentLength64 = stream.Length;
                await stream.CopyToAsync(ctx.Response.OutputStream, 1 << 20);
            }
            else ctx.Response.StatusCode = 404;
            ctx.Response.Close();
        }
        catch (Exception) when (!_listener.IsListening)
        {
        }
        catch (HttpListenerException)
        {
            // The client went away mid-answer.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _loop;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
