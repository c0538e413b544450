using System.Threading;
using OpenStack.Client;
using OpenStack.Client.Image.V2;
using OpenStack.Client.Image.V2.Stores;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>Completes Glance store ids (-Store) from /v2/info/stores, remembering the list briefly.</summary>
    public sealed class ImageStoreCompleter : CachedNameCompleter
    {
        private static readonly ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>> Cache = NewCache();

        public ImageStoreCompleter() : base(Cache) { }

        // Stores have ids only: offered once, as names.
        protected override bool CompleteIds => false;

        protected override IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken) =>
            new ImageClient(session).ListStoresAsync(false, cancellationToken).GetAwaiter().GetResult().Select(s => (s.Id, (string?)s.Id));
    }
}
