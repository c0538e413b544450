using System.Collections.Generic;
using System.Management.Automation;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Http;
using OpenStack.PowerShell.Completers;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Lists flavors (`openstack flavor list`, with -All also private ones) or gets them by id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSFlavor", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Flavor))]
    public sealed class GetOSFlavorCommand : ComputeCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Private flavors too (admin), the CLI's --all.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter All { get; set; }

        protected override string ErrorNoun => "Flavor";

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            foreach (var id in Id!) ForEachInput(id, () => WriteObject(Run(ct => Compute.GetFlavorAsync(id, ct))));
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet) return;
            var filter = new NameFilter(Name);
            ForEachInput(null, () =>
            {
                var pager = Compute.ListFlavors(All, CancellationToken);
                IReadOnlyList<Flavor>? page;
                while ((page = Run(_ => pager.NextPageAsync())) != null)
                {
                    foreach (var flavor in page) if (filter.Matches(flavor.Name)) WriteObject(flavor);
                }
            });
            foreach (var missing in filter.UnmatchedLiterals()) WriteFailure(new Client.Http.ResourceNotFoundException(Client.Resources.LegacyNouns.Flavor, missing), missing);
        }
    }
}
