using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Completers;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Lists subnets (`openstack subnet list`) or gets them by id; -Network filters by network.</summary>
    [Cmdlet(VerbsCommon.Get, "OSSubnet", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Subnet))]
    public sealed class GetOSSubnetCommand : NeutronGetCmdlet<Subnet>
    {
        private string? _networkId;

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SubnetNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only the subnets of this network (name or id).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Network { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("4", "6")]
        public string? IpVersion { get; set; }

        protected override string ErrorNoun => "Subnet";
        protected override string Kind => "subnet";
        protected override string[]? Names => Name;

        /// <summary>-Network is resolved once, so its id is the filter; an unknown network is NetworkNotFound.</summary>
        protected override bool BeforeListing()
        {
            if (Network == null) return true;
            ForEachInput(Network, () => _networkId = FindNetwork(Network).Id);
            return _networkId != null;
        }

        protected override Task<Subnet> GetAsync(string id, CancellationToken cancellationToken) => Client.GetSubnetAsync(id, cancellationToken);

        protected override Pager<Subnet> List(string? name, CancellationToken cancellationToken) => Client.ListSubnets(new ListSubnetsOptions
        {
            Name = name,
            NetworkId = _networkId,
            IpVersion = IpVersion == null ? (int?)null : int.Parse(IpVersion, System.Globalization.CultureInfo.InvariantCulture),
            Limit = 1000,
        }, cancellationToken);

        protected override string? NameOf(Subnet item) => item.Name;
        protected override string IdOf(Subnet item) => item.Id;
    }
}
