using System.Diagnostics;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>Shows a transfer's progress (percent, MiB, MiB/s, time left); called from the cmdlet's thread.</summary>
    internal sealed class ProgressMeter
    {
        private readonly Action<ProgressRecord> _write;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly TransferProgress _progress;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public ProgressMeter(Cmdlet cmdlet, int activityId, string activity, TransferProgress progress)
            : this(cmdlet.WriteProgress, activityId, activity, progress) { }

        /// <summary>A meter that writes somewhere else than a cmdlet's progress stream (a background job's).</summary>
        public ProgressMeter(Action<ProgressRecord> write, int activityId, string activity, TransferProgress progress)
        {
            _write = write;
            _activityId = activityId;
            _activity = activity;
            _progress = progress;
        }

        public void Tick()
        {
            var done = _progress.Done;
            var total = _progress.Total;
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            var rate = done / seconds;
            var status = total > 0
                ? $"{Mib(done)} of {Mib(total)} MiB, {Mib((long)rate)} MiB/s"
                : $"{Mib(done)} MiB, {Mib((long)rate)} MiB/s";
            var record = new ProgressRecord(_activityId, _activity, status);
            if (total > 0)
            {
                record.PercentComplete = (int)Math.Min(100, done * 100 / total);
                if (rate > 0) record.SecondsRemaining = (int)((total - done) / rate);
            }
            _write(record);
        }

        public void Complete() =>
            _write(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });

        private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
