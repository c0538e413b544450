using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Changes subnets (`openstack subnet set`) with one PUT of the given fields.</summary>
    [Cmdlet(VerbsCommon.Set, "OSSubnet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Subnet))]
    public sealed class SetOSSubnetCommand : SetResourceCmdlet<NetworkClient, Subnet>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(Completers.SubnetNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Subnet { get => Targets; set => Targets = value; }

        /// <summary>A new gateway address, or 'none' to remove the gateway.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? GatewayIp { get; set; }

        /// <summary>-EnableDhcp turns DHCP on, -EnableDhcp:$false off.</summary>
        [Parameter] public SwitchParameter EnableDhcp { get; set; }

        /// <summary>The whole new list of DNS servers; @() clears it.</summary>
        [Parameter]
        [ValidateNotNull]
        [AllowEmptyCollection]
        public string[]? DnsNameserver { get; set; }

        protected override ResourceDescriptor<Subnet> Resource => Subnets.Resource;

        protected override string[] ChangeParameters => new[] { nameof(Name), nameof(Description), nameof(GatewayIp), nameof(EnableDhcp), nameof(DnsNameserver) };

        protected override RequestOptions Changes()
        {
            var noGateway = string.Equals(GatewayIp, "none", System.StringComparison.OrdinalIgnoreCase);
            return new UpdateSubnetOptions
            {
                Name = Name,
                Description = Description,
                NoGateway = noGateway,
                GatewayIp = noGateway ? null : GatewayIp,
                EnableDhcp = Bound(nameof(EnableDhcp), EnableDhcp),
                DnsNameservers = DnsNameserver,
            };
        }
    }
}
