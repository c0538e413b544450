using System.IO;

namespace OpenStack.Client.Image.V2
{
    /// <summary>
    /// `openstack image create --file`: validate everything that can be checked locally, create the record,
    /// stream the data, check Glance's digests against ours. If anything fails once the record exists, the
    /// record is deleted (unless the caller keeps it) and the error says which image it was.
    /// </summary>
    public sealed class ImageUploader
    {
        private readonly ImageClient _client;

        public ImageUploader(ImageClient client) => _client = client;

        /// <summary>Checks the file and formats; throws <see cref="ImageInputException"/> before anything is sent.</summary>
        public static FileInfo ValidateInput(CreateImageOptions options, string path)
        {
            if (!CreateImageOptions.DiskFormats.Contains(options.DiskFormat))
                throw new ImageInputException(ImageInputProblem.DiskFormatUnknown,
                    $"'{options.DiskFormat}' is not a disk format Glance accepts ({string.Join(", ", CreateImageOptions.DiskFormats)}).");
            if (!CreateImageOptions.ContainerFormats.Contains(options.ContainerFormat))
                throw new ImageInputException(ImageInputProblem.ContainerFormatUnknown,
                    $"'{options.ContainerFormat}' is not a container format Glance accepts ({string.Join(", ", CreateImageOptions.ContainerFormats)}).");
            if (Directory.Exists(path))
                throw new ImageInputException(ImageInputProblem.FileIsDirectory, $"'{path}' is a directory, not an image file.");
            var file = new FileInfo(path);
            if (!file.Exists) throw new ImageInputException(ImageInputProblem.FileNotFound, $"The file '{path}' does not exist.");
            if (file.Length == 0) throw new ImageInputException(ImageInputProblem.FileEmpty, $"The file '{path}' is empty.");
            try
            {
                using (File.OpenRead(path)) { }
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is IOException)
            {
                throw new ImageInputException(ImageInputProblem.FileUnreadable, $"The file '{path}' cannot be read: {ex.Message}");
            }
            return file;
        }

        /// <summary>Creates the record (queued); the caller may report it before the long upload starts.</summary>
        public Task<Image> CreateRecordAsync(CreateImageOptions options, CancellationToken cancellationToken) =>
            _client.CreateImageAsync(options, cancellationToken);

        /// <summary>
        /// Uploads <paramref name="file"/> into a queued <paramref name="image"/> and returns it as Glance then
        /// shows it (active). On failure, deletes the record unless <paramref name="keepOnFailure"/>.
        /// </summary>
        public async Task<Image> UploadAsync(Image image, FileInfo file, bool keepOnFailure, TransferProgress progress, CancellationToken cancellationToken)
        {
            try
            {
                ImageHashes hashes;
                using (var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
                {
                    hashes = await _client.UploadImageDataAsync(image.Id, stream, file.Length, progress, cancellationToken).ConfigureAwait(false);
                }
                var uploaded = await _client.GetImageAsync(image.Id, cancellationToken).ConfigureAwait(false);
                Verify(uploaded, hashes);
                return uploaded;
            }
            catch (Exception ex) when (ex is OpenStackException || ex is IOException || ex is OperationCanceledException)
            {
                var deleted = !keepOnFailure && await TryDeleteAsync(image.Id).ConfigureAwait(false);
                throw new ImageUploadException(image.Id, image.Name, deleted, keepOnFailure, ex);
            }
        }

        private static void Verify(Image uploaded, ImageHashes hashes)
        {
            if (uploaded.Size.HasValue && uploaded.Size.Value != hashes.Length)
                throw new ImageDataException(ImageDataProblem.ChecksumMismatch, $"Glance stored {uploaded.Size} bytes but {hashes.Length} were sent.");
            if (uploaded.Checksum != null && !string.Equals(uploaded.Checksum, hashes.Md5, StringComparison.OrdinalIgnoreCase))
                throw new ImageDataException(ImageDataProblem.ChecksumMismatch, $"Glance's checksum {uploaded.Checksum} differs from the file's MD5 {hashes.Md5}.");
            if (string.Equals(uploaded.HashAlgorithm, "sha512", StringComparison.OrdinalIgnoreCase) && uploaded.HashValue != null &&
                !string.Equals(uploaded.HashValue, hashes.Sha512, StringComparison.OrdinalIgnoreCase))
                throw new ImageDataException(ImageDataProblem.ChecksumMismatch, "Glance's os_hash_value differs from the file's SHA-512.");
        }

        private async Task<bool> TryDeleteAsync(string id)
        {
            // The caller's token may be cancelled (Ctrl+C): the clean-up still gets a short time of its own.
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _client.DeleteImageAsync(id, cleanup.Token).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex) when (ex is OpenStackException || ex is OperationCanceledException)
            {
                return false;
            }
        }
    }

    public enum ImageInputProblem
    {
        FileNotFound,
        FileIsDirectory,
        FileEmpty,
        FileUnreadable,
        DiskFormatUnknown,
        ContainerFormatUnknown,
    }

    public enum ImageDataProblem
    {
        /// <summary>Glance has no data for the image (204 on download: queued, or its upload failed).</summary>
        HasNoData,
        /// <summary>The bytes that arrived are not the bytes Glance's digests describe.</summary>
        ChecksumMismatch,
    }

    /// <summary>The image's data is missing or not what its digests say.</summary>
    public sealed class ImageDataException : OpenStackException
    {
        public ImageDataException(ImageDataProblem problem, string message) : base(message) => Problem = problem;

        public ImageDataProblem Problem { get; }
    }

    /// <summary>Bad local input, found before any request was sent.</summary>
    public sealed class ImageInputException : OpenStackException
    {
        public ImageInputException(ImageInputProblem problem, string message) : base(message) => Problem = problem;

        public ImageInputProblem Problem { get; }
    }

    /// <summary>The record was created but its data did not arrive intact; says what became of the record.</summary>
    public sealed class ImageUploadException : OpenStackException
    {
        public ImageUploadException(string imageId, string? imageName, bool deleted, bool kept, Exception inner)
            : base(Compose(imageId, imageName, deleted, kept, inner), inner)
        {
            ImageId = imageId;
            Deleted = deleted;
        }

        public string ImageId { get; }
        public bool Deleted { get; }

        private static string Compose(string id, string? name, bool deleted, bool kept, Exception inner)
        {
            var what = inner is OperationCanceledException ? "was stopped" : "failed: " + inner.Message;
            var fate = deleted ? "The image record was deleted."
                : kept ? "The image record was kept, as asked; delete it with Remove-OSImage when done."
                : "Deleting the image record failed too: remove it with Remove-OSImage " + id + ".";
            return $"The upload of image '{name}' ({id}) {what} {fate}";
        }
    }
}
