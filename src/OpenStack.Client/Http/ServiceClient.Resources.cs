using System.Net.Http.Headers;
using OpenStack.Client.Json;

namespace OpenStack.Client.Http
{
    /// <summary>
    /// The generic operations every resource is served by, driven by its <see cref="ResourceDescriptor{T}"/>:
    /// list (the one pager), get, find (id first, then the exact-name filter, then the case rule), create, update, delete.
    /// A resource that needs more (image upload, server actions) adds methods beside these that use the same request path.
    /// </summary>
    public abstract partial class ServiceClient
    {
        /// <summary>How a relative paging link is taken: Glance's and Neutron's are paths below the root, Nova's are RFC 3986 references.</summary>
        protected virtual LinkStyle RelativeLinks => LinkStyle.BelowRoot;

        /// <summary>The URL of the page after <paramref name="first"/>'s, from the link the server gave.</summary>
        protected internal virtual Uri NextPageUrl(Uri first, string link) => ServiceUrls.ResolveLink(Root, link, RelativeLinks);

        /// <summary>GET the list page by page, with the options' filters sent to the server.</summary>
        public Pager<T> List<T>(ResourceDescriptor<T> descriptor, ListOptions? options, CancellationToken cancellationToken) where T : class, IResource =>
            ListFrom(descriptor, ListUrl(descriptor, options ?? new AllOptions(), (options ?? new AllOptions()).Name), cancellationToken);

        public async Task<T> GetAsync<T>(ResourceDescriptor<T> descriptor, string id, CancellationToken cancellationToken) where T : class, IResource
        {
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, descriptor.ItemUrl(Root, id)), cancellationToken).ConfigureAwait(false);
            return await ReadOneAsync(response, descriptor).ConfigureAwait(false);
        }

        /// <summary>
        /// One resource by name or id, for a change: <see cref="MatchAsync"/>'s answer must be exactly one, else
        /// <see cref="ResourceNotFoundException"/> or <see cref="AmbiguousNameException"/> (names that differ only in case included).
        /// </summary>
        public async Task<T> FindAsync<T>(ResourceDescriptor<T> descriptor, string nameOrId, CancellationToken cancellationToken, ListOptions? scope = null)
            where T : class, IResource
        {
            var matches = await MatchAsync(descriptor, nameOrId, cancellationToken, scope).ConfigureAwait(false);
            if (matches.Count == 0) throw new ResourceNotFoundException(descriptor.Noun, nameOrId);
            if (matches.Count > 1) throw new AmbiguousNameException(descriptor.Noun, nameOrId, matches.Select(m => m.Id));
            return matches[0];
        }

        /// <summary>
        /// Every resource a name or id stands for, as the CLI finds them: by id first when it may be one (a 404 falls
        /// through: a name may look like a UUID), then the server's exact-name filter, keeping the exact matches; when
        /// none, the ones whose names differ only in case (from the whole list when the server's filter is exact).
        /// </summary>
        public async Task<IReadOnlyList<T>> MatchAsync<T>(ResourceDescriptor<T> descriptor, string nameOrId, CancellationToken cancellationToken,
            ListOptions? scope = null) where T : class, IResource
        {
            if (descriptor.MayBeId(nameOrId))
            {
                try
                {
                    return new[] { await GetAsync(descriptor, nameOrId, cancellationToken).ConfigureAwait(false) };
                }
                catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                {
                }
            }
            scope ??= new AllOptions();
            var candidates = descriptor.Identity == ResourceIdentity.NameIsId ? new List<T>()
                : await ListFrom(descriptor, ListUrl(descriptor, scope, nameOrId), cancellationToken).AllAsync().ConfigureAwait(false);
            var matches = NameMatch.Pick(candidates, nameOrId);
            if (matches.Count > 0 || (descriptor.NameFilter == null && descriptor.Identity != ResourceIdentity.NameIsId)) return matches;
            // The server's filter is exact (case and all): "CIRROS" finds "cirros" only in the whole list.
            return NameMatch.Pick(await ListFrom(descriptor, ListUrl(descriptor, scope, null), cancellationToken).AllAsync().ConfigureAwait(false), nameOrId);
        }

        /// <summary>POST the options as {"&lt;singular&gt;": {…}} and read the resource created.</summary>
        public Task<T> CreateAsync<T>(ResourceDescriptor<T> descriptor, RequestOptions options, CancellationToken cancellationToken) where T : class, IResource =>
            SendResourceAsync(descriptor, HttpMethod.Post, descriptor.CollectionUrl(Root), options, cancellationToken);

        /// <summary>PUT only the fields set, and read the resource as it is after the change.</summary>
        public Task<T> UpdateAsync<T>(ResourceDescriptor<T> descriptor, string id, RequestOptions options, CancellationToken cancellationToken) where T : class, IResource =>
            SendResourceAsync(descriptor, HttpMethod.Put, descriptor.ItemUrl(Root, id), options, cancellationToken);

        /// <summary>DELETE; where the descriptor says so, a 409 (still in use) becomes <see cref="ResourceInUseException"/>.</summary>
        public async Task DeleteAsync<T>(ResourceDescriptor<T> descriptor, string id, CancellationToken cancellationToken) where T : class, IResource
        {
            try
            {
                using var _ = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, descriptor.ItemUrl(Root, id)), cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict && descriptor.DeleteConflictMeansInUse)
            {
                throw new ResourceInUseException(descriptor.Noun, ex);
            }
        }

        /// <summary>
        /// The one way a JSON body is sent: <paramref name="body"/> written once (no reflection), fresh content for each
        /// attempt. The caller disposes the response.
        /// </summary>
        internal Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, Uri url, IDictionary<string, object?> body, CancellationToken cancellationToken,
            string mediaType = "application/json", Action<HttpRequestMessage>? headers = null) =>
            SendJsonAsync(method, url, JsonBodyWriter.Write(body), cancellationToken, mediaType, headers);

        /// <summary>The same with a body already written (Glance's JSON patch, a list).</summary>
        internal Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, Uri url, byte[] bytes, CancellationToken cancellationToken,
            string mediaType = "application/json", Action<HttpRequestMessage>? headers = null)
        {
            return SendAsync(() =>
            {
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                var request = new HttpRequestMessage(method, url) { Content = content };
                headers?.Invoke(request);
                return request;
            }, cancellationToken);
        }

        private async Task<T> SendResourceAsync<T>(ResourceDescriptor<T> descriptor, HttpMethod method, Uri url, RequestOptions options,
            CancellationToken cancellationToken) where T : class, IResource
        {
            IDictionary<string, object?> fields = options.ToBody();
            if (descriptor.Singular != null) fields = new Dictionary<string, object?>(StringComparer.Ordinal) { [descriptor.Singular] = fields };
            using var response = await SendJsonAsync(method, url, fields, cancellationToken).ConfigureAwait(false);
            return await ReadOneAsync(response, descriptor).ConfigureAwait(false);
        }

        private Uri ListUrl<T>(ResourceDescriptor<T> descriptor, ListOptions options, string? name) where T : class, IResource =>
            ListUrl(Root, descriptor, options, name);

        /// <summary>The first page's URL: the options' filters (each one the descriptor declares) and the name as the server needs it.</summary>
        internal static Uri ListUrl<T>(Uri root, ResourceDescriptor<T> descriptor, ListOptions options, string? name) where T : class, IResource
        {
            var query = options.ToQuery(descriptor.NameFilter, descriptor.NameFilterValue(name));
            foreach (var key in query.Keys)
            {
                if (!descriptor.Takes(key)) throw new ArgumentException($"The {descriptor.Noun.Message} list takes no '{key}' filter.", nameof(options));
            }
            return query.AppendTo(descriptor.ListUrl(root));
        }

        private Pager<T> ListFrom<T>(ResourceDescriptor<T> descriptor, Uri first, CancellationToken cancellationToken) where T : class, IResource =>
            new Pager<T>(first, async url =>
            {
                using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
                var (items, next) = await ReadAsync(response, root => PageReader.ReadPage(root, descriptor)).ConfigureAwait(false);
                return new Pager<T>.Page(items, string.IsNullOrEmpty(next) ? null : NextPageUrl(first, next!));
            });

        private static Task<T> ReadOneAsync<T>(HttpResponseMessage response, ResourceDescriptor<T> descriptor) where T : class, IResource =>
            ReadAsync(response, root => PageReader.ReadOne(root, descriptor));

        /// <summary>Parses the answer and reads it with <paramref name="read"/>; a body that is not what was expected is an <see cref="OpenStackException"/>.</summary>
        internal static async Task<TResult> ReadAsync<TResult>(HttpResponseMessage response, Func<JsonElement, TResult> read)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            try
            {
                using var document = JsonDocument.Parse(bytes);
                return read(document.RootElement);
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException)
            {
                throw UnexpectedBody(response, ex);
            }
        }

        private static OpenStackException UnexpectedBody(HttpResponseMessage response, Exception ex)
        {
            var uri = response.RequestMessage?.RequestUri;
            return new OpenStackException(
                $"{response.RequestMessage?.Method} {(uri == null ? "" : HttpTransport.Redact(uri).ToString())} answered with a body that is not the expected JSON: {ex.Message}", ex);
        }
    }
}
