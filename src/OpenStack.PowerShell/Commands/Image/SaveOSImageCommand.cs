using System.IO;
using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Downloads an image's data (`openstack image save`), streamed to a temporary file, verified against
    /// Glance's os_hash_value (or checksum), then moved into place. A failed download leaves no file behind.
    /// </summary>
    [Cmdlet(VerbsData.Save, "OSImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveOSImageCommand : ImageTargetCmdlet
    {
        /// <summary>A file to write, or an existing directory (the file is then named after the image).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Overwrite an existing file.</summary>
        [Parameter] public SwitchParameter Force { get; set; }

        protected override void Process(Client.Image.V2.Image image)
        {
            var target = TargetPath(image);
            if (File.Exists(target) && !Force)
            {
                WriteError(ErrorRecords.Create("ImageFileExists", ErrorCategory.ResourceExists,
                    $"The file '{target}' already exists; use -Force to overwrite it.", target));
                return;
            }
            if (!ShouldProcess($"{Describe(image)} to {target}", "Download image")) return;
            var partial = target + ".partial";
            var progress = new TransferProgress(image.Size ?? -1);
            var meter = new ProgressMeter(this, 2, $"Downloading image {image.Name ?? image.Id}", progress);
            try
            {
                ImageHashes hashes;
                using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
                {
                    hashes = Wait(Start(ct => Client.DownloadImageDataAsync(image.Id, stream, progress, DigestToVerify(image), ct)), meter.Tick);
                }
                Verify(image, hashes);
                if (File.Exists(target)) File.Delete(target);
                File.Move(partial, target);
                // Through the provider, as Get-Item gives it: a bare FileInfo lacks the provider notes (UnixStat, PSParentPath)
                // the file view reads, so its Mode, Size and directory would print blank.
                WriteObject(InvokeProvider.Item.Get(new[] { target }, true, true), true);
            }
            finally
            {
                meter.Complete();
                if (File.Exists(partial)) File.Delete(partial);
            }
        }

        private string TargetPath(Client.Image.V2.Image image)
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            if (!Directory.Exists(path)) return path;
            var name = string.IsNullOrEmpty(image.Name) ? image.Id : image.Name!;
            foreach (var c in System.IO.Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
            return System.IO.Path.Combine(path, name + "." + (image.DiskFormat ?? "img"));
        }

        private static bool HasSha512(Client.Image.V2.Image image) =>
            string.Equals(image.HashAlgorithm, "sha512", StringComparison.OrdinalIgnoreCase) && image.HashValue != null;

        /// <summary>Only the digest Verify checks is computed: hashing costs as much CPU as receiving the data.</summary>
        private static ImageDigests DigestToVerify(Client.Image.V2.Image image) =>
            HasSha512(image) ? ImageDigests.Sha512 : image.Checksum != null ? ImageDigests.Md5 : ImageDigests.None;

        private static void Verify(Client.Image.V2.Image image, ImageHashes hashes)
        {
            if (HasSha512(image))
            {
                if (!string.Equals(image.HashValue, hashes.Sha512, StringComparison.OrdinalIgnoreCase))
                    throw new ImageDataException(ImageDataProblem.ChecksumMismatch, $"The downloaded data of image {image.Id} does not match its os_hash_value (SHA-512); the file was not kept.");
            }
            else if (image.Checksum != null && !string.Equals(image.Checksum, hashes.Md5, StringComparison.OrdinalIgnoreCase))
            {
                throw new ImageDataException(ImageDataProblem.ChecksumMismatch, $"The downloaded data of image {image.Id} does not match its checksum (MD5); the file was not kept.");
            }
        }
    }
}
