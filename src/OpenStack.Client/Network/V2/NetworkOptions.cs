using System;
using OpenStack.Client.Http;

namespace OpenStack.Client.Network.V2
{
    /// <summary>Filters of GET /v2.0/networks, sent to Neutron so that it, not the client, does the filtering.</summary>
    public sealed class ListNetworksOptions
    {
        public string? Name { get; set; }
        public string? Status { get; set; }
        public string? ProjectId { get; set; }
        public bool? Shared { get; set; }
        public bool? External { get; set; }
        public bool? AdminStateUp { get; set; }
        /// <summary>Page size; Neutron returns everything in one page when unset.</summary>
        public int? Limit { get; set; }

        internal Uri ToUrl(Uri root) => new QueryString()
            .Add("limit", Limit)
            .Add("name", Name)
            .Add("status", Status)
            .Add("project_id", ProjectId)
            .Add("shared", Bool(Shared))
            .Add("router:external", Bool(External))
            .Add("admin_state_up", Bool(AdminStateUp))
            .AppendTo(Urls.Networks(root));

        internal static string? Bool(bool? value) => value.HasValue ? (value.Value ? "true" : "false") : null;
    }

    /// <summary>The body of POST /v2.0/networks; unset fields are left to Neutron's defaults.</summary>
    public sealed class CreateNetworkOptions
    {
        public string Name { get; set; } = string.Empty;
        public string? Description { get; set; }
        public bool? AdminStateUp { get; set; }
        public bool? Shared { get; set; }
        public bool? External { get; set; }
        public int? Mtu { get; set; }
        /// <summary>flat, vlan, vxlan, gre, geneve or local (admin only).</summary>
        public string? ProviderNetworkType { get; set; }
        public string? ProviderPhysicalNetwork { get; set; }
        public int? ProviderSegmentationId { get; set; }
    }

    /// <summary>The body of PUT /v2.0/networks/{id}: only the fields set are sent.</summary>
    public sealed class UpdateNetworkOptions
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool? AdminStateUp { get; set; }
        public bool? Shared { get; set; }
        public bool? External { get; set; }
        public int? Mtu { get; set; }

        public bool IsEmpty => Name == null && Description == null && AdminStateUp == null && Shared == null && External == null && Mtu == null;
    }
}

namespace OpenStack.Client.Network.V2
{
    /// <summary>Filters of GET /v2.0/subnets.</summary>
    public sealed class ListSubnetsOptions
    {
        public string? Name { get; set; }
        public string? NetworkId { get; set; }
        public string? ProjectId { get; set; }
        public int? IpVersion { get; set; }
        public int? Limit { get; set; }

        internal Uri ToUrl(Uri root) => new QueryString()
            .Add("limit", Limit)
            .Add("name", Name)
            .Add("network_id", NetworkId)
            .Add("project_id", ProjectId)
            .Add("ip_version", IpVersion)
            .AppendTo(Urls.Subnets(root));
    }

    /// <summary>The body of POST /v2.0/subnets.</summary>
    public sealed class CreateSubnetOptions
    {
        public string Name { get; set; } = string.Empty;
        public string NetworkId { get; set; } = string.Empty;
        public string Cidr { get; set; } = string.Empty;
        public int IpVersion { get; set; } = 4;
        /// <summary>Unset: Neutron picks the first address. <see cref="NoGateway"/>: sent as null (no gateway).</summary>
        public string? GatewayIp { get; set; }
        public bool NoGateway { get; set; }
        public bool? EnableDhcp { get; set; }
        public System.Collections.Generic.IList<string> DnsNameservers { get; } = new System.Collections.Generic.List<string>();
        public string? Description { get; set; }
    }

    /// <summary>Filters of GET /v2.0/routers.</summary>
    public sealed class ListRoutersOptions
    {
        public string? Name { get; set; }
        public string? ProjectId { get; set; }
        public string? Status { get; set; }
        public int? Limit { get; set; }

        internal Uri ToUrl(Uri root) => new QueryString()
            .Add("limit", Limit)
            .Add("name", Name)
            .Add("project_id", ProjectId)
            .Add("status", Status)
            .AppendTo(Urls.Routers(root));
    }

    /// <summary>The body of POST /v2.0/routers.</summary>
    public sealed class CreateRouterOptions
    {
        public string Name { get; set; } = string.Empty;
        public string? Description { get; set; }
        public bool? AdminStateUp { get; set; }
        /// <summary>The external network the router's gateway goes on (external_gateway_info.network_id).</summary>
        public string? ExternalNetworkId { get; set; }
    }
}
