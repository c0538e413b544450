using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// What New-OSFloatingIp and Set-OSFloatingIp share: -Server or -Port (and -FixedIpAddress) resolved to the port
    /// and address to associate, before anything is changed. For a server, its address that can reach the external
    /// network is found; several such addresses need -FixedIpAddress (FloatingIpFixedIpAddressRequired).
    /// </summary>
    public abstract class FloatingIpAssociationCmdlet : ResourceCmdlet<NetworkClient, FloatingIp>
    {
        protected const string ServerSet = "Server";
        protected const string PortSet = "Port";

        /// <summary>The server (name, id or object) to give the address to.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServerSet)]
        [ArgumentCompleter(typeof(Completers.ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Server { get; set; }

        /// <summary>The port (name, id or object) to give the address to.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PortSet)]
        [ArgumentCompleter(typeof(Completers.PortNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Port { get; set; }

        /// <summary>Which of the server's or port's addresses the floating IP points to.</summary>
        [Parameter(ParameterSetName = ServerSet)]
        [Parameter(ParameterSetName = PortSet)]
        [ValidateNotNullOrEmpty]
        public string? FixedIpAddress { get; set; }

        protected override ResourceDescriptor<FloatingIp> Resource => FloatingIps.Resource;

        /// <summary>
        /// Sends the create or update; Neutron's refusals a user can act on get their own ErrorIds (with Neutron's
        /// message and request id): not an external network, and an external network the port's subnet cannot reach.
        /// </summary>
        protected FloatingIp? Send(Func<CancellationToken, Task<FloatingIp>> work, object target)
        {
            try
            {
                return Run(work);
            }
            catch (OpenStackApiException ex) when (Specific(ex) is { } specific)
            {
                var details = ErrorRecords.From(ex, ErrorNoun, target).ErrorDetails;
                WriteError(new ErrorRecord(ex, specific.Id, specific.Category, target) { ErrorDetails = details });
                return null;
            }
        }

        private static (string Id, ErrorCategory Category)? Specific(OpenStackApiException ex)
        {
            if ((int)ex.StatusCode == 400 && ex.Message.Contains("is not a valid external network")) return ("FloatingIpNetworkNotExternal", ErrorCategory.InvalidArgument);
            if ((int)ex.StatusCode == 404 && ex.Message.Contains("is not reachable from subnet")) return ("FloatingIpExternalNetworkUnreachable", ErrorCategory.ObjectNotFound);
            if ((int)ex.StatusCode == 409) return ("FloatingIpAddressInUse", ErrorCategory.ResourceExists);
            return null;
        }

        /// <summary>The port and address to associate with a floating IP on <paramref name="externalNetworkId"/>, or null (an error was written).</summary>
        protected FloatingIpTarget? Target(string externalNetworkId)
        {
            if (Port != null)
            {
                var port = Find(Ports.Resource, Port);
                return new FloatingIpTarget(port, FixedIpAddress ?? "");
            }
            var server = Run(ct => Other<ComputeClient>().FindAsync(Servers.Resource, Server!, ct));
            var ports = Run(ct => Client.List(Ports.Resource, new ListPortsOptions { DeviceId = server.Id, Limit = 1000 }, ct).AllAsync()).ToList();
            var all = FloatingIpTargets.Addresses(ports).ToList();
            if (FixedIpAddress != null)
            {
                var chosen = all.FirstOrDefault(a => a.Address == FixedIpAddress);
                if (chosen.Port == null)
                {
                    WriteError(ErrorRecords.Create("FloatingIpFixedIpAddressNotFound", ErrorCategory.ObjectNotFound,
                        $"Server {server.Name} ({server.Id}) has no address {FixedIpAddress}; its addresses: {string.Join(", ", all.Select(a => a.Address))}.", FixedIpAddress));
                    return null;
                }
                return new FloatingIpTarget(chosen.Port, chosen.Address);
            }
            var reachable = Run(ct => Client.ReachableAsync(ports, externalNetworkId, ct));
            if (reachable.Count == 1) return reachable[0];
            if (reachable.Count > 1)
            {
                WriteError(ErrorRecords.Create("FloatingIpFixedIpAddressRequired", ErrorCategory.InvalidArgument,
                    $"Server {server.Name} ({server.Id}) has several addresses that can reach the external network: " +
                    $"{string.Join(", ", reachable.Select(t => t.FixedIpAddress))}. Say which with -FixedIpAddress.", server));
                return null;
            }
            if (all.Count == 0)
            {
                WriteError(ErrorRecords.Create("FloatingIpServerHasNoAddress", ErrorCategory.InvalidOperation,
                    $"Server {server.Name} ({server.Id}) has no IPv4 address on any port, so no floating IP can point to it.", server));
                return null;
            }
            // None can reach it: ask Neutron anyway with the first, so its own words (404 "External network … is not
            // reachable from subnet …") say what to fix.
            return new FloatingIpTarget(all[0].Port, all[0].Address);
        }
    }
}
