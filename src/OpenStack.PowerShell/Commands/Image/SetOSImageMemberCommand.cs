using System.Management.Automation;
using OpenStack.Client.Image.V2.Members;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// What the consumer does with an image shared with it (`openstack image set --accept|--reject|--pending`):
    /// accepted images show in its image list. The project defaults to the session's own.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OSImageMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = NameOrIdSet)]
    [OutputType(typeof(ImageMember))]
    public sealed class SetOSImageMemberCommand : ImageMemberCmdlet
    {
        [Parameter(Mandatory = true)]
        [ValidateSet("accepted", "rejected", "pending", IgnoreCase = true)]
        public string Status { get; set; } = string.Empty;

        /// <summary>The member project (default: the session's project, the consumer's own).</summary>
        [Parameter]
        [ValidateNotNull]
        public object? Project { get; set; }

        protected override void Process(Client.Image.V2.Image image)
        {
            var projectId = Project != null ? ProjectIdOf(Project) : CurrentSession.ProjectId ?? string.Empty;
            var status = Status.ToLowerInvariant();
            if (!ShouldProcess(Describe(image), $"Set membership of project {projectId} to {status}")) return;
            WriteObject(Run(ct => Client.SetMemberStatusAsync(image.Id, projectId, status, ct)));
        }
    }
}
