using System.Management.Automation;
using OpenStack.Client.Identity.V3;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Commands.Identity
{
    /// <summary>
    /// Deletes projects (`openstack project delete`); an admin call. Keystone does not delete what other
    /// services hold for the project (servers, networks, images), hence ConfirmImpact High.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSProjectCommand : OpenStackCmdlet
    {
        /// <summary>Names or ids; projects (objects with an Id) bind from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ProjectNameCompleter))]
        public string[]? Project { get; set; }

        /// <summary>The domain (name or id) a project name is looked up in.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Domain { get; set; }

        protected override string ErrorNoun => "Project";

        protected override void ProcessRecord()
        {
            var client = CreateClient(s => new IdentityClient(s));
            foreach (var nameOrId in Project!)
            {
                ForEachInput(nameOrId, () =>
                {
                    var domainId = Domain == null ? null : Run(ct => client.FindDomainIdAsync(Domain, ct));
                    var project = Run(ct => client.FindProjectAsync(nameOrId, domainId, ct));
                    if (!ShouldProcess($"{project.Name} ({project.Id})", "Delete project")) return;
                    Run(ct => client.DeleteProjectAsync(project.Id, ct));
                    WriteVerbose($"Deleted project {project.Name} ({project.Id}).");
                });
            }
        }
    }
}
