using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>Completes floating IP addresses (a floating IP's name) and ids.</summary>
    public sealed class FloatingIpCompleter : NeutronNameCompleter<FloatingIp>
    {
        private protected override ResourceDescriptor<FloatingIp> Resource => FloatingIps.Resource;
    }

    /// <summary>Completes port names and ids.</summary>
    public sealed class PortNameCompleter : NeutronNameCompleter<Port>
    {
        private protected override ResourceDescriptor<Port> Resource => Ports.Resource;
    }
}
