using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using OpenStack.Client;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>
    /// Completes resource names (and ids) from one list per session, remembered briefly. A failed or slow lookup
    /// completes nothing: completion must never hang the prompt or show an error. Subclasses say how to list.
    /// </summary>
    public abstract class CachedNameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);
        private readonly ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>> _cache;

        private protected CachedNameCompleter(ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>> cache) => _cache = cache;

        /// <summary>One cache per completer class (a static field of it), shared by its instances.</summary>
        internal static ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>> NewCache() =>
            new ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>>(CacheLifetime);

        /// <summary>Whether ids are offered too (keypairs have none but their names).</summary>
        protected virtual bool CompleteIds => true;

        /// <summary>The resources to offer (one page is enough for completion).</summary>
        protected abstract IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = (fakeBoundParameters["Session"] as OpenStackSession) ?? SessionStore.Default;
            if (session == null) return Enumerable.Empty<CompletionResult>();
            var items = _cache.GetOrAdd(session, LoadSafely);
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            var byName = items.Where(i => i.Name != null && pattern.IsMatch(i.Name)).Select(i => i.Name!).Distinct()
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                .Select(n => new CompletionResult(CloudNameCompleter.Quote(n), n, CompletionResultType.ParameterValue, n));
            var byId = CompleteIds
                ? items.Where(i => pattern.IsMatch(i.Id)).Select(i => new CompletionResult(i.Id, i.Id, CompletionResultType.ParameterValue, i.Name ?? i.Id))
                : Enumerable.Empty<CompletionResult>();
            return byName.Concat(byId).ToList();
        }

        private IReadOnlyList<(string Id, string? Name)> LoadSafely(OpenStackSession session)
        {
            try
            {
                using var timeout = new CancellationTokenSource(LookupTimeout);
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
