using OpenStack.Client.Compute.V2;
using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Lists floating IPs (`openstack floating ip list`), or gets them by address, id or wildcard; those of an external network, a port or a server.</summary>
    [Cmdlet(VerbsCommon.Get, "OSFloatingIp", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(FloatingIp))]
    public sealed class GetOSFloatingIpCommand : GetResourceCmdlet<NetworkClient, FloatingIp>
    {
        private string? _networkId, _portId;
        private string[]? _serverPorts;
        private bool _resolved;

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(FloatingIpCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Address { get; set; }

        /// <summary>The external network (name or id) the addresses come from.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Network { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Port { get; set; }

        /// <summary>The floating IPs of the server's ports.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Server { get; set; }

        protected override ResourceDescriptor<FloatingIp> Resource => FloatingIps.Resource;

        protected override string[]? Names => Address;

        protected override bool BeforeListing()
        {
            if (_resolved) return true;
            _resolved = TryResolveFilter(Network, n => Find(Networks.Resource, n).Id, ref _networkId)
                && TryResolveFilter(Port, n => Find(Ports.Resource, n).Id, ref _portId)
                && TryResolveFilter(Server, n => ServerPortIds(Run(ct => Other<ComputeClient>().FindAsync(Servers.Resource, n, ct))), ref _serverPorts);
            return _resolved;
        }

        private string[] ServerPortIds(Server server) =>
            Run(ct => Client.List(Ports.Resource, new ListPortsOptions { DeviceId = server.Id, Limit = 1000 }, ct).AllAsync()).Select(p => p.Id).ToArray();

        protected override ListOptions Filters() => new ListFloatingIpsOptions { FloatingNetworkId = _networkId, PortId = _portId, Limit = 1000 };

        /// <summary>With -Server, only the addresses of its ports (Neutron filters by one port at a time).</summary>
        protected override void WritePage(System.Collections.Generic.IReadOnlyList<FloatingIp> items)
        {
            if (_serverPorts == null) { base.WritePage(items); return; }
            base.WritePage(System.Linq.Enumerable.ToList(System.Linq.Enumerable.Where(items, f => f.PortId != null && System.Array.IndexOf(_serverPorts, f.PortId) >= 0)));
        }

        protected override ListOptions? ScopeFor(object input) => input is Client.Network.V2.Port port
            ? new ListFloatingIpsOptions { PortId = port.Id, Limit = 1000 } : null;
    }
}
