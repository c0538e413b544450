using System.IO;
using System.Net.Http.Headers;

namespace OpenStack.Client.Image.V2
{
    /// <summary>Glance v2: one method per API call, typed options in, typed images out.</summary>
    public sealed class ImageClient : ServiceClient
    {
        public const string ServiceType = "image";
        public ImageClient(OpenStackSession session) : base(session, Urls.ServiceRoot(session.GetEndpoint(ServiceType))) { }

        /// <summary>Glance re-encodes its next link and loses repeated filters: the next page is asked with the first page's query.</summary>
        protected internal override Uri NextPageUrl(Uri first, string link) => Urls.NextPage(Root, first, link);

        /// <summary>GET /v2/images, following Glance's "next" links page by page.</summary>
        public Pager<Image> ListImages(ListImagesOptions options, CancellationToken cancellationToken) => List(Images.Resource, options, cancellationToken);

        public Task<Image> GetImageAsync(string id, CancellationToken cancellationToken) => GetAsync(Images.Resource, id, cancellationToken);

        /// <summary>The image with this id, or null when Glance answers 404 (or the text is no UUID, so cannot be an id).</summary>
        public async Task<Image?> TryGetImageAsync(string id, CancellationToken cancellationToken)
        {
            if (!LooksLikeId(id)) return null;
            try
            {
                return await GetImageAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }

        /// <summary>
        /// An image by id, or else by name (exact, else a unique case-insensitive match), as `openstack image show`
        /// finds it. One match or an error: <see cref="ResourceNotFoundException"/> or <see cref="AmbiguousNameException"/>.
        /// </summary>
        public Task<Image> FindImageAsync(string nameOrId, CancellationToken cancellationToken) => FindAsync(Images.Resource, nameOrId, cancellationToken);

        /// <summary>POST /v2/images: creates the record (status queued).</summary>
        public async Task<Image> CreateImageAsync(CreateImageOptions options, CancellationToken cancellationToken)
        {
            using var response = await SendJsonAsync(HttpMethod.Post, Images.Resource.CollectionUrl(Root), CreateBody(options), cancellationToken).ConfigureAwait(false);
            return await ReadJsonAsync(response, ImageJson.Default.Image).ConfigureAwait(false);
        }

        /// <summary>
        /// PUT /v2/images/{id}/file, streaming <paramref name="data"/> (never buffered whole) and hashing it
        /// on the way. The stream cannot be replayed, so a token close to expiry is renewed before, not after.
        /// <paramref name="store"/> (multi-store Glance) puts the data in that store (X-Image-Meta-Store).
        /// </summary>
        public async Task<ImageHashes> UploadImageDataAsync(string id, Stream data, long length, TransferProgress? progress, CancellationToken cancellationToken,
            string? store = null)
        {
            using var hashing = new HashingStream(data, progress);
            var content = new StreamContent(hashing, 1 << 20);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.ContentLength = length;
            using var response = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, Urls.File(Root, id)) { Content = content };
                if (store != null) request.Headers.Add("X-Image-Meta-Store", store);
                return request;
            }, cancellationToken, replayable: false, timeout: Timeout.InfiniteTimeSpan).ConfigureAwait(false);
            return hashing.Finish();
        }

        /// <summary>GET /v2/images/{id}/file into <paramref name="destination"/>, computing MD5 and SHA-512 on the way.</summary>
        public Task<ImageHashes> DownloadImageDataAsync(string id, Stream destination, TransferProgress? progress, CancellationToken cancellationToken) =>
            DownloadImageDataAsync(id, destination, progress, ImageDigests.Both, cancellationToken);

        /// <summary>
        /// GET /v2/images/{id}/file into <paramref name="destination"/>, computing only <paramref name="digests"/> (the one the
        /// caller verifies: each digest costs about as much CPU as receiving the bytes), with reading and hashing overlapped.
        /// </summary>
        public async Task<ImageHashes> DownloadImageDataAsync(string id, Stream destination, TransferProgress? progress, ImageDigests digests,
            CancellationToken cancellationToken)
        {
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Urls.File(Root, id)),
                cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            // Glance answers 204 for an image without data; an empty file would look like a successful download.
            if (response.StatusCode == System.Net.HttpStatusCode.NoContent)
                throw new ImageDataException(ImageDataProblem.HasNoData, $"Image {id} has no data to download (Glance answered 204 No Content): it is still queued, or its upload did not finish.");
            if (progress != null) progress.Total = response.Content.Headers.ContentLength ?? -1;
            using var hashing = new HashingStream(destination, progress, digests: digests);
            using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                await PipelinedCopy.CopyAsync(body, hashing, 1 << 20, cancellationToken).ConfigureAwait(false);
            }
            return hashing.Finish();
        }

        /// <summary>PATCH /v2/images/{id} with a JSON patch built from <paramref name="changes"/> against <paramref name="current"/>.</summary>
        public async Task<Image> UpdateImageAsync(Image current, UpdateImageOptions changes, CancellationToken cancellationToken)
        {
            using var response = await SendJsonAsync(new HttpMethod("PATCH"), Images.Resource.ItemUrl(Root, current.Id), ImagePatch.Build(current, changes),
                cancellationToken, ImagePatch.MediaType).ConfigureAwait(false);
            return await ReadJsonAsync(response, ImageJson.Default.Image).ConfigureAwait(false);
        }

        public Task DeactivateImageAsync(string id, CancellationToken cancellationToken) => ActionAsync(id, "deactivate", cancellationToken);

        public Task ReactivateImageAsync(string id, CancellationToken cancellationToken) => ActionAsync(id, "reactivate", cancellationToken);

        public Task DeleteImageAsync(string id, CancellationToken cancellationToken) => DeleteAsync(Images.Resource, id, cancellationToken);

        private async Task ActionAsync(string id, string action, CancellationToken cancellationToken)
        {
            using var _ = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Urls.Action(Root, id, action)), cancellationToken).ConfigureAwait(false);
        }

        private static bool LooksLikeId(string value) => Guid.TryParse(value, out _);

        private static BodyMap CreateBody(CreateImageOptions o)
        {
            // A map rather than a model: custom properties sit at the top level beside the known fields.
            var body = new BodyMap();
            foreach (var pair in o.Properties) body[pair.Key] = pair.Value;
            body["name"] = o.Name;
            body["disk_format"] = o.DiskFormat;
            body["container_format"] = o.ContainerFormat;
            if (o.Id != null) body["id"] = o.Id;
            if (o.Visibility != null) body["visibility"] = o.Visibility;
            if (o.MinDisk.HasValue) body["min_disk"] = o.MinDisk.Value;
            if (o.MinRam.HasValue) body["min_ram"] = o.MinRam.Value;
            if (o.Protected.HasValue) body["protected"] = o.Protected.Value;
            if (o.Tags.Count > 0) body["tags"] = o.Tags.ToArray();
            return body;
        }
    }
}
