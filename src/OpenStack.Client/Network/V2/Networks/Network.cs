using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Network.V2
{
    /// <summary>A Neutron network, with the fields `openstack network show` prints.</summary>
    public sealed class Network : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        /// <summary>ACTIVE, DOWN, BUILD or ERROR.</summary>
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("admin_state_up")] public bool AdminStateUp { get; set; }
        [JsonPropertyName("shared")] public bool Shared { get; set; }
        [JsonPropertyName("router:external")] public bool External { get; set; }
        [JsonPropertyName("subnets")] public List<string> Subnets { get; set; } = new List<string>();
        [JsonPropertyName("mtu")] public int? Mtu { get; set; }
        [JsonPropertyName("port_security_enabled")] public bool? PortSecurityEnabled { get; set; }
        [JsonPropertyName("provider:network_type")] public string? ProviderNetworkType { get; set; }
        [JsonPropertyName("provider:physical_network")] public string? ProviderPhysicalNetwork { get; set; }
        [JsonPropertyName("provider:segmentation_id")] public int? ProviderSegmentationId { get; set; }
        [JsonPropertyName("availability_zones")] public List<string> AvailabilityZones { get; set; } = new List<string>();
        [JsonPropertyName("tags")] public List<string> Tags { get; set; } = new List<string>();
        [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("revision_number")] public int RevisionNumber { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id : Name!;
    }
}
