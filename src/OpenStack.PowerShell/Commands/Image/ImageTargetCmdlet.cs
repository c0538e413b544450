using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Base of the cmdlets that act on existing images: they take names or ids (-Image), or image objects
    /// from the pipeline (-InputObject), and resolve each to one image before acting.
    /// </summary>
    public abstract class ImageTargetCmdlet : ResourceCmdlet<ImageClient, Client.Image.V2.Image>
    {
        protected const string NameOrIdSet = "NameOrId";
        protected const string ObjectSet = "Object";

        /// <summary>Image names, ids or wildcards. A plain name must match exactly one image; a wildcard acts on each match.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameOrIdSet, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Image { get; set; }

        /// <summary>Images from Get-OSImage.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Client.Image.V2.Image[]? InputObject { get; set; }

        protected override ResourceDescriptor<Client.Image.V2.Image> Resource => Images.Resource;

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                foreach (var image in InputObject) ForEachInput(image, () => Process(image));
                return;
            }
            foreach (var nameOrId in Image ?? Array.Empty<string>())
            {
                ForEachInput(nameOrId, () =>
                {
                    foreach (var image in Pick(Resource, nameOrId)) Process(image);
                });
            }
        }

        /// <summary>Acts on one resolved image; client exceptions become non-terminating errors.</summary>
        protected abstract void Process(Client.Image.V2.Image image);
    }
}
