using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using OpenStack.Client;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>
    /// Completes Neutron resource names (and ids) from the default session, remembering each list briefly.
    /// Subclasses say which list; the matching and the never-hang rules are shared.
    /// </summary>
    public abstract class NeutronNameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

        // One cache per completer type: instances are made per completion, so the lists must outlive them.
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>>> Caches =
            new System.Collections.Concurrent.ConcurrentDictionary<Type, ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>>>();

        private protected abstract IEnumerable<(string Id, string? Name)> List(NetworkClient client, CancellationToken cancellationToken);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = (fakeBoundParameters["Session"] as OpenStackSession) ?? SessionStore.Default;
            if (session == null) return Enumerable.Empty<CompletionResult>();
            var items = Caches.GetOrAdd(GetType(), _ => new ConditionalCache<OpenStackSession, IReadOnlyList<(string, string?)>>(TimeSpan.FromSeconds(30)))
                .GetOrAdd(session, Load);
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            var byName = items.Where(i => !string.IsNullOrEmpty(i.Name) && pattern.IsMatch(i.Name)).Select(i => i.Name!).Distinct()
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                .Select(n => new CompletionResult(CloudNameCompleter.Quote(n), n, CompletionResultType.ParameterValue, n));
            var byId = items.Where(i => pattern.IsMatch(i.Id))
                .Select(i => new CompletionResult(i.Id, i.Id, CompletionResultType.ParameterValue, string.IsNullOrEmpty(i.Name) ? i.Id : i.Name!));
            return byName.Concat(byId).ToList();
        }

        private IReadOnlyList<(string, string?)> Load(OpenStackSession session)
        {
            // Completion must never hang the prompt, nor show an error: a failed lookup completes nothing.
            try
            {
                using var timeout = new CancellationTokenSource(LookupTimeout);
                return List(new NetworkClient(session), timeout.Token).ToList();
            }
            catch (Exception ex) when (ex is Client.Http.OpenStackException || ex is OperationCanceledException)
            {
                return Array.Empty<(string, string?)>();
            }
        }
    }

    /// <summary>Completes network names and ids.</summary>
    public sealed class NetworkNameCompleter : NeutronNameCompleter
    {
        private protected override IEnumerable<(string Id, string? Name)> List(NetworkClient client, CancellationToken cancellationToken) =>
            (client.List(Networks.Resource, new ListNetworksOptions { Limit = 1000 }, cancellationToken).NextPageAsync().GetAwaiter().GetResult()
             ?? new List<Client.Network.V2.Network>()).Select(n => (n.Id, n.Name));
    }

    /// <summary>Completes subnet names and ids.</summary>
    public sealed class SubnetNameCompleter : NeutronNameCompleter
    {
        private protected override IEnumerable<(string Id, string? Name)> List(NetworkClient client, CancellationToken cancellationToken) =>
            (client.List(Subnets.Resource, new ListSubnetsOptions { Limit = 1000 }, cancellationToken).NextPageAsync().GetAwaiter().GetResult()
             ?? new List<Subnet>()).Select(s => (s.Id, s.Name));
    }

    /// <summary>Completes router names and ids.</summary>
    public sealed class RouterNameCompleter : NeutronNameCompleter
    {
        private protected override IEnumerable<(string Id, string? Name)> List(NetworkClient client, CancellationToken cancellationToken) =>
            (client.List(Routers.Resource, new ListRoutersOptions { Limit = 1000 }, cancellationToken).NextPageAsync().GetAwaiter().GetResult()
             ?? new List<Router>()).Select(r => (r.Id, r.Name));
    }
}
