using System.IO;
using OpenStack.Client.Image.V2;
using OpenStack.Client.Image.V2.Imports;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>New-OSImage's import parameters: -Uri (web-download) and -File -UseImport (stage + glance-direct).</summary>
    public sealed partial class NewOSImageCommand
    {
        /// <summary>Stage the file and import it with glance-direct (what import plugins such as conversion need), instead of a plain upload.</summary>
        [Parameter(ParameterSetName = FileSet)] public SwitchParameter UseImport { get; set; }

        /// <summary>The stores to put the data in (a plain upload takes one; an import several). Default: Glance's default store.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ImageStoreCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Store { get; set; }

        /// <summary>Import into every store Glance has.</summary>
        [Parameter] public SwitchParameter AllStores { get; set; }

        /// <summary>all_stores_must_succeed = false: the import ends active if at least one store got the data (default: every store must).</summary>
        [Parameter] public SwitchParameter AllowFailure { get; set; }

        /// <summary>Wait until the image is active in every asked store, showing the stores done and Glance's task message.</summary>
        [Parameter] public new SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: seconds the import may stand still (no change of status, stores or task message) before it is given up.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; } = 600;

        private void ProcessImport(CreateImageOptions options, string path)
        {
            var import = new ImportOptions(ParameterSetName == UriSet ? ImportMethods.WebDownload : ImportMethods.GlanceDirect)
            {
                Uri = Uri, AllStores = AllStores, AllowFailure = AllowFailure,
            };
            foreach (var store in Store ?? Array.Empty<string>()) import.Stores.Add(store);
            object target = (object?)Uri ?? path;
            FileInfo? file = null;
            try
            {
                if (AsJob) throw new ArgumentException("-AsJob is for a plain upload; an import waits with -Wait.");
                import.Validate();
                if (ParameterSetName == UriSet) ImageUploader.ValidateFormats(options);
                else file = ImageUploader.ValidateInput(options, path);
            }
            catch (Exception ex) when (ex is ImageInputException || ex is ImageImportException || ex is ArgumentException)
            {
                WriteFailure(ex, target);
                return;
            }
            var source = file != null ? $"{file.Length:N0} bytes from {file.FullName}, staged" : Uri!.ToString();
            if (!ShouldProcess($"{Name} ({options.DiskFormat}/{options.ContainerFormat}, {source})", $"Create image and import it ({import.Method})")) return;

            var client = CreateClient(s => new ImageClient(s));
            var importer = new ImageImporter(client);
            ForEachInput(target, () =>
            {
                // URL and stores are checked before the record exists: a refusal leaves nothing behind.
                var stores = Run(ct => importer.PrepareAsync(import, ct));
                var record = Run(ct => client.CreateImageAsync(options, ct));
                WriteVerbose($"Created image {record.Id} ({record.Status}); importing it with {import.Method} into {string.Join(", ", stores)}.");
                var progress = new ImportProgress();
                var staging = file != null ? new TransferProgress(file.Length) : null;
                var meter = new ImportProgressMeter(this, $"Importing image {Name} ({import.Method})", progress, staging);
                var waiter = Wait ? new ImportWaiter(client, TimeSpan.FromSeconds(Timeout)) : null;
                try
                {
                    WriteObject(base.Wait(Start(ct => importer.ImportNewAsync(record, import, stores, file, staging, waiter, progress, KeepOnFailure, ct)), meter.Tick));
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
            });
        }
    }
}
