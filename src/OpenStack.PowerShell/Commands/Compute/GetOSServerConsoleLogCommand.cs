using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Reads a server's console log (`openstack console log show`): one string per line, the last -Lines only when given.</summary>
    [Cmdlet(VerbsCommon.Get, "OSServerConsoleLog")]
    [OutputType(typeof(string))]
    public sealed class GetOSServerConsoleLogCommand : ServerTargetCmdlet
    {
        /// <summary>Only the last this many lines.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Lines { get; set; }

        protected override void Process(Server server)
        {
            foreach (var line in Run(ct => Compute.GetConsoleOutputAsync(server.Id, Lines, ct))) WriteObject(line);
        }
    }
}
