using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Json;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>
    /// TEMPORARY — to be replaced by the Neutron client (Network/V2/NetworkClient) once it lands on main.
    /// Only what `New-OSServer -Network name` needs: GET /v2.0/networks?name=X on the "network" endpoint.
    /// </summary>
    internal sealed class NetworkLookup : ServiceClient
    {
        public NetworkLookup(OpenStackSession session) : base(session, RootOf(session.GetEndpoint("network"))) { }

        private static Uri RootOf(Uri catalogUrl)
        {
            var text = catalogUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (text.EndsWith("/v2.0", StringComparison.Ordinal)) text = text.Substring(0, text.Length - 5);
            return new Uri(text + "/");
        }

        /// <summary>The id of the one network with this name; ids (UUIDs) are passed through unchecked, as Nova checks them.</summary>
        public async Task<string> FindNetworkIdAsync(string nameOrId, CancellationToken cancellationToken)
        {
            if (Guid.TryParse(nameOrId, out _)) return nameOrId;
            var url = new QueryString().Add("name", nameOrId).AppendTo(new Uri(Root, "v2.0/networks"));
            var list = await GetJsonAsync(url, ComputeJsonContext.Default.NetworkList, cancellationToken).ConfigureAwait(false);
            var matches = list.Networks.Where(n => n.Name == nameOrId).ToList();
            if (matches.Count == 0) throw new ResourceNotFoundException("network", nameOrId);
            if (matches.Count > 1) throw new AmbiguousNameException("network", nameOrId, matches.Select(n => n.Id));
            return matches[0].Id;
        }
    }

    internal sealed class NetworkList
    {
        [JsonPropertyName("networks")] public List<NetworkStub> Networks { get; set; } = new List<NetworkStub>();
    }

    internal sealed class NetworkStub
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
    }
}
