using OpenStack.Client.Image.V2.Members;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Shares an image with a project (`openstack image add project`): the member starts "pending" until that project
    /// accepts with Set-OSImageMember. Only images with visibility "shared" have members.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "OSImageMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageMember))]
    public sealed class AddOSImageMemberCommand : ImageMemberCmdlet
    {
        /// <summary>The project to share with: a name, an id or a project object.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public object? Project { get; set; }

        protected override void Process(Client.Image.V2.Image image)
        {
            var projectId = ProjectIdOf(Project!);
            if (!ShouldProcess(Describe(image), $"Share image with project {projectId}")) return;
            WriteObject(Run(ct => Client.AddMemberAsync(image, projectId, ct)));
        }
    }
}
