using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Network.V2
{
    /// <summary>A Neutron router, with the fields `openstack router show` prints.</summary>
    public sealed class Router : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        /// <summary>ACTIVE, DOWN, BUILD or ERROR.</summary>
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("admin_state_up")] public bool AdminStateUp { get; set; }
        [JsonPropertyName("external_gateway_info")] public ExternalGateway? ExternalGatewayInfo { get; set; }
        [JsonPropertyName("distributed")] public bool? Distributed { get; set; }
        [JsonPropertyName("ha")] public bool? Ha { get; set; }
        [JsonPropertyName("routes")] public List<HostRoute> Routes { get; set; } = new List<HostRoute>();
        [JsonPropertyName("availability_zones")] public List<string> AvailabilityZones { get; set; } = new List<string>();
        [JsonPropertyName("tags")] public List<string> Tags { get; set; } = new List<string>();
        [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("revision_number")] public int RevisionNumber { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>"UP" or "DOWN", as the CLI's State column shows admin_state_up.</summary>
        [JsonIgnore] public string State => AdminStateUp ? "UP" : "DOWN";

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id : Name!;
    }

    public sealed class ExternalGateway
    {
        [JsonPropertyName("network_id")] public string? NetworkId { get; set; }
        [JsonPropertyName("enable_snat")] public bool? EnableSnat { get; set; }
        [JsonPropertyName("external_fixed_ips")] public List<FixedIp> ExternalFixedIps { get; set; } = new List<FixedIp>();

        public override string ToString() => NetworkId ?? string.Empty;
    }

    public sealed class FixedIp
    {
        [JsonPropertyName("subnet_id")] public string? SubnetId { get; set; }
        [JsonPropertyName("ip_address")] public string? IpAddress { get; set; }

        public override string ToString() => IpAddress ?? string.Empty;
    }

    /// <summary>The answer of add_router_interface / remove_router_interface.</summary>
    public sealed class RouterInterface
    {
        [JsonPropertyName("id")] public string RouterId { get; set; } = string.Empty;
        [JsonPropertyName("port_id")] public string? PortId { get; set; }
        [JsonPropertyName("network_id")] public string? NetworkId { get; set; }
        [JsonPropertyName("subnet_id")] public string? SubnetId { get; set; }
        [JsonPropertyName("subnet_ids")] public List<string> SubnetIds { get; set; } = new List<string>();
        [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("tenant_id")] public string? TenantId { get; set; }
    }
}
