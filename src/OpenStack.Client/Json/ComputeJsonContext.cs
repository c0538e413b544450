using System.Text.Json.Serialization;
using OpenStack.Client.Compute.V2;

namespace OpenStack.Client.Json
{
    /// <summary>Source-generated (de)serialisers for Nova (own file so other services' branches don't collide).</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(ServerEnvelope))]
    [JsonSerializable(typeof(ServerListPage))]
    [JsonSerializable(typeof(CreatedServerEnvelope))]
    [JsonSerializable(typeof(CreateImageResult))]
    [JsonSerializable(typeof(VersionEnvelope))]
    [JsonSerializable(typeof(FlavorEnvelope))]
    [JsonSerializable(typeof(FlavorListPage))]
    [JsonSerializable(typeof(KeypairEnvelope))]
    [JsonSerializable(typeof(KeypairList))]
    internal partial class ComputeJsonContext : JsonSerializerContext
    {
    }
}
