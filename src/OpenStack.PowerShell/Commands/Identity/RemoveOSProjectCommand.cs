using OpenStack.Client.Identity.V3;

namespace OpenStack.PowerShell.Commands.Identity
{
    /// <summary>
    /// Deletes projects (`openstack project delete`); an admin call. Keystone does not delete what other
    /// services hold for the project (servers, networks, images), hence ConfirmImpact High.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSProjectCommand : ResourceCmdlet<IdentityClient, Project>
    {
        /// <summary>Names or ids; projects (objects with an Id) bind from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ProjectNameCompleter))]
        public string[]? Project { get; set; }

        /// <summary>The domain (name or id) a project name is looked up in.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Domain { get; set; }

        protected override ResourceDescriptor<Project> Resource => Projects.Resource;

        protected override void ProcessRecord()
        {
            foreach (var nameOrId in Project!)
            {
                ForEachInput(nameOrId, () =>
                {
                    var domainId = Domain == null ? null : Find(Projects.Domains, Domain).Id;
                    foreach (var project in Pick(Resource, nameOrId, new ListProjectsOptions { DomainId = domainId }))
                    {
                        if (!ShouldProcess(Describe(project), "Delete project")) continue;
                        Run(ct => Client.DeleteAsync(Resource, project.Id, ct));
                        WriteVerbose($"Deleted project {Describe(project)}.");
                    }
                });
            }
        }
    }
}
