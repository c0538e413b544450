using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Lists subnets (`openstack subnet list`) or gets them by name, id or wildcard. -Network, or a network piped in
    /// (<c>Get-OSNetwork net1 | Get-OSSubnet</c>), lists that network's subnets.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSSubnet", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Subnet))]
    public sealed class GetOSSubnetCommand : GetNamedResourceCmdlet<NetworkClient, Subnet>
    {
        private string? _networkId;

        /// <summary>Only the subnets of this network (name or id).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Network { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("4", "6")]
        public string? IpVersion { get; set; }

        protected override ResourceDescriptor<Subnet> Resource => Subnets.Resource;

        /// <summary>-Network is resolved once, so its id is the filter; an unknown network is NetworkNotFound.</summary>
        protected override bool BeforeListing()
        {
            if (Network == null || _networkId != null) return true;
            ForEachInput(Network, () => _networkId = Find(Networks.Resource, Network).Id);
            return _networkId != null;
        }

        protected override ListOptions Filters() => new ListSubnetsOptions
        {
            NetworkId = _networkId,
            IpVersion = IpVersion == null ? (int?)null : int.Parse(IpVersion, System.Globalization.CultureInfo.InvariantCulture),
            Limit = 1000,
        };

        protected override ListOptions? ScopeFor(object input)
        {
            if (!(input is Client.Network.V2.Network network)) return null;
            var options = (ListSubnetsOptions)Filters();
            options.NetworkId = network.Id;
            return options;
        }
    }
}
