using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Completers;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Lists networks (`openstack network list`) or gets them by id. Filters are sent to Neutron; a plain
    /// name is an exact server-side filter, a wildcard is matched here on the unfiltered list.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSNetwork", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Client.Network.V2.Network))]
    public sealed class GetOSNetworkCommand : NeutronGetCmdlet<Client.Network.V2.Network>
    {
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

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

        protected override string ErrorNoun => "Network";
        protected override string Kind => "network";
        protected override string[]? Names => Name;

        protected override Task<Client.Network.V2.Network> GetAsync(string id, CancellationToken cancellationToken) => Client.GetNetworkAsync(id, cancellationToken);

        protected override Pager<Client.Network.V2.Network> List(string? name, CancellationToken cancellationToken) => Client.ListNetworks(new ListNetworksOptions
        {
            Name = name,
            External = External.IsPresent ? true : (bool?)null,
            Shared = Shared.IsPresent ? true : (bool?)null,
            ProjectId = ProjectId,
            Status = Status?.ToUpperInvariant(),
            Limit = PageSize,
        }, cancellationToken);

        protected override string? NameOf(Client.Network.V2.Network item) => item.Name;
        protected override string IdOf(Client.Network.V2.Network item) => item.Id;
    }
}
