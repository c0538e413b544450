namespace OpenStack.Client.Network.V2
{
    /// <summary>Filters of GET /v2.0/security-group-rules.</summary>
    public sealed class ListSecurityGroupRulesOptions : ListOptions
    {
        public string? SecurityGroupId { get; set; }
        public string? Direction { get; set; }
        public string? Protocol { get; set; }

        private protected override void AddFilters(QueryString query) => query
            .Add("security_group_id", SecurityGroupId)
            .Add("direction", Direction)
            .Add("protocol", Protocol);
    }

    /// <summary>The body of POST /v2.0/security-group-rules (rules cannot be changed, only replaced).</summary>
    public sealed class CreateSecurityGroupRuleOptions : RequestOptions
    {
        public string SecurityGroupId { get; set; } = string.Empty;
        public string Direction { get; set; } = "ingress";
        public string? EtherType { get; set; }
        /// <summary>tcp, udp, icmp, … or a number 0-255; null for any protocol.</summary>
        public string? Protocol { get; set; }
        public int? PortRangeMin { get; set; }
        public int? PortRangeMax { get; set; }
        public string? RemoteIpPrefix { get; set; }
        public string? RemoteGroupId { get; set; }
        public string? Description { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("security_group_id", SecurityGroupId)
            .Set("direction", Direction)
            .Set("ethertype", EtherType)
            .Set("protocol", Protocol)
            .Set("port_range_min", PortRangeMin)
            .Set("port_range_max", PortRangeMax)
            .Set("remote_ip_prefix", RemoteIpPrefix)
            .Set("remote_group_id", RemoteGroupId)
            .Set("description", Description);
    }
}
