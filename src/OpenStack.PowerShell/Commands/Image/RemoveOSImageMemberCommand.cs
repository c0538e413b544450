using OpenStack.Client.Image.V2.Members;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>Stops sharing an image with a project (`openstack image remove project`).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSImageMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSImageMemberCommand : ImageMemberCmdlet
    {
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public object? Project { get; set; }

        protected override void Process(Client.Image.V2.Image image)
        {
            var projectId = ProjectIdOf(Project!);
            if (!ShouldProcess(Describe(image), $"Stop sharing image with project {projectId}")) return;
            Run(ct => Client.RemoveMemberAsync(image.Id, projectId, ct));
            WriteVerbose($"Image {Describe(image)} is no longer shared with project {projectId}.");
        }
    }
}
