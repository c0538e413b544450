using OpenStack.Client.Image.V2.Imports;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Copies active images into more stores with Glance's copy-image import (`openstack image import --method copy-image`).
    /// Every store must succeed unless -AllowFailure; -Wait waits until every asked store has the image.
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "OSImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameOrIdSet)]
    [OutputType(typeof(Client.Image.V2.Image))]
    public sealed class CopyOSImageCommand : ImageTargetCmdlet
    {
        /// <summary>The stores to copy the image into.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ImageStoreCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Store { get; set; }

        /// <summary>Copy into every store that does not have the image yet.</summary>
        [Parameter] public SwitchParameter AllStores { get; set; }

        /// <summary>all_stores_must_succeed = false: a store that fails is reported in FailedStores, not as an error.</summary>
        [Parameter] public SwitchParameter AllowFailure { get; set; }

        /// <summary>Wait until every asked store has the image.</summary>
        [Parameter] public new SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: seconds the copy may stand still before it is given up.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; } = 600;

        protected override void BeginProcessing()
        {
            if (AllStores == ((Store?.Length ?? 0) > 0))
                ThrowTerminatingError(ErrorRecords.Create("ImageArgumentInvalid", ErrorCategory.InvalidArgument,
                    "Say where to copy the image: -Store <name[]> or -AllStores (one of them).", null));
        }

        protected override void Process(Client.Image.V2.Image image)
        {
            var options = new ImportOptions(ImportMethods.CopyImage) { AllStores = AllStores, AllowFailure = AllowFailure };
            foreach (var store in Store ?? Array.Empty<string>()) options.Stores.Add(store);
            var importer = new ImageImporter(Client);
            var stores = Run(ct => importer.PrepareAsync(options, ct));
            if (!ShouldProcess(Describe(image), $"Copy image to store(s) {string.Join(", ", stores)}")) return;
            var progress = new ImportProgress();
            var meter = new ImportProgressMeter(this, $"Copying image {Describe(image)}", progress, null);
            var waiter = Wait ? new ImportWaiter(Client, TimeSpan.FromSeconds(Timeout)) : null;
            try
            {
                WriteObject(base.Wait(Start(ct => importer.CopyAsync(image, options, stores, waiter, progress, ct)), meter.Tick));
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
