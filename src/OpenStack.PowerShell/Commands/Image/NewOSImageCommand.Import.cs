using System.IO;
using OpenStack.Client.Image.V2;
using OpenStack.Client.Image.V2.Imports;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>New-OSImage's imports: -Uri (web-download) and -File -UseImport (stage + glance-direct); the store and wait parameters are ImageImportCmdlet's.</summary>
    public sealed partial class NewOSImageCommand
    {
        /// <summary>Stage the file and import it with glance-direct (what import plugins such as conversion need), instead of a plain upload.</summary>
        [Parameter(ParameterSetName = FileSet)] public SwitchParameter UseImport { get; set; }

        private void ProcessImport(CreateImageOptions options, string path)
        {
            var import = ImportOptionsFor(ParameterSetName == UriSet ? ImportMethods.WebDownload : ImportMethods.GlanceDirect);
            import.Uri = Uri;
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
                var staging = file != null ? new TransferProgress(file.Length) : null;
                RunImport($"Importing image {Name} ({import.Method})", staging,
                    (waiter, progress, ct) => importer.ImportNewAsync(record, import, stores, file, staging, waiter, progress, KeepOnFailure, ct));
            });
        }
    }
}
