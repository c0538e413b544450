using OpenStack.Client.Compute.V2;
using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Lists ports (`openstack port list`) or gets them by name, id or wildcard: those of a network, a server or a
    /// router (by name, id, or piped in: <c>Get-OSNetwork net1 | Get-OSPort</c>), of a device owner or in a status.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSPort", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Port))]
    public sealed class GetOSPortCommand : GetNamedResourceCmdlet<NetworkClient, Port>
    {
        private string? _networkId, _deviceId;
        private bool _resolved;

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Network { get; set; }

        /// <summary>The server's ports (name or id).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Server { get; set; }

        /// <summary>The router's ports (name or id): its interfaces and gateway.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(RouterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Router { get; set; }

        /// <summary>compute:nova, network:router_interface, network:router_gateway, network:dhcp, …</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? DeviceOwner { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("ACTIVE", "DOWN", "BUILD", "ERROR")]
        public string? Status { get; set; }

        protected override ResourceDescriptor<Port> Resource => Ports.Resource;

        protected override bool BeforeListing()
        {
            if (_resolved) return true;
            _resolved = TryResolveFilter(Network, n => Find(Networks.Resource, n).Id, ref _networkId)
                && TryResolveFilter(Server, n => Run(ct => Other<ComputeClient>().FindAsync(Servers.Resource, n, ct)).Id, ref _deviceId)
                && TryResolveFilter(Router, n => Find(Routers.Resource, n).Id, ref _deviceId);
            return _resolved;
        }

        protected override ListOptions Filters() => new ListPortsOptions
        {
            NetworkId = _networkId, DeviceId = _deviceId, DeviceOwner = DeviceOwner, Status = Status, Limit = 1000,
        };

        /// <summary>A network, server or router piped in lists its ports.</summary>
        protected override ListOptions? ScopeFor(object input)
        {
            var options = (ListPortsOptions)Filters();
            switch (input)
            {
                case Client.Network.V2.Network network: options.NetworkId = network.Id; return options;
                case Client.Network.V2.Router router: options.DeviceId = router.Id; return options;
                case Client.Compute.V2.Server server: options.DeviceId = server.Id; return options;
                default: return null;
            }
        }
    }
}
