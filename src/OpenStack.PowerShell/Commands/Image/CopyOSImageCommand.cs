using OpenStack.Client.Image.V2.Imports;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Copies active images into more stores with Glance's copy-image import (`openstack image import --method copy-image`).
    /// Every store must succeed unless -AllowFailure; -Wait waits until every asked store has the image.
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "OSImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Client.Image.V2.Image))]
    public sealed class CopyOSImageCommand : ImageImportCmdlet
    {
        /// <summary>Image names, ids or wildcards; images (and image members, by ImageId) bind from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "ImageId"), SupportsWildcards, ArgumentCompleter(typeof(ImageNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Image { get => Targets; set => Targets = value; }

        protected override void BeginProcessing()
        {
            if (AllStores == ((Store?.Length ?? 0) > 0))
                ThrowTerminatingError(ErrorRecords.Create("ImageArgumentInvalid", ErrorCategory.InvalidArgument,
                    "Say where to copy the image: -Store <name[]> or -AllStores (one of them).", null));
        }

        protected override void ProcessRecord() => ForEachTarget(Copy);

        private void Copy(Client.Image.V2.Image image)
        {
            var options = ImportOptionsFor(ImportMethods.CopyImage);
            var importer = new ImageImporter(Client);
            var stores = Run(ct => importer.PrepareAsync(options, ct));
            if (!ShouldProcess(Describe(image), $"Copy image to store(s) {string.Join(", ", stores)}")) return;
            RunImport($"Copying image {Describe(image)}", null, (waiter, progress, ct) => importer.CopyAsync(image, options, stores, waiter, progress, ct));
        }
    }
}
