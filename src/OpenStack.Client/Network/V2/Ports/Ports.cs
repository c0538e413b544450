using System.Text.Json.Serialization;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Network.V2
{
    /// <summary>Neutron ports: /v2.0/ports, {"port": …}, paged by "ports_links".</summary>
    public static class Ports
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("Port", "port");

        public static readonly ResourceDescriptor<Port> Resource = new ResourceDescriptor<Port>(
            Noun, "v2.0/ports", "port", "ports", PortJson.Default.Port, PagingStyle.Links,
            filters: new[] { "network_id", "device_id", "device_owner", "status", "project_id" }, deleteConflictMeansInUse: true);
    }

    [JsonSerializable(typeof(Port))]
    internal partial class PortJson : JsonSerializerContext
    {
    }
}
