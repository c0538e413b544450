using System.Collections;
using System.IO;
using System.Threading.Tasks;
using OpenStack.Client.Image.V2;
using OpenStack.Client.Image.V2.Stores;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Creates an image and uploads a file into it (`openstack image create --file`), returning it active; or
    /// has Glance import it: from a URL (-Uri, web-download) or from a staged file (-File -UseImport,
    /// glance-direct), into chosen stores, waiting with -Wait. The file, formats, URL and stores are checked
    /// before the record is created; a failed upload or import deletes the record (unless -KeepOnFailure) and
    /// the error names it.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OSImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = FileSet)]
    [OutputType(typeof(Client.Image.V2.Image), typeof(Job))]
    public sealed partial class NewOSImageCommand : ImageImportCmdlet
    {
        private const string FileSet = "File";
        private const string UriSet = "Uri";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The image file. Read as a stream: any size, constant memory.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = FileSet)]
        [Alias("Path", "FullName")]
        [ValidateNotNullOrEmpty]
        public string File { get; set; } = string.Empty;

        /// <summary>An http(s) URL Glance fetches the data from itself (the web-download import).</summary>
        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        [ValidateNotNull]
        public Uri? Uri { get; set; }

        /// <summary>qcow2, raw, vmdk, … When absent: qcow2 if the file is one (by its header), else by extension, else raw.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(DiskFormatCompleter))]
        public string? DiskFormat { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ContainerFormatCompleter))]
        public string ContainerFormat { get; set; } = "bare";

        [Parameter]
        [ValidateSet("public", "private", "shared", "community", IgnoreCase = true)]
        public string? Visibility { get; set; }

        /// <summary>Minimum disk size in GiB a server booted from the image needs.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? MinDisk { get; set; }

        /// <summary>Minimum RAM in MiB a server booted from the image needs.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? MinRam { get; set; }

        [Parameter] public SwitchParameter Protected { get; set; }

        /// <summary>Custom properties, e.g. @{ os_distro = 'cirros'; hw_disk_bus = 'virtio' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>Keep the image record if the upload fails (default: delete it).</summary>
        [Parameter] public SwitchParameter KeepOnFailure { get; set; }

        /// <summary>Upload in a background job (Receive-Job gives the image; Stop-Job cancels and removes the record).</summary>
        [Parameter(ParameterSetName = FileSet)] public SwitchParameter AsJob { get; set; }

        protected override string ErrorNoun => "Image";

        protected override void ProcessRecord()
        {
            var path = ParameterSetName == UriSet ? Uri!.AbsolutePath : GetUnresolvedProviderPathFromPSPath(File);
            var options = new CreateImageOptions
            {
                Name = Name,
                DiskFormat = (DiskFormat ?? DiskFormatDetector.Detect(path)).ToLowerInvariant(),
                ContainerFormat = ContainerFormat.ToLowerInvariant(),
                Visibility = Visibility?.ToLowerInvariant(),
                MinDisk = MinDisk,
                MinRam = MinRam,
                Protected = MyInvocation.BoundParameters.ContainsKey(nameof(Protected)) ? Protected.ToBool() : (bool?)null,
            };
            foreach (var tag in Tag ?? Array.Empty<string>()) options.Tags.Add(tag);
            if (Property != null)
            {
                foreach (DictionaryEntry pair in Property) options.Properties[pair.Key.ToString()!] = pair.Value?.ToString() ?? string.Empty;
            }

            if (ParameterSetName == UriSet || UseImport)
            {
                ProcessImport(options, path);
                return;
            }
            if (AllStores || AllowFailure || (Store?.Length ?? 0) > 1)
            {
                WriteError(ErrorRecords.Create("ImageArgumentInvalid", ErrorCategory.InvalidArgument,
                    "A plain upload puts the data in one store: -AllStores, -AllowFailure and several -Store names need an import (add -UseImport).", path));
                return;
            }
            FileInfo file;
            try
            {
                file = ImageUploader.ValidateInput(options, path);
            }
            catch (ImageInputException ex)
            {
                WriteFailure(ex, path);
                return;
            }
            if (!ShouldProcess($"{Name} ({options.DiskFormat}/{options.ContainerFormat}, {file.Length:N0} bytes from {file.FullName})", "Create image")) return;

            var client = CreateClient(s => new ImageClient(s));
            var uploader = new ImageUploader(client);
            if (AsJob)
            {
                StartJob(uploader, options, file, path);
                return;
            }
            var store = Store?.Length == 1 ? Store[0] : null;
            ForEachInput(path, () =>
            {
                // The store is checked before the record exists: an unknown one leaves nothing behind.
                if (store != null) Run(ct => client.ResolveStoresAsync(new[] { store }, false, ct));
                var record = Run(ct => uploader.CreateRecordAsync(options, ct));
                WriteVerbose($"Created image {record.Id} ({record.Status}); uploading {file.Length:N0} bytes.");
                var progress = new TransferProgress(file.Length);
                var meter = new ProgressMeter(this, 1, $"Uploading image {Name}", progress);
                try
                {
                    var image = base.Wait(Start(ct => uploader.UploadAsync(record, file, KeepOnFailure, progress, ct, store)), meter.Tick);
                    WriteObject(image);
                }
                catch (ImageUploadException) when (CancellationToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                finally
                {
                    meter.Complete();
                }
            }, ("Creating image", Name!));
        }
    
        private void StartJob(ImageUploader uploader, CreateImageOptions options, FileInfo file, string path)
        {
            var job = new OpenStackJob(MyInvocation.Line, ErrorNoun, path);
            JobRepository.Add(job);
            var keep = KeepOnFailure.IsPresent;
            job.Start(async (j, ct) =>
            {
                var record = await uploader.CreateRecordAsync(options, ct).ConfigureAwait(false);
                var progress = new TransferProgress(file.Length);
                var meter = new ProgressMeter(j.WriteProgress, 1, $"Uploading image {options.Name}", progress);
                var upload = uploader.UploadAsync(record, file, keep, progress, ct);
                while (await Task.WhenAny(upload, Task.Delay(500)).ConfigureAwait(false) != upload) meter.Tick();
                meter.Complete();
                j.WriteObject(await upload.ConfigureAwait(false));
            });
            WriteObject(job);
        }
    }
}
