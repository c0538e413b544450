namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// The generic New-OS&lt;Noun&gt; for resources made from a name: -Name (position 0, from the pipeline, one create
    /// each) and -Description are declared here; the cmdlet adds its own parameters and the body. A cmdlet whose
    /// pipeline input is something else (a subnet's network, a router's external network) derives ResourceCmdlet.
    /// </summary>
    public abstract class NewResourceCmdlet<TClient, T> : ResourceCmdlet<TClient, T> where TClient : ServiceClient where T : class, IResource
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        /// <summary>The create body for one name (called after ShouldProcess, so lookups it makes are not made for -WhatIf).</summary>
        protected abstract RequestOptions CreateOptions(string name);

        /// <summary>What ShouldProcess names: the name, and what else tells this create apart (a domain, prefixes).</summary>
        protected virtual string Describe(string name) => name;

        protected override void ProcessRecord()
        {
            foreach (var name in Name!)
            {
                ForEachInput(name, () =>
                {
                    if (!ShouldProcess(Describe(name), "Create " + Resource.Noun.Message)) return;
                    var options = CreateOptions(name);
                    WriteObject(Run(ct => Client.CreateAsync(Resource, options, ct)));
                });
            }
        }
    }
}
