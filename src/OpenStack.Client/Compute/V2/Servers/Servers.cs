using System.Text.RegularExpressions;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>Nova servers: /servers (listed with details from /servers/detail), {"server": …}, paged by "servers_links".</summary>
    public static class Servers
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("Server", "server");

        public static readonly ResourceDescriptor<Server> Resource = new ResourceDescriptor<Server>(
            Noun, "servers", "server", "servers", ServerJson.Default.Server, PagingStyle.Links,
            filters: new[] { "status", "image", "flavor", "reservation_id", "all_tenants" },
            listPath: "servers/detail",
            // Nova matches `name` as a regular expression: an exact name is sent anchored and escaped.
            nameFilterValue: name => "^" + Regex.Escape(name) + "$");
    }

    [JsonSerializable(typeof(Server))]
    [JsonSerializable(typeof(CreatedServerEnvelope))]
    [JsonSerializable(typeof(CreateImageResult))]
    [JsonSerializable(typeof(ServerInterfaceList), TypeInfoPropertyName = "InterfaceList")]
    [JsonSerializable(typeof(ServerInterfaceEnvelope), TypeInfoPropertyName = "InterfaceEnvelope")]
    internal partial class ServerJson : JsonSerializerContext
    {
    }
}
