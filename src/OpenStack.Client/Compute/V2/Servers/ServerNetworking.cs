using OpenStack.Client.Network.V2;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>
    /// A server's network changes after boot, through Nova (which asks Neutron): its security groups
    /// (add/removeSecurityGroup, applied to every port of the server) and its interfaces (os-interface: ports).
    /// </summary>
    public sealed partial class ComputeClient
    {
        /// <summary>
        /// POST /servers/{id}/action {"addSecurityGroup": {"name": …}}; Nova takes a name or an id (an id is never
        /// ambiguous). A group the server already has is Nova's 400 "Duplicate items in the list".
        /// </summary>
        public Task AddSecurityGroupAsync(string id, string group, CancellationToken cancellationToken) =>
            SecurityGroupActionAsync(id, "addSecurityGroup", group, cancellationToken);

        /// <summary>{"removeSecurityGroup": {"name": …}}; a group the server does not have is Nova's 404 "… not associated with the instance …".</summary>
        public Task RemoveSecurityGroupAsync(string id, string group, CancellationToken cancellationToken) =>
            SecurityGroupActionAsync(id, "removeSecurityGroup", group, cancellationToken);

        private async Task SecurityGroupActionAsync(string id, string action, string group, CancellationToken cancellationToken)
        {
            using var _ = await SendJsonAsync(HttpMethod.Post, Servers.Resource.ActionUrl(Root, id, "action"),
                new BodyMap().Set(action, new BodyMap().Set("name", group)), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>GET /servers/{id}/os-interface: the server's ports as Nova sees them.</summary>
        public async Task<IReadOnlyList<ServerInterface>> ListInterfacesAsync(string id, CancellationToken cancellationToken)
        {
            var list = await GetJsonAsync(Servers.Resource.ActionUrl(Root, id, "os-interface"), ServerJson.Default.InterfaceList, cancellationToken).ConfigureAwait(false);
            foreach (var attachment in list.Interfaces) attachment.ServerId = id;
            return list.Interfaces;
        }

        /// <summary>
        /// POST /servers/{id}/os-interface: a new port on a network (with a fixed address when given), or an existing
        /// port. Nova answers 200 with the attachment; a network the server is already on gets a second port.
        /// </summary>
        public async Task<ServerInterface> AttachInterfaceAsync(string id, AttachInterfaceOptions options, CancellationToken cancellationToken)
        {
            using var response = await SendJsonAsync(HttpMethod.Post, Servers.Resource.ActionUrl(Root, id, "os-interface"),
                new BodyMap().Set("interfaceAttachment", options.ToBody()), cancellationToken).ConfigureAwait(false);
            var attached = await ReadJsonAsync(response, ServerJson.Default.InterfaceEnvelope).ConfigureAwait(false);
            var result = attached.Interface ?? throw new OpenStackException("Nova accepted the interface but its answer named no port.");
            result.ServerId = id;
            return result;
        }

        /// <summary>DELETE /servers/{id}/os-interface/{port}: 202, also for a port the server does not have (Nova detaches asynchronously).</summary>
        public async Task DetachInterfaceAsync(string id, string portId, CancellationToken cancellationToken)
        {
            var url = Servers.Resource.ActionUrl(Root, id, "os-interface/" + Uri.EscapeDataString(portId));
            using var _ = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, url), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The body of POST /servers/{id}/os-interface: a network (and an address on it) or a port, not both.</summary>
    public sealed class AttachInterfaceOptions : RequestOptions
    {
        public string? NetworkId { get; set; }
        public string? PortId { get; set; }
        public string? FixedIpAddress { get; set; }

        internal override BodyMap ToBody() => new BodyMap()
            .Set("net_id", NetworkId)
            .Set("port_id", PortId)
            .Set("fixed_ips", FixedIpAddress == null ? null : new List<object> { new BodyMap().Set("ip_address", FixedIpAddress) });
    }

    /// <summary>One of a server's interfaces (`openstack server show`'s addresses come from these ports).</summary>
    public sealed class ServerInterface
    {
        [JsonPropertyName("port_id")] public string PortId { get; set; } = string.Empty;
        [JsonPropertyName("net_id")] public string? NetworkId { get; set; }
        [JsonPropertyName("mac_addr")] public string? MacAddress { get; set; }
        /// <summary>The port's status as Neutron last told Nova: ACTIVE, DOWN, BUILD.</summary>
        [JsonPropertyName("port_state")] public string? PortState { get; set; }
        [JsonPropertyName("fixed_ips")] public ValueList<FixedIp> FixedIps { get; set; } = new ValueList<FixedIp>();
        [JsonPropertyName("tag")] public string? Tag { get; set; }
        /// <summary>The server the interface belongs to (not in Nova's answer: set by the client).</summary>
        [JsonIgnore] public string ServerId { get; set; } = string.Empty;

        public override string ToString() => PortId;
    }

    internal sealed class ServerInterfaceList
    {
        [JsonPropertyName("interfaceAttachments")] public List<ServerInterface> Interfaces { get; set; } = new List<ServerInterface>();
    }

    internal sealed class ServerInterfaceEnvelope
    {
        [JsonPropertyName("interfaceAttachment")] public ServerInterface? Interface { get; set; }
    }
}
