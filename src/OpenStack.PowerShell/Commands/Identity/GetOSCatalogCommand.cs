namespace OpenStack.PowerShell.Commands.Identity
{
    /// <summary>One endpoint of the service catalog, flattened as `openstack catalog list` shows it.</summary>
    public sealed class CatalogEntry
    {
        public CatalogEntry(string type, string? name, string @interface, string? region, string url)
        {
            Type = type;
            Name = name;
            Interface = @interface;
            Region = region;
            Url = url;
        }

        public string Type { get; }
        public string? Name { get; }
        public string Interface { get; }
        public string? Region { get; }
        public string Url { get; }

        public override string ToString() => $"{Type} {Interface} {Region} {Url}";
    }

    /// <summary>
    /// The session's service catalog, one object per endpoint (`openstack catalog list`). It comes with the
    /// token, so no request is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSCatalog")]
    [OutputType(typeof(CatalogEntry))]
    public sealed class GetOSCatalogCommand : OpenStackCmdlet
    {
        /// <summary>Service types (network, image, compute…); wildcards allowed.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Type { get; set; }

        [Parameter]
        [ValidateSet("public", "internal", "admin", IgnoreCase = true)]
        public string? Interface { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        protected override string ErrorNoun => "Catalog";

        protected override void EndProcessing()
        {
            var filter = new NameFilter(Type);
            foreach (var service in CurrentSession.Catalog)
            {
                if (!filter.Matches(service.Type)) continue;
                foreach (var endpoint in service.Endpoints)
                {
                    var region = endpoint.Region ?? endpoint.RegionId;
                    if (Interface != null && !string.Equals(endpoint.Interface, Interface, System.StringComparison.OrdinalIgnoreCase)) continue;
                    if (Region != null && !string.Equals(region, Region, System.StringComparison.OrdinalIgnoreCase)) continue;
                    WriteObject(new CatalogEntry(service.Type, service.Name, endpoint.Interface, region, endpoint.Url));
                }
            }
            foreach (var missing in filter.UnmatchedLiterals())
            {
                WriteError(ErrorRecords.Create("CatalogServiceNotFound", ErrorCategory.ObjectNotFound,
                    $"The catalog has no service of type '{missing}'.", missing));
            }
        }
    }
}
