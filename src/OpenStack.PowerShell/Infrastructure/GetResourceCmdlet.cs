namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// The generic Get-OS&lt;Noun&gt; (after PSOpenAD's GetOpenADOperation): -Name with wildcards (declared by the
    /// cmdlet, for its position and completer), -Id, and the pipeline. A piped string is a name or id; a piped
    /// object of this noun is read again by its id; an object of a related noun scopes the list
    /// (<c>Get-OSNetwork net1 | Get-OSSubnet</c>); any other object is an error, never bound to -Id.
    /// </summary>
    public abstract class GetResourceCmdlet<TClient, T> : ResourceCmdlet<TClient, T> where TClient : ServiceClient where T : class, IResource
    {
        protected const string ListSet = "List";
        protected const string IdSet = "Id";
        private bool _piped;

        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.IdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>A name or id (string), an object of this noun, or one of a noun that scopes the list.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>The -Name the cmdlet declares (null: all).</summary>
        protected abstract string[]? Names { get; }

        /// <summary>The server-side filters from the cmdlet's parameters (page size included).</summary>
        protected abstract ListOptions Filters();

        /// <summary>The filters for an object of another noun (a network for subnets), or null when it does not scope this list.</summary>
        protected virtual ListOptions? ScopeFor(object input) => null;

        /// <summary>Resolves what the filters need (such as a network id); false stops the listing.</summary>
        protected virtual bool BeforeListing() => true;

        /// <summary>At most this many are written (null: all); the listing stops asking for pages once reached.</summary>
        protected virtual int? MaxItems => null;

        /// <summary>Writes the resources found, a page at a time (a cmdlet may fill in names from other services first).</summary>
        protected virtual void WritePage(IReadOnlyList<T> items)
        {
            foreach (var item in items) WriteObject(item);
        }

        private int _written;

        private bool Full => MaxItems.HasValue && _written >= MaxItems.Value;

        private void Emit(List<T> items)
        {
            if (MaxItems.HasValue && items.Count > MaxItems.Value - _written) items = items.GetRange(0, System.Math.Max(0, MaxItems.Value - _written));
            _written += items.Count;
            if (items.Count > 0) WritePage(items);
        }

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                _piped = true;
                FromPipeline(InputObject.BaseObject);
                return;
            }
            if (ParameterSetName != IdSet) return;
            foreach (var id in Id!)
            {
                ForEachInput(id, () => WritePage(new[] { Run(ct => Client.GetAsync(Resource, id, ct)) }));
            }
        }

        protected override void EndProcessing()
        {
            if (_piped || ParameterSetName != ListSet || !BeforeListing()) return;
            WriteMatching(Names, Filters());
        }

        private void FromPipeline(object input)
        {
            switch (input)
            {
                case string text:
                    if (BeforeListing()) WriteMatching(new[] { text }, Filters());
                    return;
                case T same:
                    ForEachInput(same, () => WritePage(new[] { Run(ct => Client.GetAsync(Resource, same.Id, ct)) }));
                    return;
            }
            var scope = ScopeFor(input);
            if (scope != null)
            {
                WriteMatching(Names, scope);
                return;
            }
            WriteError(ErrorRecords.Create(ErrorNoun + "InputInvalid", ErrorCategory.InvalidType,
                $"A {input.GetType().Name} cannot be piped to {MyInvocation.MyCommand.Name}: pipe names, ids or {Resource.Noun.Message} objects.", input));
        }

        /// <summary>
        /// Plain names are each looked up as the CLI does (id first, the exact-name filter, then the case rule) and one
        /// that matched nothing is a non-terminating &lt;Noun&gt;NotFound; any wildcard means one list matched here.
        /// </summary>
        private void WriteMatching(string[]? names, ListOptions options)
        {
            var filter = new NameFilter(names);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (filter.IsEmpty || filter.HasWildcards)
            {
                ForEachInput(null, () =>
                {
                    var pager = Client.List(Resource, options, CancellationToken);
                    IReadOnlyList<T>? page;
                    while (!Full && (page = Run(_ => pager.NextPageAsync())) != null)
                    {
                        Emit(page.Where(item => filter.Matches(item.Name) && seen.Add(item.Id)).ToList());
                    }
                });
                foreach (var missing in filter.UnmatchedLiterals()) WriteFailure(new ResourceNotFoundException(Resource.Noun, missing), missing);
                return;
            }
            foreach (var name in filter.Literals)
            {
                ForEachInput(name, () =>
                {
                    var matches = Run(ct => Client.MatchAsync(Resource, name, ct, options));
                    if (matches.Count == 0) throw new ResourceNotFoundException(Resource.Noun, name);
                    if (!Full) Emit(matches.Where(item => seen.Add(item.Id)).ToList());
                });
            }
        }
    }
}
