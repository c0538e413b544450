namespace OpenStack.Client.Image.V2.Imports
{
    /// <summary>What went wrong with an import, a store or a member; the ErrorId is "Image" + the name.</summary>
    public enum ImageImportProblem
    {
        /// <summary>A URL web-download cannot take (not http/https), refused before any request.</summary>
        UriInvalid,
        /// <summary>Glance's import filtering refused the URL (400 "does not pass filtering").</summary>
        UriRefused,
        /// <summary>A store Glance does not have (409 "Store for identifier … not found", or not in /v2/info/stores).</summary>
        StoreNotFound,
        /// <summary>copy-image to a store that already has the image (400 "Image is already present at store").</summary>
        AlreadyInStore,
        /// <summary>The image is not in that store (404 on DELETE /v2/stores/…).</summary>
        NotInStore,
        /// <summary>Removing the data from the only store holding it (403): delete the image instead.</summary>
        LastStore,
        /// <summary>This Glance has one store only (no multi-store).</summary>
        StoresNotSupported,
        /// <summary>The image is not in the state the call needs (staging into an image that is not queued, importing into an active one).</summary>
        StateConflict,
        /// <summary>Glance's import task failed (the URL answered 404, the staged data was bad…): the image went back to queued.</summary>
        ImportFailed,
        /// <summary>An asked store landed in os_glance_failed_import while all stores had to succeed.</summary>
        StoreImportFailed,
        /// <summary>The image went to "killed".</summary>
        Killed,
        /// <summary>Nothing moved until -Timeout.</summary>
        ImportTimeout,
        /// <summary>Members only exist on images whose visibility is "shared" (Glance's 403).</summary>
        NotShared,
        /// <summary>The image is not shared with the project (the consumer's 404).</summary>
        MemberNotFound,
    }

    /// <summary>
    /// A specific failure of an import, store or member call. The message names the image and what Glance said;
    /// <see cref="ImageId"/> and <see cref="Deleted"/> say what became of a record made for the import.
    /// </summary>
    public sealed class ImageImportException : OpenStackException
    {
        public ImageImportException(ImageImportProblem problem, string message, Exception? inner = null, string? imageId = null, bool deleted = false)
            : base(message, inner)
        {
            Problem = problem;
            ImageId = imageId;
            Deleted = deleted;
        }

        public ImageImportProblem Problem { get; }

        public string? ImageId { get; }

        /// <summary>The record created for the import was deleted after the failure.</summary>
        public bool Deleted { get; }

        /// <summary>The same failure, told with what became of the record (deleted, kept, or to be removed by hand).</summary>
        internal ImageImportException WithRecordFate(string imageId, string? name, bool deleted, bool kept)
        {
            var fate = deleted ? " The image record was deleted."
                : kept ? $" The image record {imageId} was kept, as asked; remove it with Remove-OSImage when done."
                : $" Deleting the image record failed too: remove it with Remove-OSImage {imageId}.";
            return new ImageImportException(Problem, Message + fate, InnerException, imageId, deleted);
        }
    }
}
