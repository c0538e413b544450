namespace OpenStack.Client.Image.V2.Stores
{
    /// <summary>One of Glance's stores (GET /v2/info/stores; /detail adds the type and properties, for admins).</summary>
    public sealed class ImageStore : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("description")] public string? Description { get; set; }

        /// <summary>Glance writes "default": "true" (a string), and only on the default store.</summary>
        [JsonPropertyName("default")]
        [JsonConverter(typeof(TrueStringConverter))]
        public bool Default { get; set; }

        /// <summary>file, rbd, swift, … (from /v2/info/stores/detail only).</summary>
        [JsonPropertyName("type")] public string? Type { get; set; }

        /// <summary>The store's settings as /detail shows them (data_dir, chunk_size, …).</summary>
        [JsonPropertyName("properties")] public ValueMap<JsonElement>? Properties { get; set; }

        /// <summary>A store's id is its name.</summary>
        [JsonIgnore] string? IResource.Name => Id;

        public override string ToString() => Id;
    }

    /// <summary>Reads Glance's "true" (or a JSON boolean) as true, anything else as false.</summary>
    internal sealed class TrueStringConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.String => string.Equals(reader.GetString(), "true", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }

    [JsonSerializable(typeof(ImageStore))]
    internal partial class ImageStoreJson : JsonSerializerContext
    {
    }
}
