using System.Collections.Generic;
using System.Linq;
using OpenStack.Client.Http;
using OpenStack.Client.Resources;

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

    /// <summary>The body of POST /v2.0/ports.</summary>
    public sealed class CreatePortOptions : RequestOptions
    {
        public string NetworkId { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? Description { get; set; }
        /// <summary>Addresses asked for: a subnet, an address, or both; none gives one from the network's subnet.</summary>
        public IList<FixedIp> FixedIps { get; } = new List<FixedIp>();
        /// <summary>Group ids; null: the project's default group; empty: no group (sent as []).</summary>
        public IList<string>? SecurityGroups { get; set; }
        public bool? PortSecurityEnabled { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("network_id", NetworkId)
            .Set("name", Name)
            .Set("description", Description)
            .Set("fixed_ips", FixedIps.Count == 0 ? null : FixedIps.Select(Address).ToList())
            .Set("security_groups", SecurityGroups == null ? null : new List<string>(SecurityGroups))
            .Set("port_security_enabled", PortSecurityEnabled);

        internal static IDictionary<string, object?> Address(FixedIp ip)
        {
            var map = new BodyMap().Set("subnet_id", ip.SubnetId).Set("ip_address", ip.IpAddress);
            return map;
        }
    }

    /// <summary>The body of PUT /v2.0/ports/{id}: only the fields set are sent.</summary>
    public sealed class UpdatePortOptions : RequestOptions
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        /// <summary>The whole new list of group ids (Neutron replaces it); empty removes every group.</summary>
        public IList<string>? SecurityGroups { get; set; }
        public bool? PortSecurityEnabled { get; set; }
        public bool? AdminStateUp { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("name", Name)
            .Set("description", Description)
            .Set("security_groups", SecurityGroups == null ? null : new List<string>(SecurityGroups))
            .Set("port_security_enabled", PortSecurityEnabled)
            .Set("admin_state_up", AdminStateUp);
    }
}
