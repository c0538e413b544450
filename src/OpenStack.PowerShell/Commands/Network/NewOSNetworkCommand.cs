using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Creates a network (`openstack network create`).</summary>
    [Cmdlet(VerbsCommon.New, "OSNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Client.Network.V2.Network))]
    public sealed class NewOSNetworkCommand : NewResourceCmdlet<NetworkClient, Client.Network.V2.Network>
    {
        /// <summary>-AdminStateUp:$false creates the network administratively down.</summary>
        [Parameter] public SwitchParameter AdminStateUp { get; set; }

        /// <summary>Share the network with every project (admins only by default policy).</summary>
        [Parameter] public SwitchParameter Shared { get; set; }

        /// <summary>Mark the network external (router:external), so routers can put their gateway on it.</summary>
        [Parameter] public SwitchParameter External { get; set; }

        [Parameter]
        [ValidateSet("flat", "vlan", "vxlan", "gre", IgnoreCase = true)]
        public string? ProviderNetworkType { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProviderPhysicalNetwork { get; set; }

        [Parameter]
        [ValidateRange(0, 16777215)]
        public int? ProviderSegmentationId { get; set; }

        [Parameter]
        [ValidateRange(68, 65535)]
        public int? Mtu { get; set; }

        protected override ResourceDescriptor<Client.Network.V2.Network> Resource => Networks.Resource;

        protected override RequestOptions CreateOptions(string name) => new CreateNetworkOptions
        {
            Name = name,
            Description = Description,
            AdminStateUp = Bound(nameof(AdminStateUp), AdminStateUp),
            Shared = Bound(nameof(Shared), Shared),
            External = Bound(nameof(External), External),
            ProviderNetworkType = ProviderNetworkType?.ToLowerInvariant(),
            ProviderPhysicalNetwork = ProviderPhysicalNetwork,
            ProviderSegmentationId = ProviderSegmentationId,
            Mtu = Mtu,
        };
    }
}
