using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Completers;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Lists routers (`openstack router list`) or gets them by id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSRouter", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Router))]
    public sealed class GetOSRouterCommand : NeutronGetCmdlet<Router>
    {
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RouterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only routers of this project id.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        protected override string ErrorNoun => "Router";
        protected override string Kind => "router";
        protected override string[]? Names => Name;

        protected override Task<Router> GetAsync(string id, CancellationToken cancellationToken) => Client.GetRouterAsync(id, cancellationToken);

        protected override Pager<Router> List(string? name, CancellationToken cancellationToken) =>
            Client.ListRouters(new ListRoutersOptions { Name = name, ProjectId = ProjectId, Limit = 1000 }, cancellationToken);

        protected override string? NameOf(Router item) => item.Name;
        protected override string IdOf(Router item) => item.Id;
    }
}
