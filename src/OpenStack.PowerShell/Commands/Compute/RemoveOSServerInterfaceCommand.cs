using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Detaches a port from servers (`openstack server remove port`, os-interface). Nova answers 202 even for a port
    /// the server does not have, so that is checked first (ServerInterfaceNotAttached). A port Nova made for the
    /// server (at boot or by Add-OSServerInterface -Network) is deleted with it; a port the user made is kept.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSServerInterface", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSServerInterfaceCommand : ServerTargetCmdlet
    {
        private Client.Network.V2.Port? _port;

        /// <summary>The port (name, id or object: Get-OSPort's, or Get-OSServerInterface's PortId) to detach.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        [ValidateNotNull]
        public object? Port { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                var value = Port is PSObject ps ? ps.BaseObject : Port;
                _port = ResolvePort(value is ServerInterface attachment ? attachment.PortId : Port!);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowTerminatingError(ErrorRecords.From(ex, "Port", Port));
            }
        }

        protected override void Process(Server server)
        {
            var port = _port!;
            if (port.DeviceId != server.Id)
            {
                WriteError(ErrorRecords.Create("ServerInterfaceNotAttached", ErrorCategory.ObjectNotFound,
                    $"Port {Describe(port)} is not attached to server {Describe(server)}" +
                    (string.IsNullOrEmpty(port.DeviceId) ? "." : $" (its device is {port.DeviceId})."), server));
                return;
            }
            if (!ShouldProcess(Describe(server), $"Detach port {Describe(port)}")) return;
            Run(ct => Compute.DetachInterfaceAsync(server.Id, port.Id, ct));
            WriteVerbose($"Detached port {Describe(port)} from server {Describe(server)}.");
        }
    }
}
