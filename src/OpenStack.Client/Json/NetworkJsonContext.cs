using System.Text.Json.Serialization;
using OpenStack.Client.Network.V2;

namespace OpenStack.Client.Json
{
    /// <summary>Source-generated (de)serialisers for Neutron, apart from ClientJsonContext so services evolve independently.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(NetworkListPage))]
    [JsonSerializable(typeof(NetworkEnvelope))]
    [JsonSerializable(typeof(SubnetListPage))]
    [JsonSerializable(typeof(SubnetEnvelope))]
    [JsonSerializable(typeof(RouterListPage))]
    [JsonSerializable(typeof(RouterEnvelope))]
    [JsonSerializable(typeof(RouterInterface))]
    internal partial class NetworkJsonContext : JsonSerializerContext
    {
    }
}
