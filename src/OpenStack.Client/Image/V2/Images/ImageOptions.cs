namespace OpenStack.Client.Image.V2
{
    /// <summary>Filters of GET /v2/images, sent to Glance so that it, not the client, does the filtering.</summary>
    public sealed class ListImagesOptions : ListOptions
    {
        public string? Status { get; set; }
        /// <summary>public, private, shared, community or all (the CLI's --all).</summary>
        public string? Visibility { get; set; }
        public string? Owner { get; set; }
        public string? MemberStatus { get; set; }
        /// <summary>Images carrying every one of these tags.</summary>
        public IList<string> Tags { get; } = new List<string>();
        /// <summary>Custom property filters, sent as key=value.</summary>
        public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>();
        /// <summary>e.g. "name:asc,created_at:desc".</summary>
        public string? Sort { get; set; }

        private protected override void AddFilters(QueryString query)
        {
            query.Add("status", Status)
                .Add("visibility", Visibility)
                .Add("owner", Owner)
                .Add("member_status", MemberStatus)
                .Add("sort", Sort);
            foreach (var tag in Tags) query.Add("tag", tag);
            foreach (var pair in Properties) query.Add(pair.Key, pair.Value);
        }
    }

    /// <summary>The record POST /v2/images creates; the data is uploaded separately.</summary>
    public sealed class CreateImageOptions
    {
        public string Name { get; set; } = string.Empty;
        public string? Id { get; set; }
        public string DiskFormat { get; set; } = "qcow2";
        public string ContainerFormat { get; set; } = "bare";
        public string? Visibility { get; set; }
        public int? MinDisk { get; set; }
        public int? MinRam { get; set; }
        public bool? Protected { get; set; }
        public IList<string> Tags { get; } = new List<string>();
        public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>();

        /// <summary>Formats Glance accepts by default (glance-api.conf [image_format]).</summary>
        public static readonly IReadOnlyList<string> DiskFormats = new[] { "ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop" };
        public static readonly IReadOnlyList<string> ContainerFormats = new[] { "ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed" };
    }

    /// <summary>Changes made through JSON patch (PATCH /v2/images/{id}).</summary>
    public sealed class UpdateImageOptions
    {
        public string? Name { get; set; }
        public string? Visibility { get; set; }
        public bool? Protected { get; set; }
        public int? MinDisk { get; set; }
        public int? MinRam { get; set; }
        public IDictionary<string, string> SetProperties { get; } = new Dictionary<string, string>();
        public IList<string> RemoveProperties { get; } = new List<string>();
        public IList<string> AddTags { get; } = new List<string>();
        public IList<string> RemoveTags { get; } = new List<string>();

        public bool IsEmpty => Name == null && Visibility == null && Protected == null && MinDisk == null && MinRam == null &&
                               SetProperties.Count == 0 && RemoveProperties.Count == 0 && AddTags.Count == 0 && RemoveTags.Count == 0;
    }
}
