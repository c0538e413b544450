namespace OpenStack.Client.Network.V2
{
    /// <summary>Filters of GET /v2.0/subnets.</summary>
    public sealed class ListSubnetsOptions : ListOptions
    {
        public string? NetworkId { get; set; }
        public string? ProjectId { get; set; }
        public int? IpVersion { get; set; }

        private protected override void AddFilters(QueryString query) => query
            .Add("network_id", NetworkId)
            .Add("project_id", ProjectId)
            .Add("ip_version", IpVersion);
    }

    /// <summary>The body of POST /v2.0/subnets.</summary>
    public sealed class CreateSubnetOptions : RequestOptions
    {
        public string Name { get; set; } = string.Empty;
        public string NetworkId { get; set; } = string.Empty;
        public string Cidr { get; set; } = string.Empty;
        public int IpVersion { get; set; } = 4;
        /// <summary>Unset: Neutron picks the first address. <see cref="NoGateway"/>: sent as null (no gateway).</summary>
        public string? GatewayIp { get; set; }
        public bool NoGateway { get; set; }
        public bool? EnableDhcp { get; set; }
        public IList<string> DnsNameservers { get; } = new List<string>();
        public string? Description { get; set; }

        internal override BodyMap ToBody() => SubnetFields.Gateway(new BodyMap()
            .Set("name", Name)
            .Set("network_id", NetworkId)
            .Set("cidr", Cidr)
            .Set("ip_version", IpVersion), GatewayIp, NoGateway)
            .Set("enable_dhcp", EnableDhcp)
            .Set("dns_nameservers", DnsNameservers.Count > 0 ? new List<string>(DnsNameservers) : null)
            .Set("description", Description);
    }

    /// <summary>The body of PUT /v2.0/subnets/{id}: only the fields set are sent.</summary>
    public sealed class UpdateSubnetOptions : RequestOptions
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        /// <summary>A new gateway address; <see cref="NoGateway"/> removes the gateway (sent as null).</summary>
        public string? GatewayIp { get; set; }
        public bool NoGateway { get; set; }
        public bool? EnableDhcp { get; set; }
        /// <summary>The whole new list (Neutron replaces it); an empty list clears it, null leaves it.</summary>
        public IList<string>? DnsNameservers { get; set; }

        internal override BodyMap ToBody() => SubnetFields.Gateway(new BodyMap()
            .Set("name", Name)
            .Set("description", Description), GatewayIp, NoGateway)
            .Set("enable_dhcp", EnableDhcp)
            .Set("dns_nameservers", DnsNameservers == null ? null : new List<string>(DnsNameservers));
    }

    internal static class SubnetFields
    {
        /// <summary>"gateway_ip": the address, null for no gateway, or nothing for Neutron's default.</summary>
        public static BodyMap Gateway(BodyMap body, string? gatewayIp, bool noGateway) => noGateway ? body.Null("gateway_ip") : body.Set("gateway_ip", gatewayIp);
    }
}
