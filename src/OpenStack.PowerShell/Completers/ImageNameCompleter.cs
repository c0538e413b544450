using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using OpenStack.Client;
using OpenStack.Client.Image.V2;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>Completes image names (and ids) from the default session, remembering the list briefly.</summary>
    public sealed class ImageNameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);
        private static readonly ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>> Cache =
            new ConditionalCache<OpenStackSession, IReadOnlyList<(string, string?)>>(CacheLifetime);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = (fakeBoundParameters["Session"] as OpenStackSession) ?? SessionStore.Default;
            if (session == null) return Enumerable.Empty<CompletionResult>();
            var images = Cache.GetOrAdd(session, Load);
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            var byName = images.Where(i => i.Name != null && pattern.IsMatch(i.Name)).Select(i => i.Name!).Distinct()
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                .Select(n => new CompletionResult(CloudNameCompleter.Quote(n), n, CompletionResultType.ParameterValue, n));
            var byId = images.Where(i => pattern.IsMatch(i.Id))
                .Select(i => new CompletionResult(i.Id, i.Id, CompletionResultType.ParameterValue, i.Name ?? i.Id));
            return byName.Concat(byId).ToList();
        }

        private static IReadOnlyList<(string, string?)> Load(OpenStackSession session)
        {
            // Completion must never hang the prompt, nor show an error: a failed lookup completes nothing.
            try
            {
                using var timeout = new CancellationTokenSource(LookupTimeout);
                var client = new ImageClient(session);
                var page = client.ListImages(new ListImagesOptions { Limit = 1000 }, timeout.Token).NextPageAsync().GetAwaiter().GetResult();
                return page?.Select(i => (i.Id, i.Name)).ToList() ?? new List<(string, string?)>();
            }
            catch (Exception ex) when (ex is Client.Http.OpenStackException || ex is OperationCanceledException)
            {
                return Array.Empty<(string, string?)>();
            }
        }
    }
}
