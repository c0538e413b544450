using System.IO;
using System.Net.Http.Headers;

namespace OpenStack.Client.Image.V2.Imports
{
    /// <summary>The import calls: stage data (PUT /v2/images/{id}/stage) and start an import (POST /v2/images/{id}/import).</summary>
    public static class ImageImports
    {
        internal static Uri Stage(Uri root, string imageId) => new Uri(root, "v2/images/" + Uri.EscapeDataString(imageId) + "/stage");

        internal static Uri Import(Uri root, string imageId) => new Uri(root, "v2/images/" + Uri.EscapeDataString(imageId) + "/import");

        /// <summary>
        /// Streams <paramref name="data"/> into Glance's staging area (never buffered whole), hashing it on the way;
        /// the image becomes "uploading". Sent once: a stream cannot be replayed.
        /// </summary>
        public static async Task<ImageHashes> StageAsync(this ImageClient client, string imageId, Stream data, long length, TransferProgress? progress,
            CancellationToken cancellationToken)
        {
            using var hashing = new HashingStream(data, progress);
            var content = new StreamContent(hashing, 1 << 20);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.ContentLength = length;
            try
            {
                using var _ = await client.SendAsync(() => new HttpRequestMessage(HttpMethod.Put, Stage(client.Root, imageId)) { Content = content },
                    cancellationToken, replayable: false, timeout: Timeout.InfiniteTimeSpan).ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ImportErrors.ForStage(ex, imageId) is { } specific)
            {
                throw specific;
            }
            return hashing.Finish();
        }

        /// <summary>GET /v2/info/import: the import methods this cloud enables.</summary>
        public static async Task<IReadOnlyList<string>> ListImportMethodsAsync(this ImageClient client, CancellationToken cancellationToken)
        {
            using var response = await client.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(client.Root, "v2/info/import")), cancellationToken)
                .ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            try
            {
                using var json = JsonDocument.Parse(bytes);
                return json.RootElement.GetProperty("import-methods").GetProperty("value").EnumerateArray().Select(v => v.GetString() ?? "").ToList();
            }
            catch (Exception ex) when (ex is JsonException || ex is KeyNotFoundException || ex is InvalidOperationException)
            {
                throw new OpenStackException($"GET /v2/info/import answered with a body that is not the expected JSON: {ex.Message}", ex);
            }
        }

        /// <summary>POST /v2/images/{id}/import: Glance answers 202 at once and runs the import as a task.</summary>
        public static async Task StartImportAsync(this ImageClient client, string imageId, ImportOptions options, CancellationToken cancellationToken)
        {
            options.Validate();
            try
            {
                // A POST: never retried on a dropped connection, a second one could start a second import.
                using var _ = await client.SendJsonAsync(HttpMethod.Post, Import(client.Root, imageId), options.ToBody(), cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ImportErrors.ForImport(ex, imageId, options.Method) is { } specific)
            {
                throw specific;
            }
        }
    }
}
