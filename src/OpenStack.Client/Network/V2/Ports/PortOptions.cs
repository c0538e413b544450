using System.Linq;

namespace OpenStack.Client.Network.V2
{
    /// <summary>Filters of GET /v2.0/ports.</summary>
    public sealed class ListPortsOptions : ListOptions
    {
        public string? NetworkId { get; set; }
        /// <summary>The server (or router) using the port.</summary>
        public string? DeviceId { get; set; }
        public string? DeviceOwner { get; set; }
        public string? Status { get; set; }
        public string? ProjectId { get; set; }

        private protected override void AddFilters(QueryString query) => query
            .Add("network_id", NetworkId)
            .Add("device_id", DeviceId)
            .Add("device_owner", DeviceOwner)
            .Add("status", Status)
            .Add("project_id", ProjectId);
    }

    /// <summary>The fields a port is created with and changed by; only the fields set are sent.</summary>
    public abstract class PortFields : RequestOptions
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        /// <summary>Group ids; null: not sent (on create, the project's default group); empty: no group (sent as []).</summary>
        public IList<string>? SecurityGroups { get; set; }
        public bool? PortSecurityEnabled { get; set; }
        public bool? AdminStateUp { get; set; }

        internal override BodyMap ToBody() => Fields(new BodyMap());

        /// <summary>These fields, after what the body starts with (a create's network_id).</summary>
        private protected BodyMap Fields(BodyMap body) => body
            .Set("name", Name)
            .Set("description", Description)
            .Set("security_groups", SecurityGroups == null ? null : new List<string>(SecurityGroups))
            .Set("port_security_enabled", PortSecurityEnabled)
            .Set("admin_state_up", AdminStateUp);

        /// <summary>{"subnet_id", "ip_address"}, either one left out when not given (Neutron picks it).</summary>
        internal static List<IDictionary<string, object?>> Addresses(IEnumerable<FixedIp> ips) =>
            ips.Select(ip => (IDictionary<string, object?>)new BodyMap().Set("subnet_id", ip.SubnetId).Set("ip_address", ip.IpAddress)).ToList();
    }

    /// <summary>The body of POST /v2.0/ports.</summary>
    public sealed class CreatePortOptions : PortFields
    {
        public string NetworkId { get; set; } = string.Empty;
        /// <summary>Addresses asked for: a subnet, an address, or both; none gives one from the network's subnets.</summary>
        public IList<FixedIp> FixedIps { get; } = new List<FixedIp>();
        /// <summary>Unset: Neutron makes one (fa:16:3e:…).</summary>
        public string? MacAddress { get; set; }

        internal override BodyMap ToBody() => Fields(new BodyMap().Set("network_id", NetworkId))
            .Set("fixed_ips", FixedIps.Count == 0 ? null : Addresses(FixedIps))
            .Set("mac_address", MacAddress);
    }

    /// <summary>The body of PUT /v2.0/ports/{id}: only the fields set are sent.</summary>
    public sealed class UpdatePortOptions : PortFields
    {
        /// <summary>The whole new list of addresses (Neutron replaces it: an address left out is released); null leaves them.</summary>
        public IList<FixedIp>? FixedIps { get; set; }

        internal override BodyMap ToBody() => base.ToBody()
            .Set("fixed_ips", FixedIps == null ? null : Addresses(FixedIps));
    }
}
