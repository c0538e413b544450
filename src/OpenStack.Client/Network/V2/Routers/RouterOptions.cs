using System.Collections.Generic;
using OpenStack.Client.Http;
using OpenStack.Client.Resources;

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

    /// <summary>The body of POST /v2.0/routers.</summary>
    public sealed class CreateRouterOptions : RequestOptions
    {
        public string Name { get; set; } = string.Empty;
        public string? Description { get; set; }
        public bool? AdminStateUp { get; set; }
        /// <summary>The external network the router's gateway goes on (external_gateway_info.network_id).</summary>
        public string? ExternalNetworkId { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("name", Name)
            .Set("description", Description)
            .Set("admin_state_up", AdminStateUp)
            .Set("external_gateway_info", ExternalNetworkId == null ? null : new BodyMap().Set("network_id", ExternalNetworkId));
    }

    /// <summary>The body of PUT /v2.0/routers/{id}: only the fields set are sent.</summary>
    public sealed class UpdateRouterOptions : RequestOptions
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool? AdminStateUp { get; set; }
        /// <summary>Moves the gateway onto this external network.</summary>
        public string? ExternalNetworkId { get; set; }
        /// <summary>Removes the gateway: "external_gateway_info": {} (what `openstack router unset --external-gateway` sends).</summary>
        public bool RemoveExternalGateway { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("name", Name)
            .Set("description", Description)
            .Set("admin_state_up", AdminStateUp)
            .Set("external_gateway_info", RemoveExternalGateway ? new BodyMap()
                : ExternalNetworkId == null ? null : new BodyMap().Set("network_id", ExternalNetworkId));
    }
}
