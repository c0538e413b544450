using OpenStack.Client.Image.V2.Stores;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>Deletes images (`openstack image delete`), or with -Store removes their data from that one store only (the image stays).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSImageCommand : ImageTargetCmdlet
    {
        /// <summary>Remove only the image's data in this store (DELETE /v2/stores/{store}/{image}); the image and its other stores stay.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ImageStoreCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Store { get; set; }

        protected override void Process(Client.Image.V2.Image image)
        {
            if (Store != null)
            {
                if (!ShouldProcess(Describe(image), $"Remove image data from store '{Store}'")) return;
                Run(ct => Client.DeleteFromStoreAsync(image.Id, Store, ct));
                WriteVerbose($"Removed image {Describe(image)} from store {Store}.");
                return;
            }
            if (!ShouldProcess(Describe(image), "Delete image")) return;
            Run(ct => Client.DeleteImageAsync(image.Id, ct));
            WriteVerbose($"Deleted image {Describe(image)}.");
        }
    }
}
