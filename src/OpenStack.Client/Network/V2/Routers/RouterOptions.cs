namespace OpenStack.Client.Network.V2
{
    /// <summary>Filters of GET /v2.0/routers.</summary>
    public sealed class ListRoutersOptions : ListOptions
    {
        public string? ProjectId { get; set; }
        public string? Status { get; set; }

        private protected override void AddFilters(QueryString query) => query
            .Add("project_id", ProjectId)
            .Add("status", Status);
    }

    /// <summary>The fields a router is created with and changed by; only the fields set are sent.</summary>
    public abstract class RouterFields : RequestOptions
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool? AdminStateUp { get; set; }
        /// <summary>The external network the router's gateway goes on (external_gateway_info.network_id).</summary>
        public string? ExternalNetworkId { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("name", Name)
            .Set("description", Description)
            .Set("admin_state_up", AdminStateUp)
            .Set("external_gateway_info", Gateway());

        private protected virtual BodyMap? Gateway() => ExternalNetworkId == null ? null : new BodyMap().Set("network_id", ExternalNetworkId);
    }

    /// <summary>The body of POST /v2.0/routers.</summary>
    public sealed class CreateRouterOptions : RouterFields
    {
    }

    /// <summary>The body of PUT /v2.0/routers/{id}: only the fields set are sent.</summary>
    public sealed class UpdateRouterOptions : RouterFields
    {
        /// <summary>Removes the gateway: "external_gateway_info": {} (what `openstack router unset --external-gateway` sends).</summary>
        public bool RemoveExternalGateway { get; set; }

        private protected override BodyMap? Gateway() => RemoveExternalGateway ? new BodyMap() : base.Gateway();
    }
}
