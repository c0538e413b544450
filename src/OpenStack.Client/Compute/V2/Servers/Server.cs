namespace OpenStack.Client.Compute.V2
{
    /// <summary>A Nova server with the fields `openstack server show` prints (admin-only host fields when visible).</summary>
    public sealed class Server : IResource
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("name")] public string? Name { get; set; }
        /// <summary>ACTIVE, BUILD, SHUTOFF, PAUSED, SUSPENDED, RESCUE, SHELVED(_OFFLOADED), VERIFY_RESIZE, ERROR, …</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("OS-EXT-STS:task_state")] public string? TaskState { get; set; }
        [JsonPropertyName("OS-EXT-STS:vm_state")] public string? VmState { get; set; }
        [JsonPropertyName("OS-EXT-STS:power_state")] public int? PowerStateCode { get; set; }
        [JsonPropertyName("tenant_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("key_name")] public string? KeyName { get; set; }
        [JsonPropertyName("created")] public DateTimeOffset? Created { get; set; }
        [JsonPropertyName("updated")] public DateTimeOffset? Updated { get; set; }
        [JsonPropertyName("hostId")] public string? HostId { get; set; }
        [JsonPropertyName("OS-EXT-SRV-ATTR:host")] public string? Host { get; set; }
        [JsonPropertyName("OS-EXT-SRV-ATTR:hypervisor_hostname")] public string? HypervisorHostname { get; set; }
        [JsonPropertyName("OS-EXT-SRV-ATTR:instance_name")] public string? InstanceName { get; set; }
        [JsonPropertyName("OS-EXT-AZ:availability_zone")] public string? AvailabilityZone { get; set; }
        [JsonPropertyName("locked")] public bool? Locked { get; set; }
        [JsonPropertyName("locked_reason")] public string? LockedReason { get; set; }
        [JsonPropertyName("progress")] public int? Progress { get; set; }
        [JsonPropertyName("metadata")] public ValueMap<string> Metadata { get; set; } = new ValueMap<string>();
        [JsonPropertyName("addresses")] public ValueMap<ValueList<ServerAddress>> Addresses { get; set; } = new ValueMap<ValueList<ServerAddress>>();
        [JsonPropertyName("security_groups")] public ValueList<NamedRef>? SecurityGroups { get; set; }
        [JsonPropertyName("fault")] public ServerFault? Fault { get; set; }
        /// <summary>An object with the image id, or "" for a server booted from a volume: kept raw and read by <see cref="ImageId"/>.
        /// Internal, as <see cref="FlavorRef"/>: wire shapes, not values a user selects or serializes.</summary>
        [JsonInclude, JsonPropertyName("image")] internal JsonElement ImageRef { get; set; }
        /// <summary>Before 2.47 {id, links}; from 2.47 the flavor's details with original_name and no id.</summary>
        [JsonInclude, JsonPropertyName("flavor")] internal ServerFlavor? FlavorRef { get; set; }

        [JsonIgnore] public string? ImageId => ImageRef.ValueKind == JsonValueKind.Object && ImageRef.TryGetProperty("id", out var id) ? id.GetString() : null;
        /// <summary>The image's name, resolved from one image list (null when booted from volume or the image is gone).</summary>
        [JsonIgnore] public string? ImageName { get; set; }
        [JsonIgnore] public string? FlavorId => FlavorRef?.Id;
        /// <summary>The flavor's name: original_name from 2.47, else resolved from one flavor list.</summary>
        [JsonIgnore] public string? FlavorName { get; set; }

        /// <summary>The power state by name, as the CLI shows it.</summary>
        [JsonIgnore] public string PowerState => PowerStateCode switch
        {
            1 => "Running",
            3 => "Paused",
            4 => "Shutdown",
            6 => "Crashed",
            7 => "Suspended",
            _ => "NoState",
        };

        /// <summary>"net1=10.0.0.3, fd00::3; net2=…" as the CLI's Networks column.</summary>
        [JsonIgnore] public string Networks => string.Join("; ", Addresses.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + string.Join(", ", p.Value.Select(a => a.Address))));

        /// <summary>The server's own addresses on its networks (OS-EXT-IPS:type "fixed", or untyped), networks by name.</summary>
        [JsonIgnore] public string[] FixedAddresses => AddressesOf(type => type != "floating");

        /// <summary>The floating IPs Neutron associated with the server's ports, as Nova lists them (OS-EXT-IPS:type "floating").</summary>
        [JsonIgnore] public string[] FloatingAddresses => AddressesOf(type => type == "floating");

        private string[] AddressesOf(Func<string?, bool> type) => Addresses.OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value).Where(a => type(a.Type)).Select(a => a.Address).ToArray();

        /// <summary>Image for views: "Booted from volume" like the CLI, else the name, else the id.</summary>
        [JsonIgnore] public string Image => ImageId == null ? "N/A (booted from volume)" : ImageName ?? ImageId;

        [JsonIgnore] public string? Flavor => FlavorName ?? FlavorId;

        public override string ToString() => Name ?? Id;
    }

    public sealed class ServerAddress
    {
        [JsonPropertyName("addr")] public string Address { get; set; } = string.Empty;
        [JsonPropertyName("version")] public int Version { get; set; }
        [JsonPropertyName("OS-EXT-IPS:type")] public string? Type { get; set; }
        [JsonPropertyName("OS-EXT-IPS-MAC:mac_addr")] public string? MacAddress { get; set; }
        public override string ToString() => Address;
    }

    public sealed class ServerFlavor
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("original_name")] public string? OriginalName { get; set; }
        [JsonPropertyName("vcpus")] public int? VCpus { get; set; }
        [JsonPropertyName("ram")] public int? Ram { get; set; }
        [JsonPropertyName("disk")] public int? Disk { get; set; }
    }

    public sealed class ServerFault
    {
        [JsonPropertyName("code")] public int Code { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("details")] public string? Details { get; set; }
        [JsonPropertyName("created")] public DateTimeOffset? Created { get; set; }
        public override string ToString() => Message ?? Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed class NamedRef
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
        public override string ToString() => Name ?? string.Empty;
    }
}
