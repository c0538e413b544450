using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Base of Add-/Remove-OSRouterInterface: a router (by name, id, wildcard or pipeline) and a subnet (by name or id),
    /// each resolved as the CLI does; every router a wildcard picks goes through ShouldProcess.
    /// </summary>
    public abstract class RouterInterfaceCmdlet : ResourceCmdlet<NetworkClient, Router>
    {
        /// <summary>The router's name, id or wildcard; a router object binds from the pipeline by its Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RouterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Router { get; set; }

        /// <summary>The subnet's name or id.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(SubnetNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Subnet { get; set; }

        protected override ResourceDescriptor<Router> Resource => Routers.Resource;

        protected override void ProcessRecord()
        {
            ForEachInput(Router, () =>
            {
                var routers = Pick(Resource, Router!);
                if (routers.Count == 0) return;
                var subnet = Find(Subnets.Resource, Subnet!);
                foreach (var router in routers) Process(router, subnet);
            });
        }

        protected abstract void Process(Router router, Subnet subnet);
    }
}
