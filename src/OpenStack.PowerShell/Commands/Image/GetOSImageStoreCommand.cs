using OpenStack.Client.Image.V2;
using OpenStack.Client.Image.V2.Stores;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>Lists Glance's stores (`openstack image list --stores`… GET /v2/info/stores); -Detail (admins) adds each store's type and settings.</summary>
    [Cmdlet(VerbsCommon.Get, "OSImageStore")]
    [OutputType(typeof(ImageStore))]
    public sealed class GetOSImageStoreCommand : OpenStackCmdlet
    {
        /// <summary>Store ids to show (wildcards allowed); all when absent.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ImageStoreCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>GET /v2/info/stores/detail: adds Type and Properties (Glance allows admins only).</summary>
        [Parameter] public SwitchParameter Detail { get; set; }

        protected override string ErrorNoun => "ImageStore";

        protected override void EndProcessing()
        {
            var client = CreateClient(s => new ImageClient(s));
            var filter = new NameFilter(Id);
            ForEachInput(null, () =>
            {
                foreach (var store in Run(ct => client.ListStoresAsync(Detail, ct)))
                {
                    if (filter.Matches(store.Id)) WriteObject(store);
                }
            });
            foreach (var missing in filter.UnmatchedLiterals())
                WriteError(ErrorRecords.Create("ImageStoreNotFound", ErrorCategory.ObjectNotFound, $"Glance has no store '{missing}'.", missing));
        }
    }
}
