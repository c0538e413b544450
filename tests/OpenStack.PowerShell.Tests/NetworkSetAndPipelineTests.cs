using System.Management.Automation;
using System.Text.Json;
using OpenStack.PowerShell.Tests.Harness;
using NetworkModel = OpenStack.Client.Network.V2.Network;
using RouterModel = OpenStack.Client.Network.V2.Router;
using SubnetModel = OpenStack.Client.Network.V2.Subnet;

namespace OpenStack.PowerShell.Tests;

/// <summary>Set-OSSubnet and Set-OSRouter (the first cmdlets built on the resource layer) and the pipeline rules across nouns.</summary>
public sealed class NetworkSetAndPipelineTests : CloudTest
{
    public NetworkSetAndPipelineTests(FakeCloudFixture fixture) : base(fixture) { }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("n")[..8];

    private JsonElement PutBody(string path, string key) =>
        JsonDocument.Parse(Cloud.Requests.Single(r => r.Method == "PUT" && r.PathAndQuery == path).Body).RootElement.GetProperty(key);

    [Fact]
    public void SetSubnet_PutsOnlyTheGivenFields_FromThePipeline()
    {
        var name = Unique("setsub");
        var subnet = Ps.Run("New-OSNetwork $n | New-OSSubnet -Name $n -Cidr 10.80.0.0/24", new() { ["n"] = name }).Single<SubnetModel>();
        Cloud.ClearRequests();

        var updated = Ps.Run("Get-OSSubnet $n | Set-OSSubnet -GatewayIp none -EnableDhcp:$false -DnsNameserver 9.9.9.9 -PassThru",
            new() { ["n"] = name }).Single<SubnetModel>();

        var body = PutBody($"/network/v2.0/subnets/{subnet.Id}", "subnet");
        Assert.Equal(new[] { "dns_nameservers", "enable_dhcp", "gateway_ip" }, body.EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("gateway_ip").ValueKind);
        Assert.False(body.GetProperty("enable_dhcp").GetBoolean());
        Assert.Null(updated.GatewayIp);
        Assert.False(updated.EnableDhcp);
        Assert.Equal(new[] { "9.9.9.9" }, updated.DnsNameservers);

        Cloud.ClearRequests();
        Ps.Run("Set-OSSubnet $n -Name $m", new() { ["n"] = name, ["m"] = name + "-renamed" }).AssertNoErrors();
        Assert.Equal("{\"name\":\"" + name + "-renamed\"}", PutBody($"/network/v2.0/subnets/{subnet.Id}", "subnet").GetRawText());
        var none = Ps.Run("Set-OSSubnet $n", new() { ["n"] = name + "-renamed" });
        Assert.Equal("SubnetNoChangeGiven", none.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("-Name, -Description, -GatewayIp, -EnableDhcp or -DnsNameserver", none.Errors.Single().Exception.Message);
    }

    [Fact]
    public void SetRouter_PutsTheGatewayOnAnExternalNetwork_ThenRemovesIt()
    {
        var name = Unique("setrtr");
        var ext = Ps.Run("New-OSNetwork $e -External", new() { ["e"] = name + "-ext" }).Single<NetworkModel>();
        var router = Ps.Run("New-OSRouter $n", new() { ["n"] = name }).Single<RouterModel>();
        Cloud.ClearRequests();

        var set = Ps.Run("Set-OSRouter $n -ExternalNetwork $e -PassThru", new() { ["n"] = name, ["e"] = name + "-ext" }).Single<RouterModel>();
        Assert.Equal(ext.Id, PutBody($"/network/v2.0/routers/{router.Id}", "router").GetProperty("external_gateway_info").GetProperty("network_id").GetString());
        Assert.Equal(ext.Id, set.ExternalGatewayInfo?.NetworkId);
        // The gateway port blocks deleting the external network, as on a real cloud.
        Ps.Run("Remove-OSNetwork $e -Confirm:$false", new() { ["e"] = name + "-ext" }).SingleError("NetworkInUse");

        Cloud.ClearRequests();
        var removed = Ps.Run("Get-OSRouter $n | Set-OSRouter -RemoveExternalGateway -AdminStateUp:$false -PassThru", new() { ["n"] = name }).Single<RouterModel>();
        var body = PutBody($"/network/v2.0/routers/{router.Id}", "router");
        Assert.Equal("{}", body.GetProperty("external_gateway_info").GetRawText());
        Assert.False(body.GetProperty("admin_state_up").GetBoolean());
        Assert.Null(removed.ExternalGatewayInfo);
        Ps.Run("Remove-OSRouter $n -Confirm:$false; Remove-OSNetwork $e -Confirm:$false", new() { ["n"] = name, ["e"] = name + "-ext" }).AssertNoErrors();

        var both = Ps.Run("Set-OSRouter x -ExternalNetwork y -RemoveExternalGateway");
        Assert.Contains("AmbiguousParameterSet", both.Errors.Single().FullyQualifiedErrorId);
    }

    [Fact]
    public void SetRouter_NotExternal_IsRouterRequestInvalid_AndWhatIfSendsNoPut()
    {
        var name = Unique("rtrbad");
        var network = Ps.Run("New-OSNetwork $n; New-OSRouter $n | Out-Null", new() { ["n"] = name }).Single<NetworkModel>();
        var error = Ps.Run("Set-OSRouter $n -ExternalNetwork $n", new() { ["n"] = name }).SingleError("RouterRequestInvalid");
        Assert.Contains($"Network {network.Id} is not an external network.", error.Exception.Message);

        Cloud.ClearRequests();
        Ps.Run("Set-OSRouter $n -Name other -WhatIf; Set-OSSubnet nothing-* -Name x -WhatIf", new() { ["n"] = name }).AssertNoErrors();
        Assert.All(RequestLines(), line => Assert.StartsWith("GET ", line));
        Assert.Contains("What if: Performing the operation \"Change router\"", Ps.Host.Ui.Text);
    }

    [Fact]
    public void NetworkPipedToGetSubnet_ListsThatNetworksSubnets()
    {
        var name = Unique("pipe");
        var network = Ps.Run("New-OSNetwork $n", new() { ["n"] = name }).Single<NetworkModel>();
        Ps.Run("New-OSSubnet -Name a -Network $n -Cidr 10.81.0.0/24; New-OSSubnet -Name b -Network $n -Cidr 10.82.0.0/24; New-OSNetwork $o | New-OSSubnet -Name c -Cidr 10.83.0.0/24",
            new() { ["n"] = name, ["o"] = name + "-other" }).AssertNoErrors();
        Cloud.ClearRequests();

        var subnets = Ps.Run("Get-OSNetwork $n | Get-OSSubnet", new() { ["n"] = name }).OfType<SubnetModel>().ToList();

        Assert.Equal(new[] { "a", "b" }, subnets.Select(s => s.Name).OrderBy(n => n).ToArray());
        Assert.All(subnets, s => Assert.Equal(network.Id, s.NetworkId));
        Assert.Contains($"GET /network/v2.0/subnets?limit=1000&network_id={network.Id}", RequestLines());
        Assert.DoesNotContain(RequestLines(), l => l.StartsWith($"GET /network/v2.0/subnets/{network.Id}", StringComparison.Ordinal));
        Assert.Equal(new[] { "b" }, Ps.Run("Get-OSNetwork $n | Get-OSSubnet -Name b*", new() { ["n"] = name }).OfType<SubnetModel>().Select(s => s.Name).ToArray());
    }

    [Fact]
    public void StringsPipedToGet_AreNamesOrIds_AndOtherNounsNeverBindToId()
    {
        var name = Unique("strget");
        var network = Ps.Run("New-OSNetwork $n", new() { ["n"] = name }).Single<NetworkModel>();
        var router = Ps.Run("New-OSRouter $n", new() { ["n"] = name }).Single<RouterModel>();

        Assert.Equal(network.Id, Ps.Run("$n | Get-OSNetwork", new() { ["n"] = name }).Single<NetworkModel>().Id);
        Assert.Equal(network.Id, Ps.Run("$id | Get-OSNetwork", new() { ["id"] = network.Id }).Single<NetworkModel>().Id);
        Assert.Equal(2, Ps.Run("$n, $n | Get-OSRouter", new() { ["n"] = name }).OfType<RouterModel>().Count());
        Assert.Equal(router.Id, Ps.Run("Get-OSRouter $n | Get-OSRouter", new() { ["n"] = name }).Single<RouterModel>().Id);

        Cloud.ClearRequests();
        var wrong = Ps.Run("Get-OSRouter $n | Get-OSNetwork", new() { ["n"] = name });
        Assert.Empty(wrong.Output);
        var error = wrong.SingleError("NetworkInputInvalid");
        Assert.Equal(ErrorCategory.InvalidType, error.CategoryInfo.Category);
        Assert.DoesNotContain(RequestLines(), l => l.Contains(router.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Names_MatchCaseInsensitively_WhenNoneMatchesExactly_AndCaseTwinsAreAmbiguousForAChange()
    {
        var name = Unique("CaseNet");
        var network = Ps.Run("New-OSNetwork $n", new() { ["n"] = name }).Single<NetworkModel>();
        Assert.Equal(network.Id, Ps.Run("Get-OSNetwork $n", new() { ["n"] = name.ToUpperInvariant() }).Single<NetworkModel>().Id);
        Assert.Equal(network.Id, Ps.Run("Set-OSNetwork $n -Mtu 1400 -PassThru", new() { ["n"] = name.ToLowerInvariant() }).Single<NetworkModel>().Id);

        var twin = Ps.Run("New-OSNetwork $n", new() { ["n"] = name.ToLowerInvariant() }).Single<NetworkModel>();
        Assert.Equal(network.Id, Ps.Run("Get-OSNetwork $n", new() { ["n"] = name }).Single<NetworkModel>().Id); // exact wins
        Assert.Equal(2, Ps.Run("Get-OSNetwork $n", new() { ["n"] = name.ToUpperInvariant() }).OfType<NetworkModel>().Count());
        Cloud.ClearRequests();
        Ps.Run("Remove-OSNetwork $n -Confirm:$false", new() { ["n"] = name.ToUpperInvariant() }).SingleError("NetworkNameAmbiguous");
        Assert.DoesNotContain(RequestLines(), l => l.StartsWith("DELETE", StringComparison.Ordinal));
        Ps.Run("Remove-OSNetwork $a, $b -Confirm:$false", new() { ["a"] = network.Id, ["b"] = twin.Id }).AssertNoErrors();
    }

    [Fact]
    public void Wildcards_PickEveryMatch_EachThroughShouldProcess()
    {
        var prefix = Unique("wild");
        Ps.Run("New-OSNetwork ($p + '-1'); New-OSNetwork ($p + '-2'); New-OSNetwork ($p + 'x')", new() { ["p"] = prefix }).AssertNoErrors();

        Ps.Run("Remove-OSNetwork ($p + '-*') -WhatIf", new() { ["p"] = prefix }).AssertNoErrors();
        Assert.Equal(2, Ps.Host.Ui.Text.Split("Performing the operation \"Delete network\"").Length - 1);

        Cloud.ClearRequests();
        Ps.Run("Remove-OSNetwork ($p + '-*') -Confirm:$false; Remove-OSNetwork 'no-such-*' -Confirm:$false", new() { ["p"] = prefix }).AssertNoErrors();
        Assert.Equal(2, RequestLines().Count(l => l.StartsWith("DELETE /network/v2.0/networks/", StringComparison.Ordinal)));
        Assert.Single(Ps.Run("Get-OSNetwork ($p + '*')", new() { ["p"] = prefix }).OfType<NetworkModel>());
    }
}
