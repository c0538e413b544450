using OpenStack.Client.Identity.V3;

namespace OpenStack.PowerShell.Commands.Identity
{
    /// <summary>Creates a project (`openstack project create`); an admin call.</summary>
    [Cmdlet(VerbsCommon.New, "OSProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Project))]
    public sealed class NewOSProjectCommand : NewResourceCmdlet<IdentityClient, Project>
    {
        /// <summary>The domain's name or id; by default the domain of the session's project.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Domain { get; set; }

        /// <summary>Create the project disabled (no token can be scoped to it).</summary>
        [Parameter] public SwitchParameter Disabled { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        protected override ResourceDescriptor<Project> Resource => Projects.Resource;

        protected override string Describe(string name) => Domain == null ? name : $"{name} in domain {Domain}";

        protected override RequestOptions CreateOptions(string name)
        {
            var options = new CreateProjectOptions { Name = name, Description = Description, Enabled = !Disabled };
            if (Domain != null) options.DomainId = Find(Projects.Domains, Domain).Id;
            foreach (var tag in Tag ?? new string[0]) options.Tags.Add(tag);
            return options;
        }
    }
}
