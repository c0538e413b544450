using System.Text;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>
/// A failure to inject: matching requests get a canned answer instead of the service's, after an optional delay;
/// or (<see cref="AfterBodyBytes"/>) reach the service but lose their connection part-way through the body.
/// </summary>
public sealed class FaultRule
{
    /// <summary>HTTP method to match (case-insensitive); null matches any.</summary>
    public string? Method { get; set; }

    /// <summary>Substring of the raw path and query ("/image/v2/images/…/file"); null matches any.</summary>
    public string? PathContains { get; set; }

    /// <summary>Status of the canned answer; 0 = no canned answer, the service answers (after the delay).</summary>
    public int Status { get; set; }

    public string? Body { get; set; }
    public string ContentType { get; set; } = "text/plain";
    public IReadOnlyDictionary<string, string>? Headers { get; set; }

    /// <summary>How many matching requests the rule hits; 0 or less = every one, until <see cref="FakeCloud.ClearFaults"/>.</summary>
    public int Times { get; set; } = 1;

    /// <summary>
    /// Cut the connection after the service has read this many bytes of the request body. The request goes on to
    /// the service, which sees the body break off as with a real client that died (Glance puts an upload back to
    /// queued). <see cref="Status"/> and <see cref="Body"/> are not used then.
    /// </summary>
    public long? AfterBodyBytes { get; set; }

    /// <summary>Wait this long before answering (or before handing the request to the service).</summary>
    public int DelayMs { get; set; }

    /// <summary>Drop the connection without an answer (a reset), after the delay; the service never sees the request.</summary>
    public bool ResetConnection { get; set; }

    /// <summary>The chance (0–1) that a matching request is hit; below 1 the rule fires at random (the soak's faults).</summary>
    public double Probability { get; set; } = 1.0;

    /// <summary>The random source of <see cref="Probability"/>; seed it to replay a run.</summary>
    public Random? Random { get; set; }

    private int _hits;

    /// <summary>How many requests the rule has hit so far.</summary>
    public int Hits => Volatile.Read(ref _hits);

    internal bool TryTake(string method, string pathAndQuery)
    {
        if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) return false;
        if (PathContains is not null && !pathAndQuery.Contains(PathContains, StringComparison.Ordinal)) return false;
        if (Probability < 1.0)
        {
            var random = Random ?? System.Random.Shared;
            double draw;
            lock (random) draw = random.NextDouble();
            if (draw >= Probability) return false;
        }
        while (true)
        {
            var hits = Volatile.Read(ref _hits);
            if (Times > 0 && hits >= Times) return false;
            if (Interlocked.CompareExchange(ref _hits, hits + 1, hits) == hits) return true;
        }
    }

    /// <summary>Applies the fault; true when the request has been answered (or cut) and the service must not run.</summary>
    internal async Task<bool> ApplyAsync(HttpContext ctx)
    {
        if (DelayMs > 0) await Task.Delay(DelayMs, ctx.RequestAborted);
        if (AfterBodyBytes is long cutAt)
        {
            ctx.Request.Body = new CuttingStream(ctx.Request.Body, cutAt, ctx);
            return false;
        }
        if (ResetConnection)
        {
            ctx.Abort();
            return true;
        }
        if (Status == 0) return false;

        // A real server reads the request before it answers; this also puts the body in the request log.
        await ctx.Request.Body.CopyToAsync(Stream.Null, ctx.RequestAborted);
        ctx.Response.StatusCode = Status;
        ctx.Response.Headers["X-Openstack-Request-Id"] = ctx.Items[FakeCloud.RequestIdKey] as string;
        if (Headers is not null)
            foreach (var (name, value) in Headers) ctx.Response.Headers[name] = value;
        if (Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(Body);
            ctx.Response.ContentType = ContentType;
            ctx.Response.ContentLength = bytes.Length;
            await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
        }
        return true;
    }

    /// <summary>Delivers <c>cutAt</c> bytes, then drops the connection like a client that went away.</summary>
    private sealed class CuttingStream(Stream inner, long cutAt, HttpContext ctx) : Stream
    {
        private long _read;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= cutAt && buffer.Length > 0)
            {
                ctx.Abort();
                throw new IOException("The connection was cut by an injected fault.");
            }
            var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, Math.Max(1, cutAt - _read))], cancellationToken);
            _read += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
