using System.Threading;
using OpenStack.Client;
using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>A Neutron resource's completer: it says which list, given the session's Network v2 client.</summary>
    public abstract class NeutronNameCompleter : CachedNameCompleter
    {
        private protected abstract IEnumerable<(string Id, string? Name)> List(NetworkClient client, CancellationToken cancellationToken);

        protected sealed override IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken) =>
            List(new NetworkClient(session), cancellationToken);
    }
}
