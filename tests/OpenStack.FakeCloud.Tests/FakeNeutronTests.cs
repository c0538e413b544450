using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace OpenStack.FakeCloud.Tests;

/// <summary>The fake Neutron against a bare HttpClient: the table's kinds, and the rules the recordings do not reach.</summary>
public sealed class FakeNeutronTests : IAsyncLifetime
{
    private FakeCloud _cloud = null!;
    private readonly HttpClient _http = new();
    private readonly Dictionary<string, string> _tokens = new();

    public async Task InitializeAsync()
    {
        _cloud = await FakeCloud.StartAsync();
        _cloud.Neutron.AddPublicNetwork(_cloud.Identity.AdminProjectId);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
    }

    private async Task<string> TokenAsync(string user)
    {
        if (_tokens.TryGetValue(user, out var t)) return t;
        var password = user == "admin" ? "s3cr3t-Passw0rd" : FakeIdentity.DemoPassword;
        return _tokens[user] = await PasswordAuth.TokenAsync(_http, _cloud, user, password, user);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null, string user = "demo")
    {
        using var request = new HttpRequestMessage(method, _cloud.BaseUri + "network/v2.0/" + path);
        request.Headers.Add("X-Auth-Token", await TokenAsync(user));
        if (body != null) request.Content = new StringContent(body is JsonNode n ? n.ToJsonString() : (string)body, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<JsonNode> CreateAsync(string path, string key, JsonObject body, string user = "demo")
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, path, new JsonObject { [key] = body }, user);
        Assert.Equal(HttpStatusCode.Created, status);
        return answer![key]!;
    }

    private static string Id(JsonNode n) => (string)n["id"]!;

    [Theory]
    [InlineData("networks", "NetworkNotFound"), InlineData("subnets", "SubnetNotFound"), InlineData("routers", "RouterNotFound"),
     InlineData("ports", "PortNotFound"), InlineData("security-groups", "SecurityGroupNotFound"),
     InlineData("security-group-rules", "SecurityGroupRuleNotFound"), InlineData("floatingips", "FloatingIPNotFound")]
    public async Task EveryKind_Lists_AndAnswersAnUnknownIdWithItsOwnNotFound(string path, string notFound)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.IsType<JsonArray>(body![path.Replace('-', '_')]);
        var (missing, error) = await SendAsync(HttpMethod.Get, path + "/00000000-0000-0000-0000-000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(notFound, (string)error!["NeutronError"]!["type"]!);
        Assert.Contains("00000000-0000-0000-0000-000000000000", (string)error["NeutronError"]!["message"]!);
    }

    [Fact]
    public async Task UnknownFilters_Are400_NamingThemAll()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "ports?bogus=1&name=x&other=2");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("['bogus', 'other'] is invalid attribute for filtering", (string)body!["NeutronError"]!["message"]!);
    }

    [Fact]
    public async Task DefaultGroup_IsMadeOnFirstUse_WithFourRules_AndAnAdminsTenantFilterMakesThatProjectsToo()
    {
        var (_, list) = await SendAsync(HttpMethod.Get, "security-groups");
        var group = Assert.Single(list!["security_groups"]!.AsArray())!;
        Assert.Equal("default", (string)group["name"]!);
        Assert.Equal(4, group["security_group_rules"]!.AsArray().Count);
        Assert.All(group["security_group_rules"]!.AsArray(), r => Assert.Null(r!["description"]));
        var (_, again) = await SendAsync(HttpMethod.Get, "security-groups");
        Assert.Single(again!["security_groups"]!.AsArray());

        var (_, forAlt) = await SendAsync(HttpMethod.Get, $"security-groups?tenant_id={_cloud.Identity.AltDemoProjectId}", user: "admin");
        Assert.Equal(_cloud.Identity.AltDemoProjectId, (string)Assert.Single(forAlt!["security_groups"]!.AsArray())!["project_id"]!);
        // An admin may delete a default group (a member may not: see the recordings).
        var (deleted, _) = await SendAsync(HttpMethod.Delete, "security-groups/" + Id(forAlt["security_groups"]![0]!), user: "admin");
        Assert.Equal(HttpStatusCode.NoContent, deleted);
    }

    [Fact]
    public async Task Rules_PortsWithoutProtocol_AndReversedRanges_AreRefused_AsNeutronDoes()
    {
        var group = await CreateAsync("security-groups", "security_group", new JsonObject { ["name"] = "web" });
        Assert.Equal(2, group["security_group_rules"]!.AsArray().Count);
        var (noProtocol, e1) = await SendAsync(HttpMethod.Post, "security-group-rules", new JsonObject
        {
            ["security_group_rule"] = new JsonObject { ["security_group_id"] = Id(group), ["direction"] = "ingress", ["port_range_min"] = 22, ["port_range_max"] = 22 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, noProtocol);
        Assert.Equal("SecurityGroupProtocolRequiredWithPorts", (string)e1!["NeutronError"]!["type"]!);
        var (reversed, e2) = await SendAsync(HttpMethod.Post, "security-group-rules", new JsonObject
        {
            ["security_group_rule"] = new JsonObject { ["security_group_id"] = Id(group), ["direction"] = "ingress", ["protocol"] = "tcp", ["port_range_min"] = 8080, ["port_range_max"] = 8000 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, reversed);
        Assert.Equal("For TCP/UDP protocols, port_range_min must be <= port_range_max", (string)e2!["NeutronError"]!["message"]!);
        var rule = await CreateAsync("security-group-rules", "security_group_rule", new JsonObject
        {
            ["security_group_id"] = Id(group), ["direction"] = "ingress", ["protocol"] = "tcp", ["port_range_min"] = 22, ["port_range_max"] = 22, ["remote_ip_prefix"] = "10.1.2.3/8",
        });
        Assert.Equal("10.0.0.0/8", (string)rule["normalized_cidr"]!);
        Assert.False(rule.AsObject().ContainsKey("standard_attr_id"));
    }

    [Fact]
    public async Task FloatingIps_NeedARouter_AnAddressWhenThePortHasTwo_AndHoldTheGatewayAndInterface()
    {
        var publicId = Id(_cloud.Neutron.Networks.Single(n => (string?)n["name"] == "public"));
        var net = await CreateAsync("networks", "network", new JsonObject { ["name"] = "n" });
        var subnet = await CreateAsync("subnets", "subnet", new JsonObject { ["network_id"] = Id(net), ["cidr"] = "10.5.0.0/24", ["ip_version"] = 4 });
        var port = await CreateAsync("ports", "port", new JsonObject
        {
            ["network_id"] = Id(net), ["fixed_ips"] = new JsonArray(new JsonObject { ["subnet_id"] = Id(subnet) }, new JsonObject { ["subnet_id"] = Id(subnet) }),
        });
        Assert.Equal(2, port["fixed_ips"]!.AsArray().Count);
        Assert.Single(port["security_groups"]!.AsArray());
        // A member does not see the admin-only binding attributes.
        Assert.False(port.AsObject().ContainsKey("binding:vif_type"));
        var fip = await CreateAsync("floatingips", "floatingip", new JsonObject { ["floating_network_id"] = publicId });
        Assert.StartsWith("172.24.4.", (string)fip["floating_ip_address"]!);

        // Neutron looks at the port's addresses before it looks for a router.
        var first = (string)port["fixed_ips"]![0]!["ip_address"]!;
        var (unreachable, e1) = await SendAsync(HttpMethod.Put, "floatingips/" + Id(fip), new JsonObject { ["floatingip"] = new JsonObject { ["port_id"] = Id(port), ["fixed_ip_address"] = first } });
        Assert.Equal(HttpStatusCode.NotFound, unreachable);
        Assert.Equal("ExternalGatewayForFloatingIPNotFound", (string)e1!["NeutronError"]!["type"]!);

        var router = await CreateAsync("routers", "router", new JsonObject { ["name"] = "r", ["external_gateway_info"] = new JsonObject { ["network_id"] = publicId } });
        var (added, _) = await SendAsync(HttpMethod.Put, $"routers/{Id(router)}/add_router_interface", new JsonObject { ["subnet_id"] = Id(subnet) });
        Assert.Equal(HttpStatusCode.OK, added);
        var (two, e2) = await SendAsync(HttpMethod.Put, "floatingips/" + Id(fip), new JsonObject { ["floatingip"] = new JsonObject { ["port_id"] = Id(port) } });
        Assert.Equal(HttpStatusCode.BadRequest, two);
        Assert.Contains("has multiple fixed IPv4 addresses.  Must provide a specific IPv4 address", (string)e2!["NeutronError"]!["message"]!);
        var second = (string)port["fixed_ips"]![1]!["ip_address"]!;
        var (ok, associated) = await SendAsync(HttpMethod.Put, "floatingips/" + Id(fip), new JsonObject { ["floatingip"] = new JsonObject { ["port_id"] = Id(port), ["fixed_ip_address"] = second } });
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(Id(router), (string)associated!["floatingip"]!["router_id"]!);
        Assert.Equal(Id(net), (string)associated["floatingip"]!["port_details"]!["network_id"]!);

        var (interfaceHeld, e3) = await SendAsync(HttpMethod.Put, $"routers/{Id(router)}/remove_router_interface", new JsonObject { ["subnet_id"] = Id(subnet) });
        Assert.Equal(HttpStatusCode.Conflict, interfaceHeld);
        Assert.Equal("RouterInterfaceInUseByFloatingIP", (string)e3!["NeutronError"]!["type"]!);
        var (gatewayHeld, _) = await SendAsync(HttpMethod.Put, "routers/" + Id(router), new JsonObject { ["router"] = new JsonObject { ["external_gateway_info"] = null } });
        Assert.Equal(HttpStatusCode.Conflict, gatewayHeld);

        // Deleting the port lets go of the floating IP.
        var (portGone, _) = await SendAsync(HttpMethod.Delete, "ports/" + Id(port));
        Assert.Equal(HttpStatusCode.NoContent, portGone);
        var (_, after) = await SendAsync(HttpMethod.Get, "floatingips/" + Id(fip));
        Assert.Null(after!["floatingip"]!["port_id"]);
        Assert.Null(after["floatingip"]!["router_id"]);
    }

    [Fact]
    public async Task AdminsSeeProviderAttributes_MembersDoNot()
    {
        var (_, asAdmin) = await SendAsync(HttpMethod.Get, "networks?name=public", user: "admin");
        Assert.Equal("flat", (string)asAdmin!["networks"]![0]!["provider:network_type"]!);
        var (_, asMember) = await SendAsync(HttpMethod.Get, "networks?name=public");
        Assert.False(asMember!["networks"]![0]!.AsObject().ContainsKey("provider:network_type"));
        // External networks are visible to every project, their subnets are not.
        var (_, subnets) = await SendAsync(HttpMethod.Get, "subnets");
        Assert.Empty(subnets!["subnets"]!.AsArray());
    }
}
