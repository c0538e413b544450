using System.Text.Json.Serialization;
using OpenStack.Client.Identity.V3;
using OpenStack.Client.Image.V2;

namespace OpenStack.Client.Json
{
    /// <summary>Source-generated (de)serialisers: no reflection at run time, faster start in a cold host.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(TokenEnvelope))]
    [JsonSerializable(typeof(ProjectList))]
    [JsonSerializable(typeof(Image.V2.Image))]
    [JsonSerializable(typeof(ImageListPage))]
    internal partial class ClientJsonContext : JsonSerializerContext
    {
    }
}
