using OpenStack.Client.Image.V2.Members;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// What the consumer does with an image shared with it (`openstack image set --accept|--reject|--pending`):
    /// accepted images show in its image list. The project defaults to the session's own.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OSImageMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
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

        protected override void ProcessRecord()
        {
            // A consumer may not see a pending image in lists (nor an image not shared with it at all): an id goes
            // straight to the member call, whose 404 says the image is not shared with the project.
            if (Image == null)
            {
                base.ProcessRecord();
                return;
            }
            foreach (var nameOrId in Image)
            {
                if (System.Guid.TryParse(nameOrId, out _)) ForEachInput(nameOrId, () => SetStatus(nameOrId, nameOrId));
                else ForEachInput(nameOrId, () => Process(Run(ct => Client.FindImageAsync(nameOrId, ct))));
            }
        }

        protected override void Process(Client.Image.V2.Image image) => SetStatus(image.Id, Describe(image));

        private void SetStatus(string imageId, string label)
        {
            var projectId = Project != null ? ProjectIdOf(Project) : CurrentSession.ProjectId ?? string.Empty;
            var status = Status.ToLowerInvariant();
            if (!ShouldProcess(label, $"Set membership of project {projectId} to {status}")) return;
            WriteObject(Run(ct => Client.SetMemberStatusAsync(imageId, projectId, status, ct)));
        }
    }
}
