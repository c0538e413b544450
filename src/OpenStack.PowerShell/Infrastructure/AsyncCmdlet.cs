using System.Threading;
using System.Threading.Tasks;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// Runs the client's async calls on the pipeline thread (cmdlets may only write from it), and cancels
    /// in-flight HTTP when the user presses Ctrl+C (<see cref="StopProcessing"/>).
    /// </summary>
    public abstract class AsyncCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        // What the client did on its own (retries, pages; and the HTTP trace), heard on its threads and written as
        // Verbose (Debug for the trace) from the pipeline's.
        private readonly System.Collections.Concurrent.ConcurrentQueue<(bool Trace, string Text)> _notices = new System.Collections.Concurrent.ConcurrentQueue<(bool, string)>();
        private bool? _traceToDebug;
        private bool? _noticesToVerbose;

        /// <summary>
        /// Writes a Verbose line the module adds on its own (a page, a retry, a first-use connection) only when
        /// Verbose is on: under -Debug alone PowerShell makes Verbose "Inquire", and each page must not prompt.
        /// </summary>
        protected void WriteNotice(string text)
        {
            if (_noticesToVerbose ??= HttpTrace.VerboseIsOn(this)) base.WriteVerbose(text);
        }

        /// <summary>
        /// Every cmdlet's Verbose line goes through <see cref="WriteNotice"/> (this hides Cmdlet.WriteVerbose for the
        /// module's cmdlets), so that `-Debug` alone never prompts nor, in pwsh -NonInteractive, fails.
        /// </summary>
        protected new void WriteVerbose(string text) => WriteNotice(text);

        protected CancellationToken CancellationToken => _cancellation.Token;

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Waits for <paramref name="work"/>; a cancellation caused by Ctrl+C stops the pipeline quietly.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> work) => Wait(Start(work), null);

        protected void Run(Func<CancellationToken, Task> work) => Wait(Start(ct => RunToBool(work(ct))), null);

        /// <summary>Starts <paramref name="work"/> so that the client's notices (retries) reach this cmdlet's Verbose stream.</summary>
        protected Task<T> Start<T>(Func<CancellationToken, Task<T>> work)
        {
            Action<string>? trace = HttpTrace.IsWanted(this) ? line => _notices.Enqueue((true, line)) : (Action<string>?)null;
            using (OpenStack.Client.Http.RequestNotices.Listen(notice => _notices.Enqueue((false, notice)), trace)) return work(CancellationToken);
        }

        /// <summary>Waits while calling <paramref name="onTick"/> from this thread, so progress can be written as work goes.</summary>
        protected T Wait<T>(Task<T> task, Action? onTick, int tickMilliseconds = 250)
        {
            try
            {
                while (!task.Wait(tickMilliseconds))
                {
                    try
                    {
                        WriteNotices();
                        onTick?.Invoke();
                    }
                    catch (PipelineStoppedException)
                    {
                        // Ctrl+C: PowerShell refuses the tick's progress record. The work is cancelled but may still
                        // be cleaning up (deleting the record of a stopped upload): returning now would let the user
                        // see, or make, what is about to be deleted. Its clean-up has a time limit of its own.
                        AwaitCleanUp(task);
                        throw;
                    }
                }
                WriteNotices();
                return task.GetAwaiter().GetResult();
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                // What led to the failure (the trace of the refused request, its body) is worth most now.
                if (!CancellationToken.IsCancellationRequested) WriteNotices();
                return Rethrow<T>(ex.InnerException!);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private static void AwaitCleanUp(Task task)
        {
            try { task.Wait(CleanUpLimit); }
            catch (AggregateException) { } // cancelled or failed: either way, it has ended
        }

        /// <summary>Longest wait for a stopped call's clean-up (the client gives its own clean-up requests 30 s).</summary>
        private static readonly TimeSpan CleanUpLimit = TimeSpan.FromSeconds(35);

        private void WriteNotices()
        {
            while (_notices.TryDequeue(out var notice))
            {
                if (!notice.Trace) WriteNotice(notice.Text);
                else if (_traceToDebug ??= HttpTrace.DebugIsOn(this)) WriteDebug(notice.Text);
                else HttpTrace.WriteToStandardError(notice.Text);
            }
        }

        private T Rethrow<T>(Exception inner)
        {
            if (inner is OperationCanceledException && CancellationToken.IsCancellationRequested) throw new PipelineStoppedException();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            return default!;
        }

        private static async Task<bool> RunToBool(Task task)
        {
            await task.ConfigureAwait(false);
            return true;
        }

        public void Dispose()
        {
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
