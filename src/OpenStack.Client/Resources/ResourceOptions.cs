namespace OpenStack.Client.Resources
{
    /// <summary>
    /// The typed filters of a list, sent to the server so that it, not the client, does the filtering.
    /// A resource's options class adds its own filters in <see cref="AddFilters"/>; the name and page size are common.
    /// </summary>
    public abstract class ListOptions
    {
        /// <summary>An exact name, sent as the descriptor's name filter (wildcards are matched by the cmdlets, not here).</summary>
        public string? Name { get; set; }

        /// <summary>Page size; unset, the server's own default.</summary>
        public int? Limit { get; set; }

        /// <summary>Adds the resource's own filters, in the order they should appear in the URL.</summary>
        private protected abstract void AddFilters(QueryString query);

        internal QueryString ToQuery(string? nameFilter, string? name)
        {
            var query = new QueryString().Add("limit", Limit);
            if (nameFilter != null) query.Add(nameFilter, name);
            AddFilters(query);
            return query;
        }

        private protected static string? Bool(bool? value) => value.HasValue ? (value.Value ? "true" : "false") : null;
    }

    /// <summary>A list with no filters of its own.</summary>
    public sealed class AllOptions : ListOptions
    {
        private protected override void AddFilters(QueryString query) { }
    }

    /// <summary>
    /// The fields of a create or update, as gophercloud's ToXCreateMap: a concrete options class says which JSON keys
    /// its properties go to; only the fields set are sent, so an update changes nothing it was not asked to.
    /// </summary>
    public abstract class RequestOptions
    {
        /// <summary>The body's fields (the generic operations wrap them in the descriptor's singular key).</summary>
        internal abstract BodyMap ToBody();

        /// <summary>True when no field is set: an update would change nothing.</summary>
        public bool IsEmpty => ToBody().Count == 0;
    }

    /// <summary>An ordered JSON object under construction; unset (null) values are left out unless written with <see cref="Null"/>.</summary>
    public sealed class BodyMap : Dictionary<string, object?>
    {
        public BodyMap() : base(StringComparer.Ordinal) { }

        public BodyMap Set(string key, object? value)
        {
            if (value != null) this[key] = value;
            return this;
        }

        /// <summary>Sends JSON null on purpose (a subnet without gateway: "gateway_ip": null).</summary>
        public BodyMap Null(string key)
        {
            this[key] = null;
            return this;
        }
    }
}
