using System.Management.Automation;
using OpenStack.Client.Identity.V3;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Commands.Identity
{
    /// <summary>
    /// Lists projects: by default those the user can scope to (GET /v3/auth/projects, allowed for everyone);
    /// with -All every project of the cloud (GET /v3/projects, an admin call, as `openstack project list`).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSProject")]
    [OutputType(typeof(Project))]
    public sealed class GetOSProjectCommand : OpenStackCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter] public SwitchParameter All { get; set; }

        protected override string ErrorNoun => "Project";

        protected override void EndProcessing()
        {
            var client = CreateClient(s => new IdentityClient(s));
            var filter = new NameFilter(Name);
            ForEachInput(null, () =>
            {
                var pager = All ? client.ListProjects(null, null, CancellationToken) : client.ListAuthProjects(CancellationToken);
                System.Collections.Generic.IReadOnlyList<Project>? page;
                while ((page = Run(_ => pager.NextPageAsync())) != null)
                {
                    foreach (var project in page)
                    {
                        if (filter.Matches(project.Name)) WriteObject(project);
                    }
                }
            });
            foreach (var missing in filter.UnmatchedLiterals())
            {
                WriteFailure(new Client.Http.ResourceNotFoundException(Client.Resources.LegacyNouns.Project, missing), missing);
            }
        }
    }
}
