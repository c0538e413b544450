using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Base of the cmdlets that act on existing servers: names or ids (-Server, also from the pipeline as strings),
    /// or anything with an Id property from the pipeline (-Id by property name: Get-OSServer's objects, for example).
    /// Each server is handled on its own: one failure is reported and the next server is still processed.
    /// </summary>
    public abstract class ServerTargetCmdlet : ComputeCmdlet
    {
        protected const string NameOrIdSet = "NameOrId";
        protected const string IdSet = "Id";

        /// <summary>Server names, ids or wildcards; a plain name must match exactly one server, a wildcard acts on each match.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameOrIdSet, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Server { get; set; }

        /// <summary>Server ids, bound from the Id property of piped objects.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.IdCompleter))]
        public string[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id!) ForEachInput(id, () => Process(Run(ct => Compute.GetAsync(Servers.Resource, id, ct))));
                return;
            }
            foreach (var nameOrId in Server ?? Array.Empty<string>())
            {
                ForEachInput(nameOrId, () =>
                {
                    foreach (var server in Pick(Servers.Resource, nameOrId)) Process(server);
                });
            }
        }

        /// <summary>Acts on one resolved server; client exceptions become non-terminating errors.</summary>
        protected abstract void Process(Server server);
    }
}
