using OpenStack.Client.Http;

namespace OpenStack.Client.Network.V2
{
    /// <summary>
    /// Neutron refused a delete with 409 because something still uses the resource (NetworkInUse, SubnetInUse,
    /// RouterInUse): ports, addresses or interfaces. The message and request id are Neutron's, from the inner exception.
    /// </summary>
    public sealed class ResourceInUseException : OpenStackException
    {
        public ResourceInUseException(string kind, OpenStackApiException inner) : base(inner.Message, inner)
        {
            Kind = kind;
            RequestId = inner.RequestId;
        }

        /// <summary>network, subnet or router.</summary>
        public string Kind { get; }

        public string? RequestId { get; }
    }
}
