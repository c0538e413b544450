using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenStack.Client;
using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>Completes server names and ids (the first page of GET /servers/detail).</summary>
    public sealed class ServerNameCompleter : CachedNameCompleter
    {
        private static readonly ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>> Cache = NewCache();

        public ServerNameCompleter() : base(Cache) { }

        protected override IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken) =>
            FirstPage(new ComputeClient(session).List(Servers.Resource, new ListServersOptions { Limit = 1000 }, cancellationToken)).Select(s => (s.Id, s.Name));
    }

    /// <summary>Completes flavor names and ids.</summary>
    public sealed class FlavorNameCompleter : CachedNameCompleter
    {
        private static readonly ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>> Cache = NewCache();

        public FlavorNameCompleter() : base(Cache) { }

        protected override IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken) =>
            FirstPage(new ComputeClient(session).List(Flavors.Resource, null, cancellationToken)).Select(f => (f.Id, (string?)f.Name));
    }

    /// <summary>Completes keypair names.</summary>
    public sealed class KeypairNameCompleter : CachedNameCompleter
    {
        private static readonly ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>> Cache = NewCache();

        public KeypairNameCompleter() : base(Cache) { }

        protected override bool CompleteIds => false;

        protected override IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken) =>
            FirstPage(new ComputeClient(session).List(Keypairs.Resource, null, cancellationToken)).Select(k => (k.Name, (string?)k.Name));
    }
}
