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

    /// <summary>
    /// The completer of a Neutron resource that needs nothing but its descriptor: the first page of 1000, by id and
    /// the model's name (a floating IP's address). A new resource's completer is one line deriving this.
    /// </summary>
    public abstract class NeutronNameCompleter<T> : NeutronNameCompleter where T : class, IResource
    {
        private protected abstract ResourceDescriptor<T> Resource { get; }

        private protected sealed override IEnumerable<(string Id, string? Name)> List(NetworkClient client, CancellationToken cancellationToken) =>
            FirstPage(client.List(Resource, new AllOptions { Limit = 1000 }, cancellationToken)).Select(r => (r.Id, r.Name));
    }
}
