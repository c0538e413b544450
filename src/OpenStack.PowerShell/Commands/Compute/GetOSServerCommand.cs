using OpenStack.Client.Compute.V2;
using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Lists servers (`openstack server list --long`) or gets them by name, id or wildcard. Servers are written page by
    /// page; image and flavor names are filled in from one list each (not one call per server). An image or flavor
    /// piped in lists the servers booted from it (<c>Get-OSImage cirros | Get-OSServer</c>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSServer", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Server))]
    public sealed class GetOSServerCommand : GetResourceCmdlet<ComputeClient, Server>
    {
        private string? _imageId, _flavorId;
        private bool _resolved;
        private ServerNames? _names;

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("ACTIVE", "BUILD", "DELETED", "ERROR", "HARD_REBOOT", "MIGRATING", "PASSWORD", "PAUSED", "REBOOT", "REBUILD", "RESCUE",
            "RESIZE", "REVERT_RESIZE", "SHELVED", "SHELVED_OFFLOADED", "SHUTOFF", "SOFT_DELETED", "SUSPENDED", "UNKNOWN", "VERIFY_RESIZE", IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>Only servers booted from this image (name, id or image object).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNull]
        public object? Image { get; set; }

        /// <summary>Only servers of this flavor (name, id or flavor object).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        [ValidateNotNull]
        public object? Flavor { get; set; }

        /// <summary>Servers of every project (admin only), the CLI's --all-projects.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter AllProjects { get; set; }

        /// <summary>At most this many servers (also the page size asked of Nova).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        public int? Limit { get; set; }

        protected override ResourceDescriptor<Server> Resource => Servers.Resource;

        protected override string[]? Names => Name;

        protected override int? MaxItems => Limit;

        /// <summary>-Image and -Flavor are resolved once (an unknown one stops the cmdlet: listing everything instead would mislead).</summary>
        protected override bool BeforeListing()
        {
            if (_resolved) return true;
            _resolved = true;
            try
            {
                if (Image != null) _imageId = ComputeCmdlet.IdOf(Image) ?? Run(ct => Other<ImageClient>().FindImageAsync(ComputeCmdlet.TextOf(Image), ct)).Id;
                if (Flavor != null) _flavorId = ComputeCmdlet.IdOf(Flavor) ?? Find(Flavors.Resource, ComputeCmdlet.TextOf(Flavor), new ListFlavorsOptions { AllAccess = true }).Id;
            }
            catch (System.Exception ex) when (IsReportable(ex))
            {
                ThrowTerminatingError(ErrorRecords.From(ex, ErrorNoun, Image ?? Flavor));
            }
            return true;
        }

        protected override ListOptions Filters() => new ListServersOptions
        {
            Status = Status?.ToUpperInvariant(), ImageId = _imageId, FlavorId = _flavorId, AllProjects = AllProjects,
            Limit = Limit.HasValue ? System.Math.Min(Limit.Value, 1000) : (int?)null,
        };

        protected override ListOptions? ScopeFor(object input)
        {
            BeforeListing();
            var options = (ListServersOptions)Filters();
            switch (input)
            {
                case Client.Image.V2.Image image: options.ImageId = image.Id; return options;
                case Client.Compute.V2.Flavor flavor: options.FlavorId = flavor.Id; return options;
                default: return null;
            }
        }

        protected override void WritePage(IReadOnlyList<Server> items)
        {
            (_names ??= new ServerNames(() => Run(ct => Other<ImageClient>().ListImages(new ListImagesOptions { Limit = 1000 }, ct).AllAsync()).Select(i => (i.Id, i.Name)),
                () => Run(ct => Client.List(Flavors.Resource, new ListFlavorsOptions { AllAccess = true }, ct).AllAsync()), WriteVerbose)).Fill(items);
            base.WritePage(items);
        }
    }
}
