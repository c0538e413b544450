using System.IO;

namespace OpenStack.Client.Http
{
    /// <summary>
    /// Copies a stream with reading and writing overlapped: while one buffer is written (and hashed, the costly part of a
    /// verified download), the next is read from the network. A plain CopyToAsync alternates the two, so a download ran
    /// at the speed of read + hash + write added up rather than at the slowest of them. Two fixed buffers: memory stays flat.
    /// </summary>
    internal static class PipelinedCopy
    {
        public static async Task CopyAsync(Stream source, Stream destination, int bufferSize, CancellationToken cancellationToken)
        {
            var buffers = new[] { new byte[bufferSize], new byte[bufferSize] };
            var writing = Task.CompletedTask;
            var current = 0;
            try
            {
                while (true)
                {
                    var buffer = buffers[current];
                    var filled = await FillAsync(source, buffer, cancellationToken).ConfigureAwait(false);
                    await writing.ConfigureAwait(false); // the other buffer is free again
                    if (filled == 0) return;
                    writing = Task.Run(() => destination.Write(buffer, 0, filled), cancellationToken);
                    current ^= 1;
                }
            }
            catch
            {
                // Never leave a write running into a destination the caller is about to close.
                try { await writing.ConfigureAwait(false); } catch { /* the first failure is the one reported */ }
                throw;
            }
        }

        /// <summary>Reads until the buffer is full or the source ends: fewer, larger hand-offs to the writer.</summary>
        private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
        {
            var filled = 0;
            while (filled < buffer.Length)
            {
                var read = await source.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                filled += read;
            }
            return filled;
        }
    }
}
