using System.Text.Json.Serialization;
using OpenStack.Client.Identity.V3;

namespace OpenStack.Client.Json
{
    /// <summary>Source-generated (de)serialisers for Keystone's admin calls (projects, domains).</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(ProjectEnvelope))]
    [JsonSerializable(typeof(DomainEnvelope))]
    [JsonSerializable(typeof(DomainList))]
    internal partial class IdentityJsonContext : JsonSerializerContext
    {
    }
}
