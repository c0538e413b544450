using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Image.V2;
using OpenStack.Client.Image.V2.Imports;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Base of the cmdlets that run a Glance import (New-OSImage -Uri / -UseImport, Copy-OSImage): the store and wait
    /// parameters they share, declared once, and the import run with its progress bar.
    /// </summary>
    public abstract class ImageImportCmdlet : ResourceCmdlet<ImageClient, Client.Image.V2.Image>
    {
        /// <summary>The stores to put the data in (a plain upload takes one; an import several). Default: Glance's default store.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ImageStoreCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Store { get; set; }

        /// <summary>Into every store Glance has (that does not have the image yet).</summary>
        [Parameter] public SwitchParameter AllStores { get; set; }

        /// <summary>all_stores_must_succeed = false: a store that fails is reported in FailedStores, not as an error.</summary>
        [Parameter] public SwitchParameter AllowFailure { get; set; }

        /// <summary>Wait until the image is active in every asked store, showing the stores done and Glance's task message.</summary>
        [Parameter] public new SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: seconds the import may stand still (no change of status, stores or task message) before it is given up.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; } = 600;

        protected override ResourceDescriptor<Client.Image.V2.Image> Resource => Images.Resource;

        /// <summary>The import options these parameters give, for <paramref name="method"/>.</summary>
        protected ImportOptions ImportOptionsFor(string method)
        {
            var options = new ImportOptions(method) { AllStores = AllStores, AllowFailure = AllowFailure };
            foreach (var store in Store ?? Array.Empty<string>()) options.Stores.Add(store);
            return options;
        }

        /// <summary>
        /// Runs an import, showing its progress, and writes the image it ends with; -Wait gives the work a waiter.
        /// Ctrl+C stops the pipeline rather than reporting the cancelled request.
        /// </summary>
        protected void RunImport(string activity, TransferProgress? staging, Func<ImportWaiter?, ImportProgress, CancellationToken, Task<Client.Image.V2.Image>> work)
        {
            var progress = new ImportProgress();
            var meter = new ImportProgressMeter(this, activity, progress, staging);
            var waiter = Wait ? new ImportWaiter(Client, TimeSpan.FromSeconds(Timeout)) : null;
            try
            {
                WriteObject(base.Wait(Start(ct => work(waiter, progress, ct)), meter.Tick));
            }
            catch (OpenStackException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                // The last state seen (a short import may end between two ticks), then done.
                meter.Tick();
                meter.Complete();
            }
        }
    }
}
