using System.Collections;
using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Lists images (`openstack image list`) or gets them by name, id or wildcard; strings piped in are names or ids. Filters are sent to Glance; images are
    /// written as each page arrives, so the first ones show before a long list is complete.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSImage", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Client.Image.V2.Image))]
    public sealed class GetOSImageCommand : GetNamedResourceCmdlet<ImageClient, Client.Image.V2.Image>
    {
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

        protected override ResourceDescriptor<Client.Image.V2.Image> Resource => Images.Resource;

        protected override ListOptions Filters()
        {
            var options = new ListImagesOptions
            {
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
