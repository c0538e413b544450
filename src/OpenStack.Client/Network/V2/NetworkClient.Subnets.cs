using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Json;

namespace OpenStack.Client.Network.V2
{
    /// <summary>Subnets and routers.</summary>
    public sealed partial class NetworkClient
    {
        public Pager<Subnet> ListSubnets(ListSubnetsOptions options, CancellationToken cancellationToken) =>
            Pager<Subnet>.Create(this, options.ToUrl(Root), NetworkJsonContext.Default.SubnetListPage,
                page => (page.Subnets, Link.NextOf(page.Links)), next => Urls.Next(Root, next), cancellationToken);

        public async Task<Subnet> GetSubnetAsync(string id, CancellationToken cancellationToken) =>
            (await GetJsonAsync(Urls.Subnet(Root, id), NetworkJsonContext.Default.SubnetEnvelope, cancellationToken).ConfigureAwait(false)).Subnet;

        public Task<Subnet> FindSubnetAsync(string nameOrId, CancellationToken cancellationToken) =>
            FindAsync("subnet", nameOrId, GetSubnetAsync, ct => ListSubnets(new ListSubnetsOptions { Name = nameOrId }, ct), s => s.Id, cancellationToken);

        /// <summary>POST /v2.0/subnets (201; 400 InvalidInput for a bad or overlapping CIDR).</summary>
        public async Task<Subnet> CreateSubnetAsync(CreateSubnetOptions o, CancellationToken cancellationToken)
        {
            var subnet = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["name"] = o.Name, ["network_id"] = o.NetworkId, ["cidr"] = o.Cidr, ["ip_version"] = o.IpVersion,
            };
            if (o.NoGateway) subnet["gateway_ip"] = null!;
            else if (o.GatewayIp != null) subnet["gateway_ip"] = o.GatewayIp;
            if (o.EnableDhcp.HasValue) subnet["enable_dhcp"] = o.EnableDhcp.Value;
            if (o.DnsNameservers.Count > 0) subnet["dns_nameservers"] = new List<string>(o.DnsNameservers);
            if (o.Description != null) subnet["description"] = o.Description;
            return (await SendBodyAsync(HttpMethod.Post, Urls.Subnets(Root), "subnet", subnet,
                NetworkJsonContext.Default.SubnetEnvelope, cancellationToken).ConfigureAwait(false)).Subnet;
        }

        /// <summary>DELETE /v2.0/subnets/{id} (204; 409 SubnetInUse while a port has an address on it).</summary>
        public Task DeleteSubnetAsync(string id, CancellationToken cancellationToken) => DeleteAsync("subnet", Urls.Subnet(Root, id), cancellationToken);

        public Pager<Router> ListRouters(ListRoutersOptions options, CancellationToken cancellationToken) =>
            Pager<Router>.Create(this, options.ToUrl(Root), NetworkJsonContext.Default.RouterListPage,
                page => (page.Routers, Link.NextOf(page.Links)), next => Urls.Next(Root, next), cancellationToken);

        public async Task<Router> GetRouterAsync(string id, CancellationToken cancellationToken) =>
            (await GetJsonAsync(Urls.Router(Root, id), NetworkJsonContext.Default.RouterEnvelope, cancellationToken).ConfigureAwait(false)).Router;

        public Task<Router> FindRouterAsync(string nameOrId, CancellationToken cancellationToken) =>
            FindAsync("router", nameOrId, GetRouterAsync, ct => ListRouters(new ListRoutersOptions { Name = nameOrId }, ct), r => r.Id, cancellationToken);

        /// <summary>POST /v2.0/routers (201).</summary>
        public async Task<Router> CreateRouterAsync(CreateRouterOptions o, CancellationToken cancellationToken)
        {
            var router = new Dictionary<string, object>(StringComparer.Ordinal) { ["name"] = o.Name };
            if (o.Description != null) router["description"] = o.Description;
            if (o.AdminStateUp.HasValue) router["admin_state_up"] = o.AdminStateUp.Value;
            if (o.ExternalNetworkId != null)
                router["external_gateway_info"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["network_id"] = o.ExternalNetworkId };
            return (await SendBodyAsync(HttpMethod.Post, Urls.Routers(Root), "router", router,
                NetworkJsonContext.Default.RouterEnvelope, cancellationToken).ConfigureAwait(false)).Router;
        }

        /// <summary>DELETE /v2.0/routers/{id} (204; 409 RouterInUse while interfaces remain).</summary>
        public Task DeleteRouterAsync(string id, CancellationToken cancellationToken) => DeleteAsync("router", Urls.Router(Root, id), cancellationToken);

        /// <summary>PUT /v2.0/routers/{id}/add_router_interface {"subnet_id": …}: a port on the subnet's gateway address.</summary>
        public Task<RouterInterface> AddRouterInterfaceAsync(string routerId, string subnetId, CancellationToken cancellationToken) =>
            InterfaceAsync(routerId, "add_router_interface", subnetId, cancellationToken);

        /// <summary>PUT /v2.0/routers/{id}/remove_router_interface (404 RouterInterfaceNotFoundForSubnet when there is none).</summary>
        public Task<RouterInterface> RemoveRouterInterfaceAsync(string routerId, string subnetId, CancellationToken cancellationToken) =>
            InterfaceAsync(routerId, "remove_router_interface", subnetId, cancellationToken);

        private Task<RouterInterface> InterfaceAsync(string routerId, string action, string subnetId, CancellationToken cancellationToken) =>
            SendBodyAsync(HttpMethod.Put, Urls.RouterAction(Root, routerId, action), null,
                new Dictionary<string, object>(StringComparer.Ordinal) { ["subnet_id"] = subnetId }, NetworkJsonContext.Default.RouterInterface, cancellationToken);
    }
}
