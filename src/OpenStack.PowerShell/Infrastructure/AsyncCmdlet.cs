using System;
using System.Management.Automation;
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

        protected CancellationToken CancellationToken => _cancellation.Token;

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Waits for <paramref name="work"/>; a cancellation caused by Ctrl+C stops the pipeline quietly.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> work) => Wait(work(CancellationToken), null);

        protected void Run(Func<CancellationToken, Task> work) => Wait(RunToBool(work(CancellationToken)), null);

        /// <summary>Waits while calling <paramref name="onTick"/> from this thread, so progress can be written as work goes.</summary>
        protected T Wait<T>(Task<T> task, Action? onTick, int tickMilliseconds = 250)
        {
            try
            {
                if (onTick != null)
                {
                    while (!task.Wait(tickMilliseconds)) onTick();
                }
                return task.GetAwaiter().GetResult();
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                return Rethrow<T>(ex.InnerException!);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
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
