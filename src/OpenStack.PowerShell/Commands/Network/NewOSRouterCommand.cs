using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Creates a router (`openstack router create`), with its gateway on an external network if one is given.</summary>
    [Cmdlet(VerbsCommon.New, "OSRouter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Router))]
    public sealed class NewOSRouterCommand : ResourceCmdlet<NetworkClient, Router>
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The external network (name or id) for the gateway; a network object binds from the pipeline.</summary>
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "ExternalNetworkId")]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ExternalNetwork { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        /// <summary>-AdminStateUp:$false creates the router administratively down.</summary>
        [Parameter] public SwitchParameter AdminStateUp { get; set; }

        protected override ResourceDescriptor<Router> Resource => Routers.Resource;

        protected override void ProcessRecord()
        {
            ForEachInput(Name, () =>
            {
                var options = new CreateRouterOptions
                {
                    Name = Name!,
                    Description = Description,
                    AdminStateUp = Bound(nameof(AdminStateUp), AdminStateUp),
                };
                var target = Name!;
                if (ExternalNetwork != null)
                {
                    var network = Find(Networks.Resource, ExternalNetwork);
                    options.ExternalNetworkId = network.Id;
                    target += $" with its gateway on {Describe(network)}";
                }
                if (!ShouldProcess(target, "Create router")) return;
                WriteObject(Run(ct => Client.CreateAsync(Resource, options, ct)));
            });
        }
    }
}
