namespace OpenStack.Client.Image.V2.Imports
{
    /// <summary>
    /// Glance's refusals (tests/cloud/observed/110-139) turned into specific errors, the server's words and request
    /// id kept in the inner exception. Null: nothing more specific to say than the API error itself.
    /// </summary>
    internal static class ImportErrors
    {
        public static ImageImportException? ForImport(OpenStackApiException ex, string imageId, string method)
        {
            var said = ex.ServerMessage ?? string.Empty;
            var status = (int)ex.StatusCode;
            if (status == 400 && said.Contains("does not pass filtering"))
                return new ImageImportException(ImageImportProblem.UriRefused,
                    $"Glance refused the URL of image {imageId}'s web-download (its import filtering allows only some schemes, hosts and ports): {ex.Message}", ex, imageId);
            if (status == 409 && said.Contains("Store for identifier"))
                return new ImageImportException(ImageImportProblem.StoreNotFound, $"Glance has no such store for image {imageId}: {ex.Message}", ex, imageId);
            if (status == 400 && said.Contains("already present at store"))
                return new ImageImportException(ImageImportProblem.AlreadyInStore, $"Image {imageId} is already in that store: {ex.Message}", ex, imageId);
            if (status == 409)
                return new ImageImportException(ImageImportProblem.StateConflict, $"Image {imageId} cannot be imported with {method} now: {ex.Message}", ex, imageId);
            return null;
        }

        public static ImageImportException? ForStage(OpenStackApiException ex, string imageId) =>
            ex.StatusCode == HttpStatusCode.Conflict
                ? new ImageImportException(ImageImportProblem.StateConflict,
                    $"Image {imageId} cannot take staged data: only a queued image can be staged. {ex.Message}", ex, imageId)
                : null;

        public static ImageImportException? ForStoreDelete(OpenStackApiException ex, string imageId, string store)
        {
            var said = ex.ServerMessage ?? string.Empty;
            switch ((int)ex.StatusCode)
            {
                case 409 when said.Contains("not available on this node"):
                    return new ImageImportException(ImageImportProblem.StoreNotFound, $"Glance has no store '{store}': {ex.Message}", ex, imageId);
                case 403 when said.Contains("only store"):
                    return new ImageImportException(ImageImportProblem.LastStore,
                        $"Store '{store}' is the only one holding image {imageId}; to remove the data delete the image (Remove-OSImage without -Store). {ex.Message}", ex, imageId);
                case 404 when said.Contains("not stored in store"):
                    return new ImageImportException(ImageImportProblem.NotInStore, $"Image {imageId} is not in store '{store}': {ex.Message}", ex, imageId);
                case 409:
                    return new ImageImportException(ImageImportProblem.StateConflict, $"Image {imageId}'s data cannot be removed from '{store}' now: {ex.Message}", ex, imageId);
                default:
                    return null;
            }
        }
    }
}
