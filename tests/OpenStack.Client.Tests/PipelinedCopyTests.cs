using System.Security.Cryptography;
using OpenStack.Client.Http;

namespace OpenStack.Client.Tests;

/// <summary>The download copy (issue 15): reads overlap writes, yet every byte arrives once, in order, and is hashed.</summary>
public sealed class PipelinedCopyTests
{
    /// <summary>A network-like source: short reads of uneven sizes.</summary>
    private sealed class ChoppyStream : MemoryStream
    {
        private readonly Random _random = new(7);

        public ChoppyStream(byte[] data) : base(data) { }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, _random.Next(1, 70_000)), cancellationToken);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length > 0) throw new IOException("disk full");
            base.Write(buffer, offset, count);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1 << 16)]
    [InlineData((3 << 16) + 17)] // several buffers and a partial last one
    public async Task EveryByteArrivesInOrder_AndTheRequestedDigestIsTheDataDigest(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        var destination = new MemoryStream();
        var hashing = new HashingStream(destination, null, digests: ImageDigests.Sha512);
        await PipelinedCopy.CopyAsync(new ChoppyStream(data), hashing, 1 << 15, default);
        var hashes = hashing.Finish();

        Assert.Equal(data, destination.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(data)), hashes.Sha512);
        Assert.Null(hashes.Md5); // not asked for: not computed
        Assert.Equal(length, hashes.Length);
    }

    [Fact]
    public async Task AWriteFailure_IsReported()
    {
        var data = new byte[1 << 18];
        var error = await Assert.ThrowsAsync<IOException>(() => PipelinedCopy.CopyAsync(new ChoppyStream(data), new FailingStream(), 1 << 15, default));
        Assert.Equal("disk full", error.Message);
    }
}
