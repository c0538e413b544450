namespace OpenStack.Client.Network.V2
{
    /// <summary>Filters of GET /v2.0/networks.</summary>
    public sealed class ListNetworksOptions : ListOptions
    {
        public string? Status { get; set; }
        public string? ProjectId { get; set; }
        public bool? Shared { get; set; }
        public bool? External { get; set; }
        public bool? AdminStateUp { get; set; }

        private protected override void AddFilters(QueryString query) => query
            .Add("status", Status)
            .Add("project_id", ProjectId)
            .Add("shared", Bool(Shared))
            .Add("router:external", Bool(External))
            .Add("admin_state_up", Bool(AdminStateUp));
    }

    /// <summary>The fields a network is created with and changed by; only the fields set are sent.</summary>
    public abstract class NetworkFields : RequestOptions
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool? AdminStateUp { get; set; }
        public bool? Shared { get; set; }
        public bool? External { get; set; }
        public int? Mtu { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("name", Name)
            .Set("description", Description)
            .Set("admin_state_up", AdminStateUp)
            .Set("shared", Shared)
            .Set("router:external", External)
            .Set("mtu", Mtu);
    }

    /// <summary>The body of POST /v2.0/networks; unset fields are left to Neutron's defaults.</summary>
    public sealed class CreateNetworkOptions : NetworkFields
    {
        /// <summary>flat, vlan, vxlan, gre, geneve or local (admin only).</summary>
        public string? ProviderNetworkType { get; set; }
        public string? ProviderPhysicalNetwork { get; set; }
        public int? ProviderSegmentationId { get; set; }

        internal override BodyMap ToBody() => base.ToBody()
            .Set("provider:network_type", ProviderNetworkType)
            .Set("provider:physical_network", ProviderPhysicalNetwork)
            .Set("provider:segmentation_id", ProviderSegmentationId);
    }

    /// <summary>The body of PUT /v2.0/networks/{id}: only the fields set are sent.</summary>
    public sealed class UpdateNetworkOptions : NetworkFields
    {
    }
}
