using System.IO;
using OpenStack.Client.Image.V2.Stores;

namespace OpenStack.Client.Image.V2.Imports
{
    /// <summary>
    /// New-OSImage -Uri / -UseImport and Copy-OSImage: check what can be checked before anything is created (the
    /// URL, the stores), create the record, stage, import, wait. If anything fails once a record was made for the
    /// import, the record is deleted (unless kept) and the error says which image it was and what became of it.
    /// </summary>
    public sealed class ImageImporter
    {
        private readonly ImageClient _client;

        public ImageImporter(ImageClient client) => _client = client;

        /// <summary>Validates the request and returns the stores it means (asked, all, or the default), each checked to exist.</summary>
        public async Task<IReadOnlyList<string>> PrepareAsync(ImportOptions options, CancellationToken cancellationToken)
        {
            options.Validate();
            return await _client.ResolveStoresAsync(options.Stores, options.AllStores, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Imports into a record made for it (<paramref name="file"/> staged first for glance-direct). With
        /// <paramref name="wait"/>, returns the image once every store has it; else as it is once Glance took the request.
        /// </summary>
        public async Task<Image> ImportNewAsync(Image record, ImportOptions options, IReadOnlyList<string> stores, FileInfo? file, TransferProgress? staging,
            ImportWaiter? wait, ImportProgress? progress, bool keepOnFailure, CancellationToken cancellationToken)
        {
            try
            {
                ImageHashes? hashes = null;
                if (file != null)
                {
                    using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
                    hashes = await _client.StageAsync(record.Id, stream, file.Length, staging, cancellationToken).ConfigureAwait(false);
                }
                var image = await StartAndWaitAsync(record.Id, options, stores, wait, progress, cancellationToken).ConfigureAwait(false);
                if (hashes != null && wait != null) ImageUploader.Verify(image, hashes);
                return image;
            }
            catch (Exception ex) when (ex is OpenStackException || ex is IOException || ex is OperationCanceledException)
            {
                var deleted = !keepOnFailure && await ImageUploader.TryDeleteAsync(_client, record.Id).ConfigureAwait(false);
                if (ex is ImageImportException import) throw import.WithRecordFate(record.Id, record.Name, deleted, keepOnFailure);
                throw new ImageUploadException(record.Id, record.Name, deleted, keepOnFailure, ex);
            }
        }

        /// <summary>copy-image of an existing, active image into more stores; the image is never deleted on failure.</summary>
        public Task<Image> CopyAsync(Image image, ImportOptions options, IReadOnlyList<string> stores, ImportWaiter? wait, ImportProgress? progress,
            CancellationToken cancellationToken)
        {
            if (!options.AllStores)
            {
                foreach (var store in stores)
                {
                    if (image.Stores.Contains(store))
                        throw new ImageImportException(ImageImportProblem.AlreadyInStore,
                            $"Image '{image.Name}' ({image.Id}) is already in store '{store}'; it is in {string.Join(", ", image.Stores)}.", imageId: image.Id);
                }
            }
            return StartAndWaitAsync(image.Id, options, stores, wait, progress, cancellationToken);
        }

        private async Task<Image> StartAndWaitAsync(string imageId, ImportOptions options, IReadOnlyList<string> stores, ImportWaiter? wait,
            ImportProgress? progress, CancellationToken cancellationToken)
        {
            var before = wait == null ? null : await wait.KnownTasksAsync(imageId, cancellationToken).ConfigureAwait(false);
            await _client.StartImportAsync(imageId, options, cancellationToken).ConfigureAwait(false);
            if (wait == null) return await _client.GetImageAsync(imageId, cancellationToken).ConfigureAwait(false);
            return await wait.WaitAsync(imageId, stores, options.AllowFailure, before!, progress, cancellationToken).ConfigureAwait(false);
        }
    }
}
