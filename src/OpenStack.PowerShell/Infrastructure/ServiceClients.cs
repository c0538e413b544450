using OpenStack.Client;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>How the generic cmdlet bases make the service client a resource belongs to: one line per service.</summary>
    internal static class ServiceClients
    {
        private static readonly Dictionary<Type, Func<OpenStackSession, ServiceClient>> Factories = new Dictionary<Type, Func<OpenStackSession, ServiceClient>>
        {
            [typeof(Client.Network.V2.NetworkClient)] = s => new Client.Network.V2.NetworkClient(s),
            [typeof(Client.Compute.V2.ComputeClient)] = s => new Client.Compute.V2.ComputeClient(s),
            [typeof(Client.Image.V2.ImageClient)] = s => new Client.Image.V2.ImageClient(s),
            [typeof(Client.Identity.V3.IdentityClient)] = s => new Client.Identity.V3.IdentityClient(s),
        };

        public static TClient Create<TClient>(OpenStackSession session) where TClient : ServiceClient =>
            Factories.TryGetValue(typeof(TClient), out var create)
                ? (TClient)create(session)
                : throw new InvalidOperationException($"No factory for {typeof(TClient).Name}: add it to ServiceClients.");
    }
}
