using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Attaches a network or a port to servers (`openstack server add network` / `server add port`, os-interface).
    /// Nova gives a server a second port on a network it is already on without a word; that is refused here before
    /// any request (ServerNetworkAlreadyAttached) unless -Force is given (or the port is passed with -Port).
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "OSServerInterface", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ServerInterface))]
    public sealed class AddOSServerInterfaceCommand : ServerTargetCmdlet
    {
        private string? _networkId;
        private string? _portId;

        /// <summary>The network (name, id or object) to give the server a new port on.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNull]
        public object? Network { get; set; }

        /// <summary>The address to ask for on -Network.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? FixedIpAddress { get; set; }

        /// <summary>An existing, unused port (name, id or object) to attach.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        [ValidateNotNull]
        public object? Port { get; set; }

        /// <summary>Attach -Network even when the server already has a port on it (Nova then makes a second one).</summary>
        [Parameter] public SwitchParameter Force { get; set; }

        /// <summary>-Network or -Port, exactly one, resolved once before any server is changed.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if ((Network == null) == (Port == null))
                ThrowTerminatingError(ErrorRecords.Create("ServerInterfaceTargetInvalid", ErrorCategory.InvalidArgument,
                    "Give -Network (a new port on it) or -Port (an existing port), one of them.", null));
            if (FixedIpAddress != null && Network == null)
                ThrowTerminatingError(ErrorRecords.Create("ServerInterfaceTargetInvalid", ErrorCategory.InvalidArgument,
                    "-FixedIpAddress goes with -Network; a port given with -Port keeps its own addresses.", FixedIpAddress));
            try
            {
                if (Network != null) _networkId = ResolveNetworkId(Network);
                else _portId = ResolvePort(Port!).Id;
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowTerminatingError(ErrorRecords.From(ex, Network != null ? "Network" : "Port", Network ?? Port));
            }
        }

        protected override void Process(Server server)
        {
            var what = _networkId != null ? $"Attach network {TextOf(Network!)}" : $"Attach port {TextOf(Port!)}";
            if (!ShouldProcess(Describe(server), what)) return;
            if (_networkId != null && !Force)
            {
                var existing = Run(ct => Compute.ListInterfacesAsync(server.Id, ct)).FirstOrDefault(i => i.NetworkId == _networkId);
                if (existing != null)
                {
                    WriteError(ErrorRecords.Create("ServerNetworkAlreadyAttached", ErrorCategory.ResourceExists,
                        $"Server {Describe(server)} is already on network {_networkId} (port {existing.PortId}, {string.Join(", ", existing.FixedIps)}); " +
                        "Nova would give it a second port there. Pass -Force to add one anyway, or -Port with a port you made.", server));
                    return;
                }
            }
            var options = new AttachInterfaceOptions { NetworkId = _networkId, PortId = _portId, FixedIpAddress = FixedIpAddress };
            WriteObject(Run(ct => Compute.AttachInterfaceAsync(server.Id, options, ct)));
        }
    }
}
