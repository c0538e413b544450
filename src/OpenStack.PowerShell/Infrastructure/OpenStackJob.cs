using System.Threading;
using System.Threading.Tasks;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// The job -AsJob returns: client work run off the pipeline thread, its objects, errors and progress kept in the
    /// job's streams for Receive-Job, and Stop-Job cancelling the HTTP calls. Everything that needs the cmdlet
    /// (parameter checks, -WhatIf/-Confirm, the session) is settled before the job starts.
    /// </summary>
    internal sealed class OpenStackJob : Job
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly string _errorNoun;
        private readonly object? _target;

        public OpenStackJob(string command, string errorNoun, object? target) : base(command)
        {
            PSJobTypeName = "OpenStackJob";
            _errorNoun = errorNoun;
            _target = target;
        }

        public override string StatusMessage => string.Empty;

        public override bool HasMoreData => Output.Count > 0 || Error.Count > 0 || Progress.Count > 0 || Verbose.Count > 0;

        public override string Location => "localhost";

        public void WriteObject(object value) => Output.Add(PSObject.AsPSObject(value));

        public void WriteProgress(ProgressRecord record) => Progress.Add(record);

        public void Start(Func<OpenStackJob, CancellationToken, Task> work)
        {
            SetJobState(JobState.Running);
            Task.Run(async () =>
            {
                try
                {
                    await work(this, _cancellation.Token).ConfigureAwait(false);
                    SetJobState(JobState.Completed);
                }
                catch (Exception) when (_cancellation.IsCancellationRequested)
                {
                    SetJobState(JobState.Stopped);
                }
                catch (Exception ex)
                {
                    Error.Add(ErrorRecords.From(ex, _errorNoun, _target));
                    SetJobState(JobState.Failed);
                }
            });
        }

        public override void StopJob()
        {
            _cancellation.Cancel();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _cancellation.Dispose();
            base.Dispose(disposing);
        }
    }
}
