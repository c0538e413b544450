namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// The generic Get for a resource with names: -Name (position 0, wildcards, completed from the noun of the
    /// command through <see cref="Completers.NameCompleter"/>) is declared here once. A cmdlet whose first parameter is
    /// something else (floating IPs by address, rules by group) derives <see cref="GetResourceCmdlet{TClient,T}"/>.
    /// </summary>
    public abstract class GetNamedResourceCmdlet<TClient, T> : GetResourceCmdlet<TClient, T> where TClient : ServiceClient where T : class, IResource
    {
        /// <summary>Names, ids or wildcards; a plain one is looked up as the CLI does, a wildcard matched against the list.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards, ArgumentCompleter(typeof(NameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override string[]? Names => Name;
    }
}
