using System.Management.Automation;
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
    public sealed class GetOSNetworkCommand : NeutronCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

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

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            foreach (var id in Id!)
            {
                ForEachInput(id, () => WriteObject(Run(ct => Client.GetNetworkAsync(id, ct))));
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet) return;
            WriteMatching("network", Name, (name, ct) => Client.ListNetworks(new ListNetworksOptions
            {
                Name = name,
                External = External.IsPresent ? true : (bool?)null,
                Shared = Shared.IsPresent ? true : (bool?)null,
                ProjectId = ProjectId,
                Status = Status?.ToUpperInvariant(),
                Limit = PageSize,
            }, ct), Client.GetNetworkAsync, n => n.Name, n => n.Id);
        }
    }
}
