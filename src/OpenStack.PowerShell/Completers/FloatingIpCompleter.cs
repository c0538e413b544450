using System.Threading;
using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>Completes floating IP addresses and ids.</summary>
    public sealed class FloatingIpCompleter : NeutronNameCompleter
    {
        private protected override IEnumerable<(string Id, string? Name)> List(NetworkClient client, CancellationToken cancellationToken) =>
            (client.List(FloatingIps.Resource, new ListFloatingIpsOptions { Limit = 1000 }, cancellationToken).NextPageAsync().GetAwaiter().GetResult()
             ?? new List<FloatingIp>()).Select(f => (f.Id, f.FloatingIpAddress));
    }

    /// <summary>Completes port names and ids.</summary>
    public sealed class PortNameCompleter : NeutronNameCompleter
    {
        private protected override IEnumerable<(string Id, string? Name)> List(NetworkClient client, CancellationToken cancellationToken) =>
            (client.List(Ports.Resource, new ListPortsOptions { Limit = 1000 }, cancellationToken).NextPageAsync().GetAwaiter().GetResult()
             ?? new List<Port>()).Select(p => (p.Id, p.Name));
    }
}
