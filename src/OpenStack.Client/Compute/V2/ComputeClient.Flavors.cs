using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Json;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>Flavors and keypairs.</summary>
    public sealed partial class ComputeClient
    {
        /// <summary>GET /flavors/detail (flavors_links paging); <paramref name="allAccess"/> adds is_public=None (admin: private ones too).</summary>
        public Pager<Flavor> ListFlavors(bool allAccess, CancellationToken cancellationToken) =>
            Paged(new QueryString().Add("is_public", allAccess ? "None" : null).AppendTo(Urls.FlavorsDetail(Root)),
                ComputeJsonContext.Default.FlavorListPage, page => (page.Flavors, Links.NextOf(page.Links)), cancellationToken);

        public async Task<Flavor> GetFlavorAsync(string id, CancellationToken cancellationToken)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            return (await GetJsonAsync(Urls.Flavor(Root, id), ComputeJsonContext.Default.FlavorEnvelope, cancellationToken).ConfigureAwait(false)).Flavor;
        }

        /// <summary>A flavor by id (any string: "1" is an id), else by exact name.</summary>
        public async Task<Flavor> FindFlavorAsync(string nameOrId, CancellationToken cancellationToken)
        {
            try
            {
                return await GetFlavorAsync(nameOrId, cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // Not an id: look it up by name.
            }
            var matches = (await ListFlavors(true, cancellationToken).AllAsync().ConfigureAwait(false)).Where(f => f.Name == nameOrId).ToList();
            if (matches.Count == 0) throw new ResourceNotFoundException(Resources.LegacyNouns.Flavor, nameOrId);
            if (matches.Count > 1) throw new AmbiguousNameException(Resources.LegacyNouns.Flavor, nameOrId, matches.Select(f => f.Id));
            return matches[0];
        }

        public async Task<Flavor> CreateFlavorAsync(CreateFlavorOptions o, CancellationToken cancellationToken)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            var flavor = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["name"] = o.Name,
                ["vcpus"] = o.VCpus,
                ["ram"] = o.RamMB,
                ["disk"] = o.DiskGB,
                ["OS-FLV-EXT-DATA:ephemeral"] = o.EphemeralGB,
                ["swap"] = o.SwapMB,
                ["os-flavor-access:is_public"] = o.IsPublic,
            };
            if (o.Id != null) flavor["id"] = o.Id;
            if (o.Description != null) flavor["description"] = o.Description;
            var body = new Dictionary<string, object> { ["flavor"] = flavor };
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Urls.Flavors(Root)) { Content = Json(body) }, cancellationToken).ConfigureAwait(false);
            return (await ReadJsonAsync(response, ComputeJsonContext.Default.FlavorEnvelope).ConfigureAwait(false)).Flavor;
        }

        public async Task DeleteFlavorAsync(string id, CancellationToken cancellationToken)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            using var _ = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, Urls.Flavor(Root, id)), cancellationToken).ConfigureAwait(false);
        }

        // ------------------------------------------------------------------ keypairs

        /// <summary>GET /os-keypairs (keypairs_links paging from 2.35); each item is wrapped in {"keypair": …}.</summary>
        public Pager<Keypair> ListKeypairs(CancellationToken cancellationToken) =>
            Paged(Urls.Keypairs(Root), ComputeJsonContext.Default.KeypairList,
                page => ((IReadOnlyList<Keypair>)page.Keypairs.Select(k => k.Keypair).ToList(), Links.NextOf(page.Links)), cancellationToken);

        public async Task<Keypair> GetKeypairAsync(string name, CancellationToken cancellationToken)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return (await GetJsonAsync(Urls.Keypair(Root, name), ComputeJsonContext.Default.KeypairEnvelope, cancellationToken).ConfigureAwait(false)).Keypair;
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ResourceNotFoundException(Resources.LegacyNouns.Keypair, name);
            }
        }

        /// <summary>
        /// POST /os-keypairs. Without <paramref name="publicKey"/> Nova generates the pair and returns the private key
        /// once; it does so only up to 2.91 (2.92 requires public_key), so that one call is pinned to 2.91.
        /// </summary>
        public async Task<Keypair> CreateKeypairAsync(string name, string? publicKey, CancellationToken cancellationToken)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            var keypair = new Dictionary<string, object> { ["name"] = name };
            if (publicKey != null) keypair["public_key"] = publicKey;
            var body = new Dictionary<string, object> { ["keypair"] = keypair };
            Microversion? pin = publicKey == null && AtLeast(V2.Microversion.KeypairPublicKeyRequired) ? V2.Microversion.LastKeypairGeneration : (Microversion?)null;
            using var response = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, Urls.Keypairs(Root)) { Content = Json(body) };
                if (pin.HasValue) SetVersion(request, pin.Value);
                return request;
            }, cancellationToken).ConfigureAwait(false);
            return (await ReadJsonAsync(response, ComputeJsonContext.Default.KeypairEnvelope).ConfigureAwait(false)).Keypair;
        }

        public async Task DeleteKeypairAsync(string name, CancellationToken cancellationToken)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            using var _ = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, Urls.Keypair(Root, name)), cancellationToken).ConfigureAwait(false);
        }
    }
}
