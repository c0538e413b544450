using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Lists networks (`openstack network list`) or gets them by name, id or wildcard; filters are sent to Neutron.</summary>
    [Cmdlet(VerbsCommon.Get, "OSNetwork", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Client.Network.V2.Network))]
    public sealed class GetOSNetworkCommand : GetNamedResourceCmdlet<NetworkClient, Client.Network.V2.Network>
    {
        /// <summary>Only external networks (router:external), as the CLI's --external.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter External { get; set; }

        /// <summary>Only networks shared with every project.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Shared { get; set; }

        /// <summary>Only networks of this project id.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("ACTIVE", "DOWN", "BUILD", "ERROR", IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>Networks asked of Neutron per request.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 10000)]
        public int PageSize { get; set; } = 1000;

        protected override ResourceDescriptor<Client.Network.V2.Network> Resource => Networks.Resource;

        protected override ListOptions Filters() => new ListNetworksOptions
        {
            External = External.IsPresent ? true : (bool?)null,
            Shared = Shared.IsPresent ? true : (bool?)null,
            ProjectId = ProjectId,
            Status = Status?.ToUpperInvariant(),
            Limit = PageSize,
        };
    }
}
