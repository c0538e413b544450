using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStack.Client.Http;
using OpenStack.Client.Image.V2;
using OpenStack.PowerShell.Completers;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Lists images (`openstack image list`) or gets them by id. Filters are sent to Glance; images are
    /// written as each page arrives, so the first ones show before a long list is complete.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSImage", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Client.Image.V2.Image))]
    public sealed class GetOSImageCommand : OpenStackCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";
        private ImageClient? _client;

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("public", "private", "shared", "community", "all", IgnoreCase = true)]
        public string? Visibility { get; set; }

        /// <summary>Images of every visibility (the CLI's --all); same as -Visibility all.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter All { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("queued", "saving", "uploading", "importing", "active", "deactivated", "killed", "deleted", "pending_delete", IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>Images shared with this project in that member state, as the consumer sees them (implies -Visibility shared).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("accepted", "pending", "rejected", "all", IgnoreCase = true)]
        public string? MemberStatus { get; set; }

        /// <summary>Images that carry every one of these tags.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>Project id of the images' owner.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Owner { get; set; }

        /// <summary>Custom property filters, e.g. @{ os_distro = 'ubuntu' }.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        /// <summary>Images asked of Glance per request (Glance's default is 25, its maximum usually 1000).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 1000)]
        public int PageSize { get; set; } = 1000;

        protected override string ErrorNoun => "Image";

        protected override void BeginProcessing() => _client = CreateClient(s => new ImageClient(s));

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            foreach (var id in Id!)
            {
                ForEachInput(id, () => WriteObject(Run(ct => _client!.GetImageAsync(id, ct))));
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet) return;
            var filter = new NameFilter(Name);
            var seen = new HashSet<string>();
            // Plain names go to Glance as exact filters; any wildcard means one unfiltered list, matched here.
            var serverNames = filter.IsEmpty || filter.HasWildcards ? new string?[] { null } : new List<string?>(filter.Literals).ToArray();
            var listed = 0;
            foreach (var serverName in serverNames)
            {
                var options = BuildOptions(serverName);
                ForEachInput(serverName, () =>
                {
                    // `Get-OSImage <uuid>` finds the image by id first, as `openstack image show` does.
                    if (serverName != null && Run(ct => _client!.TryGetImageAsync(serverName, ct)) is { } byId)
                    {
                        filter.MarkMatched(serverName);
                        if (seen.Add(byId.Id)) WriteObject(byId);
                        return;
                    }
                    var pager = _client!.ListImages(options, CancellationToken);
                    IReadOnlyList<Client.Image.V2.Image>? page;
                    while ((page = Run(_ => pager.NextPageAsync())) != null)
                    {
                        foreach (var image in page)
                        {
                            if (filter.Matches(image.Name) && seen.Add(image.Id)) WriteObject(image);
                        }
                        listed += page.Count;
                        if (pager.PageCount > 1) WriteProgress(new ProgressRecord(1, "Listing images", $"{listed} images in {pager.PageCount} pages"));
                    }
                });
            }
            WriteProgress(new ProgressRecord(1, "Listing images", "Done") { RecordType = ProgressRecordType.Completed });
            foreach (var missing in filter.UnmatchedLiterals()) WriteFailure(new Client.Http.ResourceNotFoundException(Client.Resources.LegacyNouns.Image, missing), missing);
        }

        private ListImagesOptions BuildOptions(string? name)
        {
            var options = new ListImagesOptions
            {
                Name = name,
                Status = Status?.ToLowerInvariant(),
                Visibility = All ? "all" : Visibility?.ToLowerInvariant() ?? (MemberStatus != null ? "shared" : null),
                MemberStatus = MemberStatus?.ToLowerInvariant(),
                Owner = Owner,
                Limit = PageSize,
            };
            foreach (var tag in Tag ?? new string[0]) options.Tags.Add(tag);
            if (Property != null)
            {
                foreach (DictionaryEntry pair in Property) options.Properties[pair.Key.ToString()!] = pair.Value?.ToString() ?? string.Empty;
            }
            return options;
        }
    }
}
