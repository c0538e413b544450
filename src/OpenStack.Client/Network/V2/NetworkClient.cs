using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Json;

namespace OpenStack.Client.Network.V2
{
    /// <summary>
    /// Neutron v2.0: one method per API call, typed options in, typed resources out. Networks here;
    /// subnets and routers in the other parts of this partial class.
    /// </summary>
    public sealed partial class NetworkClient : ServiceClient
    {
        public const string ServiceType = "network";

        public NetworkClient(OpenStackSession session) : base(session, Urls.ServiceRoot(session.GetEndpoint(ServiceType))) { }

        /// <summary>GET /v2.0/networks, following the "networks_links" rel=next links page by page.</summary>
        public Pager<Network> ListNetworks(ListNetworksOptions options, CancellationToken cancellationToken) =>
            Pager<Network>.Create(this, options.ToUrl(Root), NetworkJsonContext.Default.NetworkListPage,
                page => (page.Networks, Link.NextOf(page.Links)), next => Urls.Next(Root, next), cancellationToken);

        public async Task<Network> GetNetworkAsync(string id, CancellationToken cancellationToken) =>
            (await GetJsonAsync(Urls.Network(Root, id), NetworkJsonContext.Default.NetworkEnvelope, cancellationToken).ConfigureAwait(false)).Network;

        /// <summary>A network by id, or else by exact name, as `openstack network show` finds it.</summary>
        public Task<Network> FindNetworkAsync(string nameOrId, CancellationToken cancellationToken) =>
            FindAsync("network", nameOrId, GetNetworkAsync,
                ct => ListNetworks(new ListNetworksOptions { Name = nameOrId }, ct), n => n.Id, cancellationToken);

        /// <summary>POST /v2.0/networks (201).</summary>
        public async Task<Network> CreateNetworkAsync(CreateNetworkOptions o, CancellationToken cancellationToken)
        {
            var network = new Dictionary<string, object>(StringComparer.Ordinal) { ["name"] = o.Name };
            if (o.Description != null) network["description"] = o.Description;
            if (o.AdminStateUp.HasValue) network["admin_state_up"] = o.AdminStateUp.Value;
            if (o.Shared.HasValue) network["shared"] = o.Shared.Value;
            if (o.External.HasValue) network["router:external"] = o.External.Value;
            if (o.Mtu.HasValue) network["mtu"] = o.Mtu.Value;
            if (o.ProviderNetworkType != null) network["provider:network_type"] = o.ProviderNetworkType;
            if (o.ProviderPhysicalNetwork != null) network["provider:physical_network"] = o.ProviderPhysicalNetwork;
            if (o.ProviderSegmentationId.HasValue) network["provider:segmentation_id"] = o.ProviderSegmentationId.Value;
            return (await SendBodyAsync(HttpMethod.Post, Urls.Networks(Root), "network", network,
                NetworkJsonContext.Default.NetworkEnvelope, cancellationToken).ConfigureAwait(false)).Network;
        }

        /// <summary>PUT /v2.0/networks/{id} with only the changed fields.</summary>
        public async Task<Network> UpdateNetworkAsync(string id, UpdateNetworkOptions o, CancellationToken cancellationToken)
        {
            var network = new Dictionary<string, object>(StringComparer.Ordinal);
            if (o.Name != null) network["name"] = o.Name;
            if (o.Description != null) network["description"] = o.Description;
            if (o.AdminStateUp.HasValue) network["admin_state_up"] = o.AdminStateUp.Value;
            if (o.Shared.HasValue) network["shared"] = o.Shared.Value;
            if (o.External.HasValue) network["router:external"] = o.External.Value;
            if (o.Mtu.HasValue) network["mtu"] = o.Mtu.Value;
            return (await SendBodyAsync(HttpMethod.Put, Urls.Network(Root, id), "network", network,
                NetworkJsonContext.Default.NetworkEnvelope, cancellationToken).ConfigureAwait(false)).Network;
        }

        /// <summary>DELETE /v2.0/networks/{id} (204; 409 NetworkInUse while ports remain: <see cref="ResourceInUseException"/>).</summary>
        public Task DeleteNetworkAsync(string id, CancellationToken cancellationToken) => DeleteAsync("network", Urls.Network(Root, id), cancellationToken);

        /// <summary>A delete; Neutron's 409 (the resource is in use) becomes <see cref="ResourceInUseException"/>.</summary>
        private async Task DeleteAsync(string kind, Uri url, CancellationToken cancellationToken)
        {
            try
            {
                using var _ = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, url), cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
            {
                throw new ResourceInUseException(kind, ex);
            }
        }

        /// <summary>Sends {"<paramref name="wrapper"/>": fields} (or the fields bare) and reads the answer's envelope.</summary>
        private async Task<T> SendBodyAsync<T>(HttpMethod method, Uri url, string? wrapper, Dictionary<string, object> fields,
            JsonTypeInfo<T> answer, CancellationToken cancellationToken)
        {
            var bytes = JsonBodyWriter.Write(wrapper == null ? fields : new Dictionary<string, object>(StringComparer.Ordinal) { [wrapper] = fields });
            using var response = await SendAsync(() =>
            {
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return new HttpRequestMessage(method, url) { Content = content };
            }, cancellationToken).ConfigureAwait(false);
            return await ReadJsonAsync(response, answer).ConfigureAwait(false);
        }

        /// <summary>
        /// By id first (a 404 falls through: a name may look like a UUID), then by exact name through the
        /// server-side filter. One match or <see cref="ResourceNotFoundException"/> / <see cref="AmbiguousNameException"/>.
        /// </summary>
        private static async Task<T> FindAsync<T>(string kind, string nameOrId, Func<string, CancellationToken, Task<T>> byId,
            Func<CancellationToken, Pager<T>> byName, Func<T, string> idOf, CancellationToken cancellationToken)
        {
            if (Guid.TryParse(nameOrId, out _))
            {
                try
                {
                    return await byId(nameOrId, cancellationToken).ConfigureAwait(false);
                }
                catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                {
                }
            }
            var matches = await byName(cancellationToken).AllAsync().ConfigureAwait(false);
            if (matches.Count == 0) throw new ResourceNotFoundException(kind, nameOrId);
            if (matches.Count > 1) throw new AmbiguousNameException(kind, nameOrId, matches.Select(idOf));
            return matches[0];
        }
    }
}
