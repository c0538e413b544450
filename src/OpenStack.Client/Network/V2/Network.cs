using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace OpenStack.Client.Network.V2
{
    /// <summary>A Neutron network, with the fields `openstack network show` prints.</summary>
    public sealed class Network
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        /// <summary>ACTIVE, DOWN, BUILD or ERROR.</summary>
        [JsonPropertyName("status")] public string? Status { get; set; }
        [JsonPropertyName("admin_state_up")] public bool AdminStateUp { get; set; }
        [JsonPropertyName("shared")] public bool Shared { get; set; }
        [JsonPropertyName("router:external")] public bool External { get; set; }
        [JsonPropertyName("subnets")] public ValueList<string> Subnets { get; set; } = new ValueList<string>();
        [JsonPropertyName("mtu")] public int? Mtu { get; set; }
        [JsonPropertyName("port_security_enabled")] public bool? PortSecurityEnabled { get; set; }
        [JsonPropertyName("provider:network_type")] public string? ProviderNetworkType { get; set; }
        [JsonPropertyName("provider:physical_network")] public string? ProviderPhysicalNetwork { get; set; }
        [JsonPropertyName("provider:segmentation_id")] public int? ProviderSegmentationId { get; set; }
        [JsonPropertyName("availability_zones")] public ValueList<string> AvailabilityZones { get; set; } = new ValueList<string>();
        [JsonPropertyName("tags")] public ValueList<string> Tags { get; set; } = new ValueList<string>();
        [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("revision_number")] public int RevisionNumber { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id : Name!;
    }

    /// <summary>One of Neutron's "*_links" entries (rel "next" or "previous").</summary>
    internal sealed class Link
    {
        [JsonPropertyName("rel")] public string? Rel { get; set; }
        [JsonPropertyName("href")] public string? Href { get; set; }

        public static string? NextOf(List<Link>? links) => links?.FirstOrDefault(l => l.Rel == "next")?.Href;
    }

    internal sealed class NetworkListPage
    {
        [JsonPropertyName("networks")] public List<Network> Networks { get; set; } = new List<Network>();
        [JsonPropertyName("networks_links")] public List<Link>? Links { get; set; }
    }

    internal sealed class NetworkEnvelope
    {
        [JsonPropertyName("network")] public Network Network { get; set; } = new Network();
    }
}
