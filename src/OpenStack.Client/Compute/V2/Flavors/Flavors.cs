namespace OpenStack.Client.Compute.V2
{
    /// <summary>
    /// Nova flavors: /flavors (listed from /flavors/detail), {"flavor": …}, paged by "flavors_links". Any string may be
    /// an id ("1"), and Nova has no name filter: names are matched here.
    /// </summary>
    public static class Flavors
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("Flavor", "flavor");

        public static readonly ResourceDescriptor<Flavor> Resource = new ResourceDescriptor<Flavor>(
            Noun, "flavors", "flavor", "flavors", FlavorJson.Default.Flavor, PagingStyle.Links, ResourceIdentity.Opaque,
            nameFilter: null, filters: new[] { "is_public" }, listPath: "flavors/detail");
    }

    /// <summary>Filters of GET /flavors/detail.</summary>
    public sealed class ListFlavorsOptions : ListOptions
    {
        /// <summary>is_public=None: an admin sees the private flavors too.</summary>
        public bool AllAccess { get; set; }

        private protected override void AddFilters(QueryString query) => query.Add("is_public", AllAccess ? "None" : null);
    }

    /// <summary>The body of POST /flavors.</summary>
    public sealed class CreateFlavorOptions : RequestOptions
    {
        public string Name { get; set; } = string.Empty;
        public string? Id { get; set; }
        public int VCpus { get; set; }
        public int RamMB { get; set; }
        public int DiskGB { get; set; }
        public int EphemeralGB { get; set; }
        public int SwapMB { get; set; }
        public bool IsPublic { get; set; } = true;
        public string? Description { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("name", Name)
            .Set("vcpus", VCpus)
            .Set("ram", RamMB)
            .Set("disk", DiskGB)
            .Set("OS-FLV-EXT-DATA:ephemeral", EphemeralGB)
            .Set("swap", SwapMB)
            .Set("os-flavor-access:is_public", IsPublic)
            .Set("id", Id)
            .Set("description", Description);
    }

    [JsonSerializable(typeof(Flavor))]
    internal partial class FlavorJson : JsonSerializerContext
    {
    }
}
