using System.Collections.Generic;
using System.Management.Automation;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Completers;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Lists networks (`openstack network list`) or gets them by id. Filters are sent to Neutron; a plain
    /// name is an exact server-side filter, a wildcard is matched here on the unfiltered list.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSNetwork", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Client.Network.V2.Network))]
    public sealed class GetOSNetworkCommand : OpenStackCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";
        private NetworkClient? _client;

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

        protected override void BeginProcessing() => _client = CreateClient(s => new NetworkClient(s));

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            foreach (var id in Id!)
            {
                ForEachInput(id, () => WriteObject(Run(ct => _client!.GetNetworkAsync(id, ct))));
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet) return;
            var filter = new NameFilter(Name);
            var seen = new HashSet<string>();
            var serverNames = filter.IsEmpty || filter.HasWildcards ? new string?[] { null } : new List<string?>(filter.Literals).ToArray();
            foreach (var serverName in serverNames)
            {
                ForEachInput(serverName, () =>
                {
                    // `Get-OSNetwork <uuid>` finds the network by id first, as `openstack network show` does.
                    if (serverName != null && System.Guid.TryParse(serverName, out _))
                    {
                        try
                        {
                            var byId = Run(ct => _client!.GetNetworkAsync(serverName, ct));
                            filter.MarkMatched(serverName);
                            if (seen.Add(byId.Id)) WriteObject(byId);
                            return;
                        }
                        catch (OpenStackApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
                        {
                        }
                    }
                    var pager = _client!.ListNetworks(BuildOptions(serverName), CancellationToken);
                    IReadOnlyList<Client.Network.V2.Network>? page;
                    while ((page = Run(_ => pager.NextPageAsync())) != null)
                    {
                        foreach (var network in page)
                        {
                            if (filter.Matches(network.Name) && seen.Add(network.Id)) WriteObject(network);
                        }
                    }
                });
            }
            foreach (var missing in filter.UnmatchedLiterals()) WriteFailure(new ResourceNotFoundException("network", missing), missing);
        }

        private ListNetworksOptions BuildOptions(string? name) => new ListNetworksOptions
        {
            Name = name,
            External = External.IsPresent ? true : (bool?)null,
            Shared = Shared.IsPresent ? true : (bool?)null,
            ProjectId = ProjectId,
            Status = Status?.ToUpperInvariant(),
            Limit = PageSize,
        };
    }
}
