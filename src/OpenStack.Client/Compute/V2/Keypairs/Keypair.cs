namespace OpenStack.Client.Compute.V2
{
    /// <summary>A keypair; <see cref="PrivateKey"/> is only set on the object returned by a create that generated it.</summary>
    public sealed class Keypair : IResource
    {
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("fingerprint")] public string? Fingerprint { get; set; }
        [JsonPropertyName("public_key")] public string? PublicKey { get; set; }
        /// <summary>ssh or x509 (2.2+).</summary>
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("created_at")] public string? CreatedAt { get; set; }
        [JsonPropertyName("private_key")] public string? PrivateKey { get; set; }

        /// <summary>A keypair's name is its id (GET /os-keypairs/{name}); hidden from PowerShell's view of the object.</summary>
        string IResource.Id => Name;

        string? IResource.Name => Name;

        public override string ToString() => Name;
    }
}
