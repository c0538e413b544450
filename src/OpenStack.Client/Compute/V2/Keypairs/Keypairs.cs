namespace OpenStack.Client.Compute.V2
{
    /// <summary>Nova keypairs: /os-keypairs, {"keypair": …}; the name is the id, and list items come wrapped ([{"keypair": …}]).</summary>
    public static class Keypairs
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("Keypair", "keypair");

        public static readonly ResourceDescriptor<Keypair> Resource = new ResourceDescriptor<Keypair>(
            Noun, "os-keypairs", "keypair", "keypairs", KeypairJson.Default.Keypair, PagingStyle.Links, ResourceIdentity.NameIsId,
            listItemsWrapped: true);
    }

    /// <summary>Keypair creation, which the generic Create cannot do: the microversion depends on whether Nova generates the key.</summary>
    public sealed partial class ComputeClient
    {
        /// <summary>
        /// POST /os-keypairs. Without <paramref name="publicKey"/> Nova generates the pair and returns the private key
        /// once; it does so only up to 2.91 (2.92 requires public_key), so that one call is pinned to 2.91.
        /// </summary>
        public async Task<Keypair> CreateKeypairAsync(string name, string? publicKey, CancellationToken cancellationToken)
        {
            var body = new BodyMap().Set("keypair", new BodyMap().Set("name", name).Set("public_key", publicKey));
            Microversion? pin = publicKey == null && await AtLeastAsync(V2.Microversion.KeypairPublicKeyRequired, cancellationToken).ConfigureAwait(false)
                ? V2.Microversion.LastKeypairGeneration : (Microversion?)null;
            using var response = await SendJsonAsync(HttpMethod.Post, Keypairs.Resource.CollectionUrl(Root), body, cancellationToken,
                headers: request => { if (pin.HasValue) SetVersion(request, pin.Value); }).ConfigureAwait(false);
            return await ReadAsync(response, root => PageReader.ReadOne(root, Keypairs.Resource)).ConfigureAwait(false);
        }
    }

    [JsonSerializable(typeof(Keypair))]
    internal partial class KeypairJson : JsonSerializerContext
    {
    }
}
