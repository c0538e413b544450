namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet about one kind of resource: its client, its descriptor (and so its ErrorIds), and the
    /// lookups by name, id or wildcard that every parameter picking existing resources goes through.
    /// </summary>
    public abstract class ResourceCmdlet<TClient, T> : OpenStackCmdlet where TClient : ServiceClient where T : class, IResource
    {
        private TClient? _client;

        private readonly Dictionary<System.Type, ServiceClient> _others = new Dictionary<System.Type, ServiceClient>();

        protected TClient Client => _client ??= CreateClient(ServiceClients.Create<TClient>);

        /// <summary>Another service's client, for lookups of other nouns (a server's image, a subnet's network); made once.</summary>
        protected TOther Other<TOther>() where TOther : ServiceClient
        {
            if (!_others.TryGetValue(typeof(TOther), out var client)) _others[typeof(TOther)] = client = CreateClient(ServiceClients.Create<TOther>);
            return (TOther)client;
        }

        /// <summary>The resource this cmdlet is about.</summary>
        protected abstract ResourceDescriptor<T> Resource { get; }

        protected override string ErrorNoun => Resource.Noun.ErrorNoun;

        /// <summary>Exactly one resource by name or id (case rule included), or a NotFound / NameAmbiguous error.</summary>
        protected TR Find<TR>(ResourceDescriptor<TR> resource, string nameOrId, ListOptions? scope = null) where TR : class, IResource =>
            Run(ct => Client.FindAsync(resource, nameOrId, ct, scope));

        /// <summary>
        /// Resolves a list filter given by name or id into <paramref name="value"/> (nothing given: nothing to do).
        /// False when it could not be resolved: the failure is written as a non-terminating error for that input, and
        /// the caller lists nothing rather than listing everything unfiltered.
        /// </summary>
        protected bool TryResolveFilter<TV>(string? nameOrId, Func<string, TV> resolve, ref TV? value) where TV : class
        {
            if (nameOrId == null) return true;
            TV? found = null;
            ForEachInput(nameOrId, () => found = resolve(nameOrId));
            if (found == null) return false;
            value = found;
            return true;
        }

        /// <summary>
        /// What a change acts on: with a wildcard, every match; else, or when the pattern matches nothing (a name or
        /// id may hold '?' or '['), exactly one resource by id or name, or &lt;Noun&gt;NotFound. Each is then confirmed
        /// through ShouldProcess by the caller.
        /// </summary>
        protected IReadOnlyList<TR> Pick<TR>(ResourceDescriptor<TR> resource, string nameIdOrPattern, ListOptions? scope = null) where TR : class, IResource
        {
            if (WildcardPattern.ContainsWildcardCharacters(nameIdOrPattern))
            {
                var pattern = new WildcardPattern(nameIdOrPattern, WildcardOptions.IgnoreCase);
                var matches = Run(ct => Client.List(resource, scope, ct).AllAsync()).Where(r => r.Name != null && pattern.IsMatch(r.Name)).ToList();
                if (matches.Count > 0) return matches;
            }
            return new[] { Find(resource, nameIdOrPattern, scope) };
        }

        /// <summary>
        /// Names, ids or wildcards of the resources a cmdlet acts on. PowerShell names a parameter after its property,
        /// so the concrete cmdlet declares the target parameter, named for its noun, and forwards it here:
        /// <code>
        /// [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        /// [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(SubnetNameCompleter)), ValidateNotNullOrEmpty]
        /// public string[]? Subnet { get => Targets; set => Targets = value; }
        /// </code>
        /// A piped string binds by value (a name, id or wildcard); a piped object binds its Id by property name.
        /// </summary>
        protected string[]? Targets { get; set; }

        /// <summary>What one target names: every wildcard match, or exactly one by id or name (a cmdlet may scope the lookup).</summary>
        protected virtual IReadOnlyList<T> PickTargets(string target) => Pick(Resource, target);

        /// <summary>
        /// Resolves each of <see cref="Targets"/> on its own (a failure is reported and the next is still handled) and
        /// hands every match to <paramref name="process"/>, which confirms it through ShouldProcess.
        /// </summary>
        protected void ForEachTarget(Action<T> process)
        {
            foreach (var target in Targets ?? Array.Empty<string>())
            {
                ForEachInput(target, () =>
                {
                    foreach (var resource in PickTargets(target)) process(resource);
                });
            }
        }

        /// <summary>Whether a switch was given at all, so -X:$false sends false and no -X sends nothing.</summary>
        protected bool? Bound(string parameter, SwitchParameter value) =>
            MyInvocation.BoundParameters.ContainsKey(parameter) ? value.IsPresent : (bool?)null;

        /// <summary>A value parameter only when it was given, so that an unset one sends nothing.</summary>
        protected int? Given(string parameter, int value) => MyInvocation.BoundParameters.ContainsKey(parameter) ? value : (int?)null;

        /// <summary>"name (id)", or the id alone for a resource without a name: what ShouldProcess and Verbose show.</summary>
        protected static string Describe(IResource resource) => string.IsNullOrEmpty(resource.Name) || resource.Name == resource.Id ? resource.Id : $"{resource.Name} ({resource.Id})";
    }
}
