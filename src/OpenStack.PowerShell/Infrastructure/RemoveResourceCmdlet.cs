namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// The generic Remove-OS&lt;Noun&gt;: the cmdlet declares its target parameter (see <see cref="ResourceCmdlet{TClient,T}.Targets"/>)
    /// and ConfirmImpact High; each name, id or wildcard match is deleted through ShouldProcess.
    /// </summary>
    public abstract class RemoveResourceCmdlet<TClient, T> : ResourceCmdlet<TClient, T> where TClient : ServiceClient where T : class, IResource
    {
        protected override void ProcessRecord() => ForEachTarget(Process);

        /// <summary>Deletes one resource, through ShouldProcess.</summary>
        protected virtual void Process(T resource)
        {
            if (!ShouldProcess(Describe(resource), "Delete " + Resource.Noun.Message)) return;
            if (Delete(resource)) WriteVerbose($"Deleted {Resource.Noun.Message} {Describe(resource)}.");
        }

        /// <summary>The delete itself (a cmdlet may wait for it, or report a refusal its own way and answer false).</summary>
        protected virtual bool Delete(T resource)
        {
            Run(ct => Client.DeleteAsync(Resource, resource.Id, ct));
            return true;
        }
    }
}
