namespace OpenStack.Client.Network.V2
{
    /// <summary>A router's actions beyond the generic operations: its interfaces on subnets.</summary>
    public sealed partial class NetworkClient
    {
        /// <summary>PUT /v2.0/routers/{id}/add_router_interface {"subnet_id": …}: a port on the subnet's gateway address.</summary>
        public Task<RouterInterface> AddRouterInterfaceAsync(string routerId, string subnetId, CancellationToken cancellationToken) =>
            InterfaceAsync(routerId, "add_router_interface", subnetId, cancellationToken);

        /// <summary>PUT /v2.0/routers/{id}/remove_router_interface (404 RouterInterfaceNotFoundForSubnet when there is none).</summary>
        public Task<RouterInterface> RemoveRouterInterfaceAsync(string routerId, string subnetId, CancellationToken cancellationToken) =>
            InterfaceAsync(routerId, "remove_router_interface", subnetId, cancellationToken);

        private async Task<RouterInterface> InterfaceAsync(string routerId, string action, string subnetId, CancellationToken cancellationToken)
        {
            using var response = await SendJsonAsync(HttpMethod.Put, Routers.Resource.ActionUrl(Root, routerId, action),
                new BodyMap().Set("subnet_id", subnetId), cancellationToken).ConfigureAwait(false);
            return await ReadJsonAsync(response, RouterJson.Default.RouterInterface).ConfigureAwait(false);
        }
    }
}
