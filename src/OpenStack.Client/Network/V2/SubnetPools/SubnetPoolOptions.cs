namespace OpenStack.Client.Network.V2
{
    /// <summary>Filters of GET /v2.0/subnetpools.</summary>
    public sealed class ListSubnetPoolsOptions : ListOptions
    {
        public string? ProjectId { get; set; }
        public int? IpVersion { get; set; }
        public bool? Shared { get; set; }
        public bool? IsDefault { get; set; }

        private protected override void AddFilters(QueryString query) => query
            .Add("project_id", ProjectId)
            .Add("ip_version", IpVersion)
            .Add("shared", Bool(Shared))
            .Add("is_default", Bool(IsDefault));
    }

    /// <summary>
    /// The fields a subnet pool is created with and changed by; only the fields set are sent. An update's prefixes
    /// are the whole new list, and Neutron only lets it grow (a prefix may not be taken away).
    /// </summary>
    public abstract class SubnetPoolFields : RequestOptions
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public IList<string>? Prefixes { get; set; }
        public int? DefaultPrefixLength { get; set; }
        public int? MinPrefixLength { get; set; }
        public int? MaxPrefixLength { get; set; }
        public int? DefaultQuota { get; set; }
        public bool? IsDefault { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("name", Name)
            .Set("description", Description)
            .Set("prefixes", Prefixes == null ? null : new List<string>(Prefixes))
            .Set("default_prefixlen", DefaultPrefixLength)
            .Set("min_prefixlen", MinPrefixLength)
            .Set("max_prefixlen", MaxPrefixLength)
            .Set("default_quota", DefaultQuota)
            .Set("is_default", IsDefault);
    }

    /// <summary>The body of POST /v2.0/subnetpools; unset fields are left to Neutron's defaults.</summary>
    public sealed class CreateSubnetPoolOptions : SubnetPoolFields
    {
        /// <summary>Every project may allocate from the pool (admins only by default policy); fixed once created.</summary>
        public bool? Shared { get; set; }

        internal override BodyMap ToBody() => base.ToBody().Set("shared", Shared);
    }

    /// <summary>The body of PUT /v2.0/subnetpools/{id}: only the fields set are sent.</summary>
    public sealed class UpdateSubnetPoolOptions : SubnetPoolFields
    {
    }
}
