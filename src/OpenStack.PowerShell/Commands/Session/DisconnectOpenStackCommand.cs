using OpenStack.Client;

namespace OpenStack.PowerShell.Commands.Session
{
    /// <summary>Revokes the session's token (DELETE /v3/auth/tokens) and forgets it as the default.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "OpenStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class DisconnectOpenStackCommand : OpenStackCmdlet
    {
        protected override string ErrorNoun => "Session";

        // Connecting only to disconnect would be absurd: without a session this says so.
        protected override bool ConnectsOnFirstUse => false;

        protected override void EndProcessing()
        {
            var session = CurrentSession;
            if (!ShouldProcess(session.ToString(), "Revoke the token and disconnect")) return;
            try
            {
                Run(ct => session.DisconnectAsync(ct));
            }
            catch (Client.Http.OpenStackException ex)
            {
                WriteFailure(ex, session);
            }
            SessionStore.Forget(session);
            session.Dispose();
        }
    }
}
