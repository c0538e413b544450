using OpenStack.Client.Identity.V3;

namespace OpenStack.PowerShell.Commands.Identity
{
    /// <summary>
    /// Lists projects: by default those the user can scope to (GET /v3/auth/projects, allowed for everyone);
    /// with -All every project of the cloud (GET /v3/projects, an admin call, as `openstack project list`).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSProject")]
    [OutputType(typeof(Project))]
    public sealed class GetOSProjectCommand : ResourceCmdlet<IdentityClient, Project>
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ProjectNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter] public SwitchParameter All { get; set; }

        protected override ResourceDescriptor<Project> Resource => Projects.Resource;

        protected override void EndProcessing()
        {
            var filter = new NameFilter(Name);
            ForEachInput(null, () =>
            {
                var pager = Client.List(All ? Projects.Resource : Projects.OwnResource, null, CancellationToken);
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
                WriteFailure(new Client.Http.ResourceNotFoundException(Projects.Noun, missing), missing);
            }
        }
    }
}
