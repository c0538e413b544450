namespace OpenStack.Client.Image.V2
{
    /// <summary>A Glance v2 image, with the fields `openstack image show` prints.</summary>
    public sealed class Image : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        /// <summary>queued, saving, uploading, importing, active, deactivated, killed, deleted, pending_delete.</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("visibility")] public string? Visibility { get; set; }
        [JsonPropertyName("protected")] public bool Protected { get; set; }
        [JsonPropertyName("os_hidden")] public bool Hidden { get; set; }
        [JsonPropertyName("size")] public long? Size { get; set; }
        [JsonPropertyName("virtual_size")] public long? VirtualSize { get; set; }
        [JsonPropertyName("disk_format")] public string? DiskFormat { get; set; }
        [JsonPropertyName("container_format")] public string? ContainerFormat { get; set; }
        [JsonPropertyName("checksum")] public string? Checksum { get; set; }
        [JsonPropertyName("os_hash_algo")] public string? HashAlgorithm { get; set; }
        [JsonPropertyName("os_hash_value")] public string? HashValue { get; set; }
        [JsonPropertyName("min_disk")] public int MinDisk { get; set; }
        [JsonPropertyName("min_ram")] public int MinRam { get; set; }
        [JsonPropertyName("owner")] public string? Owner { get; set; }
        [JsonPropertyName("tags")] public List<string> Tags { get; set; } = new List<string>();
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("file")] public string? File { get; set; }
        [JsonPropertyName("self")] public string? Self { get; set; }
        [JsonPropertyName("schema")] public string? Schema { get; set; }

        /// <summary>Glance puts custom properties at the top level of the image; they gather here.</summary>
        [JsonExtensionData] public Dictionary<string, JsonElement>? ExtraFields { get; set; }

        /// <summary>Custom properties (os_distro, hw_*, stores, …) as plain values, sorted by key.</summary>
        [JsonIgnore]
        public SortedDictionary<string, object?> Properties
        {
            get
            {
                var result = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                if (ExtraFields == null) return result;
                foreach (var pair in ExtraFields) result[pair.Key] = ToPlain(pair.Value);
                return result;
            }
        }

        private static object? ToPlain(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            JsonValueKind.Number => value.TryGetInt64(out var l) ? l : (object)value.GetDouble(),
            _ => value.GetRawText(),
        };

        public override string ToString() => Name ?? Id;
    }
}
