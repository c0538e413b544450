using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Base of the cmdlets that act on existing images (Set-, Save-, Copy-, Remove-OSImage and the member cmdlets):
    /// the one target convention, -Image (aliases Id, and ImageId so that image members pipe in too).
    /// </summary>
    public abstract class ImageTargetCmdlet : ResourceCmdlet<ImageClient, Client.Image.V2.Image>
    {
        /// <summary>Image names, ids or wildcards. A plain name must match exactly one image; a wildcard acts on each match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "ImageId"), SupportsWildcards, ArgumentCompleter(typeof(ImageNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Image { get => Targets; set => Targets = value; }

        protected override ResourceDescriptor<Client.Image.V2.Image> Resource => Images.Resource;

        protected override void ProcessRecord() => ForEachTarget(Process);

        /// <summary>Acts on one resolved image; client exceptions become non-terminating errors.</summary>
        protected abstract void Process(Client.Image.V2.Image image);
    }
}
