using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>A Nova flavor, with the columns of `openstack flavor list`.</summary>
    public sealed class Flavor
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
        [JsonPropertyName("extra_specs")] public ValueMap<string>? ExtraSpecs { get; set; }
        /// <summary>"" before 2.75, 0 after (an integer of MB otherwise): kept raw, internal (users see <see cref="SwapMB"/>).</summary>
        [JsonInclude, JsonPropertyName("swap")] internal JsonElement SwapRaw { get; set; }

        [JsonIgnore] public int SwapMB => SwapRaw.ValueKind == JsonValueKind.Number ? SwapRaw.GetInt32() : 0;

        public override string ToString() => Name;
    }

    internal sealed class FlavorEnvelope
    {
        [JsonPropertyName("flavor")] public Flavor Flavor { get; set; } = new Flavor();
    }

    internal sealed class FlavorListPage
    {
        [JsonPropertyName("flavors")] public List<Flavor> Flavors { get; set; } = new List<Flavor>();
        [JsonPropertyName("flavors_links")] public List<Link>? Links { get; set; }
    }

    /// <summary>A keypair; <see cref="PrivateKey"/> is only set on the object returned by a create that generated it.</summary>
    public sealed class Keypair
    {
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("fingerprint")] public string? Fingerprint { get; set; }
        [JsonPropertyName("public_key")] public string? PublicKey { get; set; }
        /// <summary>ssh or x509 (2.2+).</summary>
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(Json.UtcDateTimeOffsetConverter))] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("private_key")] public string? PrivateKey { get; set; }

        public override string ToString() => Name;
    }

    internal sealed class KeypairEnvelope
    {
        [JsonPropertyName("keypair")] public Keypair Keypair { get; set; } = new Keypair();
    }

    internal sealed class KeypairList
    {
        [JsonPropertyName("keypairs")] public List<KeypairEnvelope> Keypairs { get; set; } = new List<KeypairEnvelope>();
        [JsonPropertyName("keypairs_links")] public List<Link>? Links { get; set; }
    }
}
