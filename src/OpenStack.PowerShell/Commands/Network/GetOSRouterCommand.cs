using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Lists routers (`openstack router list`) or gets them by name, id or wildcard.</summary>
    [Cmdlet(VerbsCommon.Get, "OSRouter", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Router))]
    public sealed class GetOSRouterCommand : GetNamedResourceCmdlet<NetworkClient, Router>
    {
        /// <summary>Only routers of this project id.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        protected override ResourceDescriptor<Router> Resource => Routers.Resource;

        protected override ListOptions Filters() => new ListRoutersOptions { ProjectId = ProjectId, Limit = 1000 };
    }
}
