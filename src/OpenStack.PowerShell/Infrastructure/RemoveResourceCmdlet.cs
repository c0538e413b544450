namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// The generic Remove-OS&lt;Noun&gt;: the cmdlet declares its target parameter (named for its noun, aliased Id,
    /// bound from the pipeline by value and by property name, with its completer) and forwards it to <see cref="Targets"/>;
    /// each name, id or wildcard match is deleted through ShouldProcess (the cmdlet's ConfirmImpact is High).
    /// </summary>
    public abstract class RemoveResourceCmdlet<TClient, T> : ResourceCmdlet<TClient, T> where TClient : ServiceClient where T : class, IResource
    {
        /// <summary>Names, ids or wildcards of the resources to delete.</summary>
        protected string[]? Targets { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var target in Targets!)
            {
                ForEachInput(target, () =>
                {
                    foreach (var resource in Pick(Resource, target))
                    {
                        if (!ShouldProcess(Describe(resource), "Delete " + Resource.Noun.Message)) continue;
                        Run(ct => Client.DeleteAsync(Resource, resource.Id, ct));
                        WriteVerbose($"Deleted {Resource.Noun.Message} {Describe(resource)}.");
                    }
                });
            }
        }
    }
}
