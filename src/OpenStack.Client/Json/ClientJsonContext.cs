using OpenStack.Client.Identity.V3;

namespace OpenStack.Client.Json
{
    /// <summary>Source-generated (de)serialisers: no reflection at run time, faster start in a cold host.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(TokenEnvelope))]
    internal partial class ClientJsonContext : JsonSerializerContext
    {
    }
}
