using OpenStack.Client.Image.V2.Imports;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// Shows an import's progress: the staging transfer first (when there is one), then the stores done / to do
    /// and Glance's task message. Called from the cmdlet's thread, reading what the waiter last saw.
    /// </summary>
    internal sealed class ImportProgressMeter
    {
        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private readonly ImportProgress _import;
        private readonly ProgressMeter? _staging;
        private readonly TransferProgress? _transfer;

        public ImportProgressMeter(Cmdlet cmdlet, string activity, ImportProgress import, TransferProgress? staging)
        {
            _cmdlet = cmdlet;
            _activity = activity;
            _import = import;
            _transfer = staging;
            if (staging != null) _staging = new ProgressMeter(cmdlet, 2, "Staging " + activity, staging);
        }

        public void Tick()
        {
            var snapshot = _import.Latest;
            if (snapshot == null)
            {
                if (_staging != null && _transfer!.Done < _transfer.Total) _staging.Tick();
                else _cmdlet.WriteProgress(new ProgressRecord(1, _activity, "Waiting for Glance to start the import"));
                return;
            }
            _staging?.Complete();
            var total = snapshot.Done.Count + snapshot.ToDo.Count + snapshot.Failed.Count;
            var record = new ProgressRecord(1, _activity, snapshot.Describe());
            if (total > 0) record.PercentComplete = Math.Min(100, (snapshot.Done.Count + snapshot.Failed.Count) * 100 / total);
            _cmdlet.WriteProgress(record);
        }

        public void Complete()
        {
            _staging?.Complete();
            _cmdlet.WriteProgress(new ProgressRecord(1, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
