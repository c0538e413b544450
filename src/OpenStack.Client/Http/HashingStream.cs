using System.IO;
using System.Security.Cryptography;

namespace OpenStack.Client.Http
{
    /// <summary>
    /// Passes bytes through (read side for uploads, write side for downloads) while computing MD5 (Glance's
    /// "checksum") and SHA-512 (its default os_hash_algo) in the same pass, and counting progress.
    /// </summary>
    internal sealed class HashingStream : Stream
    {
        private readonly Stream _inner;
        private readonly bool _leaveOpen;
        private readonly TransferProgress? _progress;
        private readonly MD5? _md5;
        private readonly SHA512? _sha512;
        private ImageHashes? _result;

        /// <param name="digests">The digests to compute: a download checks one (hashing costs as much CPU as the transfer), an upload reports both.</param>
        public HashingStream(Stream inner, TransferProgress? progress, bool leaveOpen = true, ImageDigests digests = ImageDigests.Both)
        {
            _inner = inner;
            _progress = progress;
            _leaveOpen = leaveOpen;
            if ((digests & ImageDigests.Md5) != 0) _md5 = MD5.Create();
            if ((digests & ImageDigests.Sha512) != 0) _sha512 = SHA512.Create();
        }

        public long BytesHashed { get; private set; }

        /// <summary>Hex digests; call once every byte has gone through.</summary>
        public ImageHashes Finish()
        {
            if (_result == null)
            {
                _md5?.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
                _sha512?.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
                _result = new ImageHashes(_md5 == null ? null : Hex(_md5.Hash!), _sha512 == null ? null : Hex(_sha512.Hash!), BytesHashed);
            }
            return _result;
        }

        private void Hash(byte[] buffer, int offset, int count)
        {
            if (count <= 0) return;
            _md5?.TransformBlock(buffer, offset, count, null, 0);
            _sha512?.TransformBlock(buffer, offset, count, null, 0);
            BytesHashed += count;
            _progress?.Add(count);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            Hash(buffer, offset, read);
            return read;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Hash(buffer, offset, read);
            return read;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
            Hash(buffer, offset, count);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await _inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Hash(buffer, offset, count);
        }

        private static string Hex(byte[] bytes)
        {
            var chars = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
                chars[2 * i + 1] = "0123456789abcdef"[bytes[i] & 0xF];
            }
            return new string(chars);
        }

        public override bool CanRead => _inner.CanRead;
        public override bool CanSeek => false;
        public override bool CanWrite => _inner.CanWrite;
        public override long Length => _inner.Length;
        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => _inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // HttpClient may dispose the request content (and so this stream) before the caller asks for the digests.
                Finish();
                _md5?.Dispose();
                _sha512?.Dispose();
                if (!_leaveOpen) _inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
