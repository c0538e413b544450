namespace OpenStack.Client.Network.V2
{
    /// <summary>Filters of GET /v2.0/floatingips.</summary>
    public sealed class ListFloatingIpsOptions : ListOptions
    {
        public string? FloatingNetworkId { get; set; }
        public string? PortId { get; set; }
        public string? FixedIpAddress { get; set; }
        public string? ProjectId { get; set; }

        private protected override void AddFilters(QueryString query) => query
            .Add("floating_network_id", FloatingNetworkId)
            .Add("port_id", PortId)
            .Add("fixed_ip_address", FixedIpAddress)
            .Add("project_id", ProjectId);
    }

    /// <summary>The body of POST /v2.0/floatingips: allocate on an external network, and associate at once when a port is given.</summary>
    public sealed class CreateFloatingIpOptions : RequestOptions
    {
        public string FloatingNetworkId { get; set; } = string.Empty;
        public string? FloatingIpAddress { get; set; }
        public string? PortId { get; set; }
        public string? FixedIpAddress { get; set; }
        public string? Description { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("floating_network_id", FloatingNetworkId)
            .Set("floating_ip_address", FloatingIpAddress)
            .Set("port_id", PortId)
            .Set("fixed_ip_address", FixedIpAddress)
            .Set("description", Description);
    }

    /// <summary>The body of PUT /v2.0/floatingips/{id}: a port to associate (and which of its addresses), or <see cref="Detach"/>.</summary>
    public sealed class UpdateFloatingIpOptions : RequestOptions
    {
        public string? PortId { get; set; }
        public string? FixedIpAddress { get; set; }
        /// <summary>Sends "port_id": null: the floating IP is let go of.</summary>
        public bool Detach { get; set; }
        public string? Description { get; set; }

        internal override BodyMap ToBody()
        {
            var body = new BodyMap().Set("description", Description);
            return Detach ? body.Null("port_id") : body.Set("port_id", PortId).Set("fixed_ip_address", FixedIpAddress);
        }
    }
}
