using System.Management.Automation;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Completers;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Lists routers (`openstack router list`) or gets them by id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSRouter", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Router))]
    public sealed class GetOSRouterCommand : NeutronCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RouterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Only routers of this project id.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        protected override string ErrorNoun => "Router";

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            foreach (var id in Id!)
            {
                ForEachInput(id, () => WriteObject(Run(ct => Client.GetRouterAsync(id, ct))));
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet) return;
            WriteMatching("router", Name, (name, ct) => Client.ListRouters(new ListRoutersOptions { Name = name, ProjectId = ProjectId, Limit = 1000 }, ct),
                Client.GetRouterAsync, r => r.Name, r => r.Id);
        }
    }
}
