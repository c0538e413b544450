using OpenStack.Client.Identity.V3;

namespace OpenStack.PowerShell.Commands.Identity
{
    /// <summary>
    /// Lists projects: by default those the user can scope to (GET /v3/auth/projects, allowed for everyone);
    /// with -All every project of the cloud (GET /v3/projects, an admin call, as `openstack project list`).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSProject", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Project))]
    public sealed class GetOSProjectCommand : GetNamedResourceCmdlet<IdentityClient, Project>
    {
        [Parameter(ParameterSetName = ListSet)] public SwitchParameter All { get; set; }

        /// <summary>One project by id is GET /v3/projects/{id}, which Keystone allows a member for their own project.</summary>
        protected override ResourceDescriptor<Project> Resource => All || ParameterSetName == IdSet ? Projects.Resource : Projects.OwnResource;

        protected override ListOptions Filters() => new AllOptions();
    }
}
