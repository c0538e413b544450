using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Changes networks (`openstack network set`) with one PUT of the given fields.</summary>
    [Cmdlet(VerbsCommon.Set, "OSNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Client.Network.V2.Network))]
    public sealed class SetOSNetworkCommand : SetResourceCmdlet<NetworkClient, Client.Network.V2.Network>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(Completers.NetworkNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Network { get => Targets; set => Targets = value; }

        [Parameter] public SwitchParameter AdminStateUp { get; set; }

        [Parameter] public SwitchParameter Shared { get; set; }

        [Parameter] public SwitchParameter External { get; set; }

        [Parameter]
        [ValidateRange(68, 65535)]
        public int? Mtu { get; set; }

        protected override ResourceDescriptor<Client.Network.V2.Network> Resource => Networks.Resource;

        protected override string[] ChangeParameters => new[] { nameof(Name), nameof(Description), nameof(AdminStateUp), nameof(Shared), nameof(External), nameof(Mtu) };

        protected override RequestOptions Changes() => new UpdateNetworkOptions
        {
            Name = Name,
            Description = Description,
            AdminStateUp = Bound(nameof(AdminStateUp), AdminStateUp),
            Shared = Bound(nameof(Shared), Shared),
            External = Bound(nameof(External), External),
            Mtu = Mtu,
        };
    }
}
