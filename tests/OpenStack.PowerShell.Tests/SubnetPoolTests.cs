using System.Text.Json;
using OpenStack.PowerShell.Tests.Harness;
using SubnetPoolModel = OpenStack.Client.Network.V2.SubnetPool;

namespace OpenStack.PowerShell.Tests;

/// <summary>Get, New, Set and Remove-OSSubnetPool in the hosted engine against the fake cloud: bodies, pipeline, -WhatIf, ErrorIds.</summary>
public sealed class SubnetPoolTests : CloudTest
{
    public SubnetPoolTests(FakeCloudFixture fixture) : base(fixture) { }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("n")[..8];

    private JsonElement Body(string method, string path) =>
        JsonDocument.Parse(Cloud.Requests.Single(r => r.Method == method && r.PathAndQuery == path).Body).RootElement.GetProperty("subnetpool");

    [Fact]
    public void New_SendsOnlyTheGivenFields_AndReadsNeutronsStringLengths()
    {
        var name = Unique("pool");
        Cloud.ClearRequests();
        var pool = Ps.Run("New-OSSubnetPool $n 10.90.0.0/16 -DefaultPrefixLength 24", new() { ["n"] = name }).Single<SubnetPoolModel>();
        Assert.Equal("{\"name\":\"" + name + "\",\"prefixes\":[\"10.90.0.0/16\"],\"default_prefixlen\":24}", Body("POST", "/network/v2.0/subnetpools").GetRawText());
        Assert.Equal((24, 8, 32, 4), (pool.DefaultPrefixLength, pool.MinPrefixLength, pool.MaxPrefixLength, pool.IpVersion));

        Cloud.ClearRequests();
        Assert.Empty(Ps.Run("New-OSSubnetPool $n 10.91.0.0/16 -WhatIf", new() { ["n"] = Unique("pool") }).Output);
        Assert.DoesNotContain(Cloud.Requests, r => r.Method == "POST");
    }

    [Fact]
    public void GetSetRemove_ByNamePipelineAndWildcard()
    {
        var stem = Unique("pools");
        Ps.Run("New-OSSubnetPool ($s + '-a') 10.92.0.0/16; New-OSSubnetPool ($s + '-b') 10.93.0.0/16", new() { ["s"] = stem }).AssertNoErrors();

        Assert.Equal(2, Ps.Run("Get-OSSubnetPool ($s + '-*')", new() { ["s"] = stem }).OfType<SubnetPoolModel>().Count());
        var a = Ps.Run("($s + '-A') | Get-OSSubnetPool", new() { ["s"] = stem }).Single<SubnetPoolModel>();
        Assert.Equal(stem + "-a", a.Name);
        Ps.Run("Get-OSSubnetPool nothing-like-it").SingleError("SubnetPoolNotFound");

        Cloud.ClearRequests();
        var grown = Ps.Run("Get-OSSubnetPool ($s + '-a') | Set-OSSubnetPool -Prefix 10.92.0.0/16, 10.94.0.0/16 -Description d -PassThru",
            new() { ["s"] = stem }).Single<SubnetPoolModel>();
        Assert.Equal("{\"description\":\"d\",\"prefixes\":[\"10.92.0.0/16\",\"10.94.0.0/16\"]}", Body("PUT", $"/network/v2.0/subnetpools/{a.Id}").GetRawText());
        Assert.Equal(2, grown.Prefixes.Count);
        Ps.Run("Set-OSSubnetPool ($s + '-a')", new() { ["s"] = stem }).SingleError("SubnetPoolNoChangeGiven");
        var shrink = Ps.Run("Set-OSSubnetPool ($s + '-a') -Prefix 10.94.0.0/16", new() { ["s"] = stem }).SingleError("SubnetPoolRequestInvalid");
        Assert.Contains("Existing prefixes must be a subset", shrink.Exception.Message);

        Ps.Run("Remove-OSSubnetPool ($s + '-*') -WhatIf", new() { ["s"] = stem }).AssertNoErrors();
        Assert.Equal(2, Ps.Run("Get-OSSubnetPool ($s + '-*')", new() { ["s"] = stem }).OfType<SubnetPoolModel>().Count());
        Ps.Run("Get-OSSubnetPool ($s + '-*') | Remove-OSSubnetPool -Confirm:$false", new() { ["s"] = stem }).AssertNoErrors();
        Assert.Empty(Ps.Run("Get-OSSubnetPool ($s + '-*')", new() { ["s"] = stem }).OfType<SubnetPoolModel>());
        Ps.Run("Remove-OSSubnetPool ($s + '-a') -Confirm:$false", new() { ["s"] = stem }).SingleError("SubnetPoolNotFound");
    }
}
