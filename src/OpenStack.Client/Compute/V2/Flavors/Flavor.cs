namespace OpenStack.Client.Compute.V2
{
    /// <summary>A Nova flavor, with the columns of `openstack flavor list`.</summary>
    public sealed class Flavor : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("ram")] public int RamMB { get; set; }
        [JsonPropertyName("disk")] public int DiskGB { get; set; }
        [JsonPropertyName("vcpus")] public int VCpus { get; set; }
        [JsonPropertyName("OS-FLV-EXT-DATA:ephemeral")] public int EphemeralGB { get; set; }
        [JsonPropertyName("os-flavor-access:is_public")] public bool IsPublic { get; set; } = true;
        [JsonPropertyName("OS-FLV-DISABLED:disabled")] public bool Disabled { get; set; }
        [JsonPropertyName("rxtx_factor")] public double RxTxFactor { get; set; } = 1.0;
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("extra_specs")] public Dictionary<string, string>? ExtraSpecs { get; set; }
        /// <summary>"" before 2.75, 0 after (an integer of MB otherwise): kept raw.</summary>
        [JsonPropertyName("swap")] public JsonElement SwapRaw { get; set; }

        [JsonIgnore] public int SwapMB => SwapRaw.ValueKind == JsonValueKind.Number ? SwapRaw.GetInt32() : 0;

        string? IResource.Name => Name;

        public override string ToString() => Name;
    }
}
