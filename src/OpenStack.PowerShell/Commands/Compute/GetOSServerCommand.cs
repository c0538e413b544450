using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Http;
using OpenStack.Client.Image.V2;
using OpenStack.PowerShell.Completers;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Lists servers (`openstack server list --long`) or gets them by id. Servers are written page by page;
    /// image and flavor names are filled in from one list each (not one call per server).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSServer", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Server))]
    public sealed class GetOSServerCommand : ComputeCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("ACTIVE", "BUILD", "DELETED", "ERROR", "HARD_REBOOT", "MIGRATING", "PASSWORD", "PAUSED", "REBOOT", "REBUILD", "RESCUE",
            "RESIZE", "REVERT_RESIZE", "SHELVED", "SHELVED_OFFLOADED", "SHUTOFF", "SOFT_DELETED", "SUSPENDED", "UNKNOWN", "VERIFY_RESIZE", IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>Only servers booted from this image (name, id or image object).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNull]
        public object? Image { get; set; }

        /// <summary>Only servers of this flavor (name, id or flavor object).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        [ValidateNotNull]
        public object? Flavor { get; set; }

        /// <summary>Servers of every project (admin only), the CLI's --all-projects.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter AllProjects { get; set; }

        /// <summary>At most this many servers (also the page size asked of Nova).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        public int? Limit { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            foreach (var id in Id!)
            {
                ForEachInput(id, () =>
                {
                    var server = Run(ct => Compute.GetServerAsync(id, ct));
                    FillNames(new[] { server });
                    WriteObject(server);
                });
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet) return;
            string? imageId = null, flavorId = null;
            try
            {
                if (Image != null) imageId = ResolveImageId(Image);
                if (Flavor != null) flavorId = ResolveFlavorId(Flavor);
            }
            catch (System.Exception ex) when (IsReportable(ex))
            {
                ThrowTerminatingError(ErrorRecords.From(ex, ErrorNoun, Image ?? Flavor));
            }
            var filter = new NameFilter(Name);
            var seen = new HashSet<string>();
            var serverNames = filter.IsEmpty || filter.HasWildcards ? new string?[] { null } : filter.Literals.Cast<string?>().ToArray();
            var written = 0;
            foreach (var serverName in serverNames)
            {
                ForEachInput(serverName, () =>
                {
                    var options = new ListServersOptions
                    {
                        ExactName = serverName, Status = Status?.ToUpperInvariant(), ImageId = imageId, FlavorId = flavorId,
                        AllProjects = AllProjects, Limit = Limit.HasValue ? System.Math.Min(Limit.Value, 1000) : (int?)null,
                    };
                    var pager = Compute.ListServers(options, CancellationToken);
                    IReadOnlyList<Server>? page;
                    while ((Limit == null || written < Limit) && (page = Run(_ => pager.NextPageAsync())) != null)
                    {
                        var matched = page.Where(s => filter.Matches(s.Name) && seen.Add(s.Id)).ToList();
                        if (Limit.HasValue) matched = matched.Take(Limit.Value - written).ToList();
                        FillNames(matched);
                        foreach (var server in matched) WriteObject(server);
                        written += matched.Count;
                        if (pager.PageCount > 1) WriteProgress(new ProgressRecord(1, "Listing servers", $"{written} servers in {pager.PageCount} pages"));
                    }
                });
            }
            WriteProgress(new ProgressRecord(1, "Listing servers", "Done") { RecordType = ProgressRecordType.Completed });
            foreach (var missing in filter.UnmatchedLiterals()) WriteFailure(new Client.Http.ResourceNotFoundException(Client.Resources.LegacyNouns.Server, missing), missing);
        }
    }
}
