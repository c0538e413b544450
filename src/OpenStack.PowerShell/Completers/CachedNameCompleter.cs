using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation.Language;
using System.Threading;
using OpenStack.Client;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>
    /// The one base of the resource completers: names (and ids) from one list per session (see
    /// <see cref="CompletionSession"/>), remembered for 30 s or until the session changes something
    /// (<see cref="OpenStackSession.ChangeCount"/>: what the module itself created or removed shows at once).
    /// A failed or slow lookup completes nothing: completion must never hang the prompt or show an error.
    /// A subclass says only how to list.
    /// </summary>
    public abstract class CachedNameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
        // Instances are made per completion, so the lists live here, one cache per completer type.
        private static readonly ConcurrentDictionary<Type, ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>>> Caches =
            new ConcurrentDictionary<Type, ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>>>();

        private readonly ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>>? _ownCache;

        protected CachedNameCompleter() { }

        /// <summary>For completers that keep their list in a cache of their own (a static field made by <see cref="NewCache"/>).</summary>
        private protected CachedNameCompleter(ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>> cache) => _ownCache = cache;

        internal static ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>> NewCache() =>
            new ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>>(CacheLifetime);

        /// <summary>Whether ids are offered too (keypairs have none but their names).</summary>
        protected virtual bool CompleteIds => true;

        /// <summary>The resources to offer (one page is enough for completion).</summary>
        protected abstract IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Complete(wordToComplete, fakeBoundParameters, names: !TypedAsId(commandAst, wordToComplete));

        /// <summary>
        /// Whether the word is completed after "-Id": a target parameter's alias Id shares its completer, and what is
        /// typed as an id is offered ids only, as on a parameter named Id.
        /// </summary>
        private static bool TypedAsId(CommandAst? commandAst, string? wordToComplete)
        {
            var elements = commandAst?.CommandElements;
            if (elements == null || elements.Count == 0) return false;
            var last = elements[elements.Count - 1];
            var parameter = last as CommandParameterAst;
            if (parameter == null && elements.Count > 1 && last.Extent.Text == (wordToComplete ?? string.Empty)) parameter = elements[elements.Count - 2] as CommandParameterAst;
            return parameter != null && string.Equals(parameter.ParameterName, "Id", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Names then ids starting with <paramref name="wordToComplete"/>; ids only when <paramref name="names"/> is false (-Id parameters).</summary>
        internal IEnumerable<CompletionResult> Complete(string? wordToComplete, IDictionary fakeBoundParameters, bool names)
        {
            var session = CompletionSession.Resolve(fakeBoundParameters);
            if (session == null) return Enumerable.Empty<CompletionResult>();
            var items = (_ownCache ?? Caches.GetOrAdd(GetType(), _ => NewCache())).GetOrAdd(session, session.ChangeCount, LoadSafely);
            var pattern = new WildcardPattern(WildcardPattern.Escape((wordToComplete ?? string.Empty).Trim('\'', '"')) + "*", WildcardOptions.IgnoreCase);
            var byName = names
                ? items.Where(i => !string.IsNullOrEmpty(i.Name) && pattern.IsMatch(i.Name)).Select(i => i.Name!).Distinct()
                    .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                    .Select(n => new CompletionResult(CloudNameCompleter.Quote(n), n, CompletionResultType.ParameterValue, n))
                : Enumerable.Empty<CompletionResult>();
            var byId = CompleteIds || !names
                ? items.Where(i => pattern.IsMatch(i.Id)).Select(i => new CompletionResult(i.Id, i.Id, CompletionResultType.ParameterValue, string.IsNullOrEmpty(i.Name) ? i.Id : i.Name!))
                : Enumerable.Empty<CompletionResult>();
            return byName.Concat(byId).ToList();
        }

        private IReadOnlyList<(string Id, string? Name)> LoadSafely(OpenStackSession session)
        {
            try
            {
                using var timeout = new CancellationTokenSource(CompletionSession.LookupTimeout);
                return Load(session, timeout.Token).ToList();
            }
            catch (Exception ex) when (ex is Client.Http.OpenStackException || ex is OperationCanceledException)
            {
                return Array.Empty<(string, string?)>();
            }
        }

        protected static IReadOnlyList<T> FirstPage<T>(Client.Http.Pager<T> pager) =>
            pager.NextPageAsync().GetAwaiter().GetResult() ?? (IReadOnlyList<T>)Array.Empty<T>();
    }
}
