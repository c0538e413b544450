using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Base of the cmdlets that act on existing servers (Remove-, Set-OSServer, Invoke-OSServerAction,
    /// Get-OSServerConsoleLog): the one target convention, -Server (alias Id), and the compute base's waits.
    /// </summary>
    public abstract class ServerTargetCmdlet : ComputeCmdlet
    {
        /// <summary>Server names, ids or wildcards; a plain name must match exactly one server, a wildcard acts on each match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(ServerNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Server { get => Targets; set => Targets = value; }

        protected override void ProcessRecord() => ForEachTarget(Process);

        /// <summary>Acts on one resolved server; client exceptions become non-terminating errors.</summary>
        protected abstract void Process(Server server);
    }
}
