using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Allocates a floating IP on an external network (`openstack floating ip create`), and with -Server or -Port
    /// associates it in the same request, so a refused association leaves no address allocated.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OSFloatingIp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = AllocateSet)]
    [OutputType(typeof(FloatingIp))]
    public sealed class NewOSFloatingIpCommand : FloatingIpAssociationCmdlet
    {
        private const string AllocateSet = "Allocate";

        /// <summary>The external network (name or id), such as "public".</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FloatingNetworkId")]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Network { get; set; }

        /// <summary>A particular address of the external network's subnet.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Address { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            ForEachInput(Network, () =>
            {
                var network = Find(Networks.Resource, Network!);
                var options = new CreateFloatingIpOptions { FloatingNetworkId = network.Id, FloatingIpAddress = Address, Description = Description };
                var what = $"on network {Describe(network)}";
                if (ParameterSetName != AllocateSet)
                {
                    var target = Target(network.Id);
                    if (target == null) return;
                    options.PortId = target.Port.Id;
                    options.FixedIpAddress = target.FixedIpAddress.Length == 0 ? null : target.FixedIpAddress;
                    what += $" for port {Describe(target.Port)}" + (options.FixedIpAddress == null ? "" : $" ({options.FixedIpAddress})");
                }
                if (!ShouldProcess(what, "Allocate floating IP")) return;
                var created = Send(ct => Client.CreateAsync(Resource, options, ct), network);
                if (created != null) WriteObject(created);
            });
        }
    }
}
