using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Network.V2
{
    /// <summary>A Neutron port, with the fields `openstack port show` prints.</summary>
    public sealed class Port : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("network_id")] public string NetworkId { get; set; } = string.Empty;
        [JsonPropertyName("mac_address")] public string? MacAddress { get; set; }
        [JsonPropertyName("fixed_ips")] public ValueList<FixedIp> FixedIps { get; set; } = new ValueList<FixedIp>();
        [JsonPropertyName("device_id")] public string? DeviceId { get; set; }
        [JsonPropertyName("device_owner")] public string? DeviceOwner { get; set; }
        [JsonPropertyName("security_groups")] public ValueList<string> SecurityGroups { get; set; } = new ValueList<string>();
        [JsonPropertyName("port_security_enabled")] public bool? PortSecurityEnabled { get; set; }
        [JsonPropertyName("admin_state_up")] public bool AdminStateUp { get; set; }
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("tags")] public ValueList<string> Tags { get; set; } = new ValueList<string>();
        [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("revision_number")] public int RevisionNumber { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id : Name!;
    }
}
