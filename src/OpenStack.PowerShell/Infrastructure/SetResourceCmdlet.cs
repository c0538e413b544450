namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// The generic Set-OS&lt;Noun&gt;: the cmdlet declares its target parameter (see <see cref="ResourceCmdlet{TClient,T}.Targets"/>)
    /// and its change parameters; one PUT of only the fields given per resource, through ShouldProcess. No change
    /// parameter at all is a terminating &lt;Noun&gt;NoChangeGiven before anything is sent.
    /// </summary>
    public abstract class SetResourceCmdlet<TClient, T> : ResourceCmdlet<TClient, T> where TClient : ServiceClient where T : class, IResource
    {
        /// <summary>Write each resource as it is after the change.</summary>
        [Parameter] public SwitchParameter PassThru { get; set; }

        /// <summary>The new name.</summary>
        [Parameter, ValidateNotNullOrEmpty] public string? Name { get; set; }

        /// <summary>The new description.</summary>
        [Parameter, ValidateNotNull] public string? Description { get; set; }

        /// <summary>The parameters that make a change, in the order the NoChangeGiven message lists them.</summary>
        protected abstract string[] ChangeParameters { get; }

        /// <summary>The fields to send (called once per resource, after ShouldProcess, so lookups it needs are not made for -WhatIf).</summary>
        protected abstract RequestOptions Changes();

        /// <summary>
        /// The PUT of <see cref="Changes"/>. A cmdlet overrides it when a change depends on the resource (a port's
        /// subnets are its network's) or it reads the service's refusals itself; null: it has written the error.
        /// </summary>
        protected virtual T? Update(T resource)
        {
            var changes = Changes();
            return Run(ct => Client.UpdateAsync(Resource, resource.Id, changes, ct));
        }

        protected override void BeginProcessing()
        {
            if (ChangeParameters.Any(MyInvocation.BoundParameters.ContainsKey)) return;
            var names = ChangeParameters.Select(p => "-" + p).ToList();
            var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names.Last();
            ThrowTerminatingError(ErrorRecords.Create(ErrorNoun + "NoChangeGiven", ErrorCategory.InvalidArgument, $"Nothing to change: give {list}.", null));
        }

        protected override void ProcessRecord() => ForEachTarget(Process);

        /// <summary>Changes one resource, through ShouldProcess (a cmdlet whose change takes more than one request overrides it).</summary>
        protected virtual void Process(T resource)
        {
            if (!ShouldProcess(Describe(resource), "Change " + Resource.Noun.Message)) return;
            var updated = Update(resource);
            if (PassThru && updated != null) WriteObject(updated);
        }
    }
}
