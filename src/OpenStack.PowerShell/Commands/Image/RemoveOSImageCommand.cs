namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>Deletes images (`openstack image delete`).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameOrIdSet)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSImageCommand : ImageTargetCmdlet
    {
        protected override void Process(Client.Image.V2.Image image)
        {
            if (!ShouldProcess(Describe(image), "Delete image")) return;
            Run(ct => Client.DeleteImageAsync(image.Id, ct));
            WriteVerbose($"Deleted image {Describe(image)}.");
        }
    }
}
