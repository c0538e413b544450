using System.Text.Json.Serialization.Metadata;

namespace OpenStack.Client.Resources
{
    /// <summary>Where a list says its next page is.</summary>
    public enum PagingStyle
    {
        /// <summary>One answer holds the whole list (Nova keypairs).</summary>
        None,

        /// <summary>Nova and Neutron: "&lt;plural&gt;_links": [{"rel": "next", "href": …}].</summary>
        Links,

        /// <summary>Glance: a top-level "next": "/v2/images?marker=…".</summary>
        Next,

        /// <summary>Keystone: "links": {"next": …}.</summary>
        LinksObject,
    }

    /// <summary>What a resource's id looks like, which says whether a name-or-id is first tried as an id.</summary>
    public enum ResourceIdentity
    {
        /// <summary>A UUID: only a UUID-shaped string is tried as an id (Glance, Neutron, Nova servers).</summary>
        Uuid,

        /// <summary>Any string may be an id (Nova flavors: "1", "m1.tiny-id"): every name-or-id is tried as an id first.</summary>
        Opaque,

        /// <summary>The name is the id (Nova keypairs): found by GET alone, there is no name filter.</summary>
        NameIsId,
    }

    /// <summary>
    /// A kind of resource, described once: where it lives, its JSON keys, how its lists page, what identifies it,
    /// its noun and the filters the server takes. The generic operations (<see cref="Http.ServiceClient"/>'s List,
    /// Get, Find, Create, Update, Delete) and the cmdlet bases need nothing else.
    /// </summary>
    public sealed class ResourceDescriptor<T> where T : class, IResource
    {
        private readonly HashSet<string> _filters;

        public ResourceDescriptor(ResourceNoun noun, string path, string? singular, string plural, JsonTypeInfo<T> typeInfo,
            PagingStyle paging, ResourceIdentity identity = ResourceIdentity.Uuid, string? nameFilter = "name",
            IEnumerable<string>? filters = null, bool deleteConflictMeansInUse = false, string? listPath = null,
            Func<string, string>? nameFilterValue = null, bool listItemsWrapped = false)
        {
            Noun = noun;
            Path = path.Trim('/');
            ListPath = (listPath ?? path).Trim('/');
            Singular = singular;
            Plural = plural;
            TypeInfo = typeInfo;
            Paging = paging;
            Identity = identity;
            NameFilter = identity == ResourceIdentity.NameIsId ? null : nameFilter;
            _filters = new HashSet<string>(filters ?? Array.Empty<string>(), StringComparer.Ordinal) { "limit", "marker" };
            if (NameFilter != null) _filters.Add(NameFilter);
            DeleteConflictMeansInUse = deleteConflictMeansInUse;
            _nameFilterValue = nameFilterValue;
            ListItemsWrapped = listItemsWrapped;
        }

        private readonly Func<string, string>? _nameFilterValue;

        public ResourceNoun Noun { get; }

        /// <summary>The collection's path below the service root: "v2.0/networks", "servers", "v2/images".</summary>
        public string Path { get; }

        /// <summary>Where the list with details is, when not <see cref="Path"/> ("servers/detail", "flavors/detail").</summary>
        public string ListPath { get; }

        /// <summary>The envelope key of one resource ("network"), or null when the service answers it bare (Glance).</summary>
        public string? Singular { get; }

        /// <summary>The key of the list in a page ("networks").</summary>
        public string Plural { get; }

        public JsonTypeInfo<T> TypeInfo { get; }

        public PagingStyle Paging { get; }

        public ResourceIdentity Identity { get; }

        /// <summary>The server-side exact-name filter ("name"), or null when the server has none (then names are matched here).</summary>
        public string? NameFilter { get; }

        /// <summary>The query parameters the server takes for this list; anything else is a bug in an options class.</summary>
        public IReadOnlyCollection<string> Filters => _filters;

        /// <summary>Neutron answers 409 to a delete while something still uses the resource: reported as <see cref="Http.ResourceInUseException"/>.</summary>
        public bool DeleteConflictMeansInUse { get; }

        /// <summary>Each list item is wrapped in the singular key, as Nova's keypairs: [{"keypair": {…}}].</summary>
        public bool ListItemsWrapped { get; }

        /// <summary>What the name filter is sent as: the name itself, or what the server needs to match it exactly (Nova: an anchored regex).</summary>
        public string? NameFilterValue(string? name) => name == null || _nameFilterValue == null ? name : _nameFilterValue(name);

        /// <summary>Declares that any key is a filter (Glance filters on custom properties).</summary>
        public const string AnyFilter = "*";

        public bool Takes(string filter) => _filters.Contains(filter) || _filters.Contains(AnyFilter);

        /// <summary>Whether <paramref name="nameOrId"/> is worth a GET by id before looking it up by name.</summary>
        public bool MayBeId(string nameOrId) => Identity != ResourceIdentity.Uuid || Guid.TryParse(nameOrId, out _);

        public Uri CollectionUrl(Uri root) => new Uri(root, Path);

        public Uri ListUrl(Uri root) => new Uri(root, ListPath);

        public Uri ItemUrl(Uri root, string id) => new Uri(root, Path + "/" + Uri.EscapeDataString(id));

        public Uri ActionUrl(Uri root, string id, string action) => new Uri(root, Path + "/" + Uri.EscapeDataString(id) + "/" + action);
    }
}
