using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Deletes servers (`openstack server delete [--wait]`).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSServerCommand : ServerTargetCmdlet
    {
        /// <summary>Wait until Nova no longer knows the server.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Seconds -Wait waits before failing with ServerWaitTimeout.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int Timeout { get; set; } = DefaultTimeoutSeconds;

        protected override void Process(Server server)
        {
            if (!ShouldProcess(Describe(server), "Delete server")) return;
            Run(ct => Compute.DeleteAsync(Servers.Resource, server.Id, ct));
            if (Wait) WaitForServer(server.Id, Describe(server), "deleted", _ => false, Timeout, untilGone: true);
            WriteVerbose($"Deleted server {Describe(server)}.");
        }
    }
}
