using System.Net.Sockets;

namespace OpenStack.Client.Network.V2
{
    /// <summary>A port and one of its addresses: where a floating IP is to point.</summary>
    public sealed class FloatingIpTarget
    {
        public FloatingIpTarget(Port port, string fixedIpAddress)
        {
            Port = port;
            FixedIpAddress = fixedIpAddress;
        }

        public Port Port { get; }
        public string FixedIpAddress { get; }
    }

    public static class FloatingIpTargets
    {
        /// <summary>
        /// The addresses of <paramref name="ports"/> (a server's) that can reach <paramref name="externalNetworkId"/>:
        /// a router with its gateway there has an interface on the address's subnet — the test Neutron makes when it
        /// associates. A server whose subnets no router joins to that network has none (Neutron's 404 then tells why).
        /// </summary>
        public static async Task<IReadOnlyList<FloatingIpTarget>> ReachableAsync(this NetworkClient client, IReadOnlyList<Port> ports,
            string externalNetworkId, CancellationToken cancellationToken)
        {
            var routers = (await client.List(Routers.Resource, new ListRoutersOptions { Limit = 1000 }, cancellationToken).AllAsync().ConfigureAwait(false))
                .Where(r => r.ExternalGatewayInfo?.NetworkId == externalNetworkId).ToList();
            var reachable = new HashSet<string>();
            foreach (var router in routers)
            {
                var interfaces = await client.List(Ports.Resource, new ListPortsOptions { DeviceId = router.Id, DeviceOwner = "network:router_interface", Limit = 1000 },
                    cancellationToken).AllAsync().ConfigureAwait(false);
                foreach (var ip in interfaces.SelectMany(p => p.FixedIps)) if (ip.SubnetId != null) reachable.Add(ip.SubnetId);
            }
            return Addresses(ports).Where(t => reachable.Contains(t.SubnetId!)).Select(t => new FloatingIpTarget(t.Port, t.Address)).ToList();
        }

        /// <summary>Every IPv4 address of the ports (floating IPs are IPv4 only).</summary>
        public static IEnumerable<(Port Port, string Address, string? SubnetId)> Addresses(IEnumerable<Port> ports) =>
            from port in ports
            from ip in port.FixedIps
            where ip.IpAddress != null && IPAddress.TryParse(ip.IpAddress, out var a) && a.AddressFamily == AddressFamily.InterNetwork
            select (port, ip.IpAddress!, ip.SubnetId);
    }
}
