using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Creates a subnet on a network (`openstack subnet create`); the network may come from the pipeline.</summary>
    [Cmdlet(VerbsCommon.New, "OSSubnet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Subnet))]
    public sealed class NewOSSubnetCommand : ResourceCmdlet<NetworkClient, Subnet>
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The network's name or id; a network object (or anything with an Id) binds from the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "NetworkId")]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Network { get; set; }

        /// <summary>The address range, e.g. 10.0.0.0/24 or fd00::/64.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Cidr { get; set; }

        /// <summary>4 or 6; taken from -Cidr when not given.</summary>
        [Parameter]
        [ValidateSet("4", "6")]
        public string? IpVersion { get; set; }

        /// <summary>The gateway address; 'none' for a subnet without gateway. Neutron's default is the first address.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? GatewayIp { get; set; }

        /// <summary>-EnableDhcp:$false turns DHCP off (Neutron's default is on).</summary>
        [Parameter] public SwitchParameter EnableDhcp { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? DnsNameserver { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        protected override ResourceDescriptor<Subnet> Resource => Subnets.Resource;

        protected override void ProcessRecord()
        {
            ForEachInput(Network, () =>
            {
                var network = Find(Networks.Resource, Network!);
                var options = new CreateSubnetOptions
                {
                    Name = Name!,
                    NetworkId = network.Id,
                    Cidr = Cidr!,
                    IpVersion = IpVersion != null ? (IpVersion == "6" ? 6 : 4) : (Cidr!.Contains(":") ? 6 : 4),
                    NoGateway = string.Equals(GatewayIp, "none", System.StringComparison.OrdinalIgnoreCase),
                    EnableDhcp = Bound(nameof(EnableDhcp), EnableDhcp),
                    Description = Description,
                };
                if (!options.NoGateway) options.GatewayIp = GatewayIp;
                foreach (var server in DnsNameserver ?? new string[0]) options.DnsNameservers.Add(server);
                if (!ShouldProcess($"{Name} ({Cidr}) on network {Describe(network)}", "Create subnet")) return;
                WriteObject(Run(ct => Client.CreateAsync(Resource, options, ct)));
            });
        }
    }
}
