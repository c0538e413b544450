using System.Text.Json.Serialization.Metadata;

namespace OpenStack.Client.Http
{
    /// <summary>
    /// Walks a paginated list one page at a time, so callers can hand out items as each page arrives.
    /// Each service says where the next page is in its own way (Glance's "next", Nova's and Neutron's
    /// "*_links" with rel=next, Keystone's links.next): <c>extract</c> knows the shape, this knows the walk.
    /// </summary>
    public sealed class Pager<T>
    {
        private readonly Func<Uri, Task<Page>> _fetch;
        private Uri? _next;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        internal Pager(Uri first, Func<Uri, Task<Page>> fetch)
        {
            _next = first;
            _fetch = fetch;
        }

        internal static Pager<T> Create<TPage>(ServiceClient client, Uri first, JsonTypeInfo<TPage> pageType,
            Func<TPage, (IReadOnlyList<T> Items, string? Next)> extract, Func<string, Uri> resolveNext, CancellationToken cancellationToken)
        {
            return new Pager<T>(first, async url =>
            {
                var body = await client.GetJsonAsync(url, pageType, cancellationToken).ConfigureAwait(false);
                var (items, next) = extract(body);
                return new Page(items, string.IsNullOrEmpty(next) ? null : resolveNext(next!));
            });
        }

        /// <summary>Pages fetched so far.</summary>
        public int PageCount { get; private set; }

        /// <summary>The next page's items, or null when the list is exhausted.</summary>
        public async Task<IReadOnlyList<T>?> NextPageAsync()
        {
            if (_next == null) return null;
            // A service that hands back a link already followed would otherwise loop for ever.
            if (!_seen.Add(_next.AbsoluteUri)) return null;
            var page = await _fetch(_next).ConfigureAwait(false);
            PageCount++;
            _next = page.Items.Count == 0 ? null : page.Next;
            RequestNotices.Notify($"Page {PageCount}: {page.Items.Count} {typeof(T).Name.ToLowerInvariant()}(s){(_next == null ? ", the last" : ", more follow")}.");
            return page.Items;
        }

        /// <summary>Every item of every page (for callers that need the whole list, such as name lookups).</summary>
        public async Task<List<T>> AllAsync()
        {
            var all = new List<T>();
            IReadOnlyList<T>? page;
            while ((page = await NextPageAsync().ConfigureAwait(false)) != null) all.AddRange(page);
            return all;
        }

        internal readonly struct Page
        {
            public Page(IReadOnlyList<T> items, Uri? next)
            {
                Items = items;
                Next = next;
            }

            public IReadOnlyList<T> Items { get; }
            public Uri? Next { get; }
        }
    }
}
