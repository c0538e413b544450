namespace OpenStack.Client.Http
{
    /// <summary>
    /// Bytes moved so far by an upload or download. Written by the transfer, read by whoever shows
    /// progress (a cmdlet must write progress from its own thread, so it polls rather than being called back).
    /// </summary>
    public sealed class TransferProgress
    {
        private long _done;

        public TransferProgress(long total) => Total = total;

        /// <summary>Total bytes, or -1 when unknown.</summary>
        public long Total { get; internal set; }
        public long Done => Interlocked.Read(ref _done);

        internal void Add(long bytes) => Interlocked.Add(ref _done, bytes);
    }
}
