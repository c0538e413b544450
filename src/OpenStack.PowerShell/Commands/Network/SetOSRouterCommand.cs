using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Changes routers (`openstack router set` / `router unset --external-gateway`) with one PUT of the given fields:
    /// -ExternalNetwork puts the gateway on an external network, -RemoveExternalGateway takes it off.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OSRouter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = GatewaySet)]
    [OutputType(typeof(Router))]
    public sealed class SetOSRouterCommand : SetResourceCmdlet<NetworkClient, Router>
    {
        private const string GatewaySet = "Gateway";
        private const string NoGatewaySet = "NoGateway";
        private string? _externalNetworkId;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(RouterNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Router { get => Targets; set => Targets = value; }

        [Parameter] public SwitchParameter AdminStateUp { get; set; }

        /// <summary>The external network (name or id) the router's gateway goes on.</summary>
        [Parameter(ParameterSetName = GatewaySet)]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ExternalNetwork { get; set; }

        /// <summary>Takes the router's gateway off its external network.</summary>
        [Parameter(Mandatory = true, ParameterSetName = NoGatewaySet)]
        public SwitchParameter RemoveExternalGateway { get; set; }

        protected override ResourceDescriptor<Router> Resource => Routers.Resource;

        protected override string[] ChangeParameters =>
            new[] { nameof(Name), nameof(Description), nameof(AdminStateUp), nameof(ExternalNetwork), nameof(RemoveExternalGateway) };

        protected override RequestOptions Changes()
        {
            // Looked up once, after the first ShouldProcess: -WhatIf sends nothing but the router's own lookup.
            if (ExternalNetwork != null) _externalNetworkId ??= Find(Networks.Resource, ExternalNetwork).Id;
            return new UpdateRouterOptions
            {
                Name = Name,
                Description = Description,
                AdminStateUp = Bound(nameof(AdminStateUp), AdminStateUp),
                ExternalNetworkId = _externalNetworkId,
                RemoveExternalGateway = RemoveExternalGateway.IsPresent,
            };
        }
    }
}
