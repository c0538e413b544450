using OpenStack.Client.Image.V2.Imports;

namespace OpenStack.Client.Image.V2.Stores
{
    /// <summary>Glance's multi-store calls: the stores (/v2/info/stores) and removing an image's data from one (/v2/stores/{store}/{image}).</summary>
    public static class ImageStores
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("ImageStore", "image store");

        /// <summary>/v2/info/stores: {"stores": [...]}, one answer, no paging; the id is the store's name.</summary>
        public static readonly ResourceDescriptor<ImageStore> Resource = new ResourceDescriptor<ImageStore>(
            Noun, "v2/info/stores", null, "stores", ImageStoreJson.Default.ImageStore, PagingStyle.None, ResourceIdentity.NameIsId);

        /// <summary>/v2/info/stores/detail (admins): the same list with each store's type and settings.</summary>
        public static readonly ResourceDescriptor<ImageStore> Detail = new ResourceDescriptor<ImageStore>(
            Noun, "v2/info/stores", null, "stores", ImageStoreJson.Default.ImageStore, PagingStyle.None, ResourceIdentity.NameIsId,
            listPath: "v2/info/stores/detail");

        internal static Uri StoreImage(Uri root, string store, string imageId) =>
            new Uri(root, "v2/stores/" + Uri.EscapeDataString(store) + "/" + Uri.EscapeDataString(imageId));

        /// <summary>
        /// GET /v2/info/stores (or /detail, which Glance allows admins only). A Glance without multi-store answers
        /// 404 "Multi backend is not supported at this site": that is <see cref="ImageImportProblem.StoresNotSupported"/>.
        /// </summary>
        public static async Task<IReadOnlyList<ImageStore>> ListStoresAsync(this ImageClient client, bool detail, CancellationToken cancellationToken)
        {
            try
            {
                return await client.List(detail ? Detail : Resource, null, cancellationToken).AllAsync().ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ImageImportException(ImageImportProblem.StoresNotSupported,
                    "This Glance has a single store: it lists no stores (multi-store, enabled_backends, is not configured).", ex);
            }
        }

        /// <summary>
        /// Checks every asked store exists before anything is created; returns the stores an "all stores" request means.
        /// </summary>
        public static async Task<IReadOnlyList<string>> ResolveStoresAsync(this ImageClient client, ICollection<string>? asked, bool all,
            CancellationToken cancellationToken)
        {
            var known = await client.ListStoresAsync(false, cancellationToken).ConfigureAwait(false);
            if (all) return known.Select(s => s.Id).ToList();
            if (asked == null || asked.Count == 0) return known.Where(s => s.Default).Select(s => s.Id).Take(1).ToList();
            var unknown = asked.Where(a => !known.Any(k => string.Equals(k.Id, a, StringComparison.Ordinal))).ToList();
            if (unknown.Count > 0)
                throw new ImageImportException(ImageImportProblem.StoreNotFound,
                    $"Glance has no store {string.Join(", ", unknown.Select(u => "'" + u + "'"))}; its stores are {string.Join(", ", known.Select(k => k.Id))}.");
            return asked.Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>DELETE /v2/stores/{store}/{image}: the image keeps its other stores. Glance's refusals become specific errors.</summary>
        public static async Task DeleteFromStoreAsync(this ImageClient client, string imageId, string store, CancellationToken cancellationToken)
        {
            try
            {
                using var _ = await client.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, StoreImage(client.Root, store, imageId)), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ImportErrors.ForStoreDelete(ex, imageId, store) is { } specific)
            {
                throw specific;
            }
        }
    }
}
