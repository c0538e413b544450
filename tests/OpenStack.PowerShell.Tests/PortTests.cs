using System.Management.Automation;
using System.Text.Json;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>New-OSPort and Set-OSPort in the hosted engine against the fake Neutron (held to the real one by observed/150-168).</summary>
public sealed class PortTests : CloudTest
{
    public PortTests(FakeCloudFixture fixture) : base(fixture) { }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("n")[..8];

    /// <summary>A network with two subnets (10.x.1.0/24 and 10.x.2.0/24) and a security group, all named after <paramref name="name"/>.</summary>
    private (string Net, string SubA, string SubB, string Group) Setup(string name, int octet)
    {
        Ps.Run($"New-OSNetwork $n | New-OSSubnet -Name $n-a -Cidr 10.{octet}.1.0/24; New-OSSubnet -Network $n -Name $n-b -Cidr 10.{octet}.2.0/24; New-OSSecurityGroup $n-sg",
            new() { ["n"] = name }).AssertNoErrors();
        var subnets = Ps.Run("Get-OSNetwork $n | Get-OSSubnet", new() { ["n"] = name }).Output.Cast<Subnet>().ToList();
        var group = Ps.Run("Get-OSSecurityGroup $n-sg", new() { ["n"] = name }).Single<SecurityGroup>();
        Cloud.ClearRequests();
        return (subnets[0].NetworkId, subnets.Single(s => s.Name == name + "-a").Id, subnets.Single(s => s.Name == name + "-b").Id, group.Id);
    }

    private JsonElement Body(string method) =>
        JsonDocument.Parse(Cloud.Requests.Single(r => r.Method == method && r.PathAndQuery.StartsWith("/network/v2.0/ports")).Body).RootElement.GetProperty("port");

    private bool Sent(string method) => Cloud.Requests.Any(r => r.Method == method && r.PathAndQuery.StartsWith("/network/v2.0/ports"));

    [Fact]
    public void NetworkFromThePipeline_FixedIpHashtable_AndGroupByName_MakeOnePost()
    {
        var name = Unique("pn");
        var (net, subA, _, group) = Setup(name, 41);
        var port = Ps.Run("Get-OSNetwork $n | New-OSPort -Name p -Description web -FixedIp @{ subnet = \"$n-a\"; IPADDRESS = '10.41.1.5' } -SecurityGroup \"$n-sg\"",
            new() { ["n"] = name }).Single<Port>();
        var body = Body("POST");
        Assert.Equal(net, body.GetProperty("network_id").GetString());
        Assert.Equal("[{\"subnet_id\":\"" + subA + "\",\"ip_address\":\"10.41.1.5\"}]", body.GetProperty("fixed_ips").GetRawText());
        Assert.Equal("[\"" + group + "\"]", body.GetProperty("security_groups").GetRawText());
        Assert.False(body.TryGetProperty("port_security_enabled", out _));
        Assert.Equal(("10.41.1.5", subA, group, true), (port.FixedIps.Single().IpAddress, port.FixedIps.Single().SubnetId, port.SecurityGroups.Single(), port.PortSecurityEnabled));
        Assert.Equal(("p", "web", net, "DOWN"), (port.Name, port.Description, port.NetworkId, port.Status));
    }

    [Fact]
    public void SubnetAlone_SubnetObject_NoSecurityGroup_AndPortSecurityOff_AreSentAsNeutronTakesThem()
    {
        var name = Unique("pk");
        var (_, _, subB, _) = Setup(name, 42);
        var port = Ps.Run("New-OSPort -Network $n -FixedIp @{ Subnet = (Get-OSSubnet \"$n-b\") } -NoSecurityGroup -MacAddress fa:16:3e:42:42:42", new() { ["n"] = name }).Single<Port>();
        var body = Body("POST");
        Assert.Equal("[{\"subnet_id\":\"" + subB + "\"}]", body.GetProperty("fixed_ips").GetRawText());
        Assert.Equal("[]", body.GetProperty("security_groups").GetRawText());
        Assert.Equal("fa:16:3e:42:42:42", port.MacAddress);
        Assert.Empty(port.SecurityGroups);
        Assert.StartsWith("10.42.2.", port.FixedIps.Single().IpAddress);
        Cloud.ClearRequests();

        var open = Ps.Run("New-OSPort -Network $n -DisablePortSecurity", new() { ["n"] = name }).Single<Port>();
        Assert.Equal("false", Body("POST").GetProperty("port_security_enabled").GetRawText());
        Assert.False(Body("POST").TryGetProperty("security_groups", out _));
        Assert.Equal((false, 0), (open.PortSecurityEnabled, open.SecurityGroups.Count));
    }

    [Theory]
    [InlineData("-FixedIp @{ Subnet = 'x'; Address = '10.0.0.5' }", "PortFixedIpKeyUnknown")]
    [InlineData("-FixedIp @{ IpAddress = '10.0.0.999' }", "PortFixedIpAddressInvalid")]
    [InlineData("-FixedIp @{}", "PortFixedIpEmpty")]
    [InlineData("-SecurityGroup default -DisablePortSecurity", "PortSecurityGroupsNeedPortSecurity")]
    [InlineData("-FixedIp @{ Subnet = 'no-such-subnet' }", "SubnetNotFound")]
    [InlineData("-SecurityGroup no-such-group", "SecurityGroupNotFound")]
    public void BadInput_IsASpecificError_AndNothingIsCreated(string parameters, string errorId)
    {
        var name = Unique("pb");
        Setup(name, 43);
        var result = Ps.Run($"New-OSPort -Network $n {parameters}", new() { ["n"] = name });
        Assert.Equal(errorId, result.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(result.Output);
        Assert.False(Sent("POST"));
    }

    [Fact]
    public void ASubnetOfAnotherNetwork_ByItsId_IsSubnetNotFound_AndAnUnknownNetworkIsNetworkNotFound()
    {
        var name = Unique("po");
        Setup(name, 44);
        var (_, otherSub, _, _) = Setup(name + "x", 45);
        var result = Ps.Run("New-OSPort -Network $n -FixedIp @{ Subnet = $s }", new() { ["n"] = name, ["s"] = otherSub });
        Assert.Contains(otherSub, result.SingleError("SubnetNotFound").Exception.Message);
        var missing = Ps.Run("New-OSPort -Network no-such-net");
        Assert.Equal(ErrorCategory.ObjectNotFound, missing.SingleError("NetworkNotFound").CategoryInfo.Category);
        Assert.False(Sent("POST"));
    }

    [Fact]
    public void NeutronsRefusals_AreSpecificErrors_WithItsMessageAndRequestId()
    {
        var name = Unique("pr");
        Setup(name, 46);
        Ps.Run("New-OSPort -Network $n -Name first -FixedIp @{ IpAddress = '10.46.1.5' }", new() { ["n"] = name }).AssertNoErrors();
        var taken = Ps.Run("New-OSPort -Network $n -FixedIp @{ IpAddress = '10.46.1.5' }", new() { ["n"] = name });
        var error = taken.SingleError("PortIpAddressInUse");
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains("IP address 10.46.1.5 already allocated in subnet", error.ErrorDetails!.Message);
        Assert.Matches("req-[0-9a-f-]{36}", error.ErrorDetails.RecommendedAction);
        var outside = Ps.Run("New-OSPort -Network $n -FixedIp @{ Subnet = \"$n-a\"; IpAddress = '10.46.2.9' }", new() { ["n"] = name });
        Assert.Contains("is not a valid IP for the specified subnet", outside.SingleError("PortIpAddressNotInSubnet").Exception.Message);
    }

    [Fact]
    public void WhatIf_LooksUpButCreatesAndChangesNothing()
    {
        var name = Unique("pw");
        Setup(name, 47);
        Ps.Run("New-OSPort -Network $n -Name p -FixedIp @{ Subnet = \"$n-a\" } -WhatIf", new() { ["n"] = name }).AssertNoErrors();
        Assert.False(Sent("POST"));
        Ps.Run("New-OSPort -Network $n -Name p", new() { ["n"] = name }).AssertNoErrors();
        Cloud.ClearRequests();
        Ps.Run("Set-OSPort p -NoSecurityGroup -WhatIf").AssertNoErrors();
        Assert.False(Sent("PUT"));
    }

    [Fact]
    public void PortsPipedToSetOSPort_EachGetOnePut()
    {
        var name = Unique("ps");
        var (_, subA, subB, group) = Setup(name, 48);
        Ps.Run("1..2 | ForEach-Object { New-OSPort -Network $n -Name \"$n-p$_\" -SecurityGroup \"$n-sg\" }", new() { ["n"] = name }).AssertNoErrors();
        Cloud.ClearRequests();
        var changed = Ps.Run("Get-OSPort \"$n-p*\" | Set-OSPort -NoSecurityGroup -DisablePortSecurity -PassThru", new() { ["n"] = name }).Output.Cast<Port>().ToList();
        var puts = Cloud.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(2, puts.Count);
        Assert.All(puts, p => Assert.Equal("{\"port\":{\"security_groups\":[],\"port_security_enabled\":false}}", System.Text.Encoding.UTF8.GetString(p.Body)));
        Assert.All(changed, p => Assert.Equal((false, 0), (p.PortSecurityEnabled, p.SecurityGroups.Count)));

        // Addresses resolve in the port's network and replace the list; groups need port security back.
        Cloud.ClearRequests();
        var moved = Ps.Run("Set-OSPort \"$n-p1\" -FixedIp @{ Subnet = \"$n-a\"; IpAddress = '10.48.1.9' }, @{ Subnet = \"$n-b\" } -SecurityGroup \"$n-sg\" -EnablePortSecurity -PassThru",
            new() { ["n"] = name }).Single<Port>();
        Assert.Equal("[{\"subnet_id\":\"" + subA + "\",\"ip_address\":\"10.48.1.9\"},{\"subnet_id\":\"" + subB + "\"}]", Body("PUT").GetProperty("fixed_ips").GetRawText());
        Assert.Equal((2, group, true), (moved.FixedIps.Count, moved.SecurityGroups.Single(), moved.PortSecurityEnabled));
    }

    [Fact]
    public void SetOSPort_RefusalsAndConflicts_AreSpecificErrors()
    {
        var name = Unique("pc");
        Setup(name, 49);
        Ps.Run("New-OSPort -Network $n -Name \"$n-p\" -SecurityGroup \"$n-sg\"; New-OSPort -Network $n -Name \"$n-q\" -NoSecurityGroup -DisablePortSecurity", new() { ["n"] = name }).AssertNoErrors();
        var hasGroups = Ps.Run("Set-OSPort \"$n-p\" -DisablePortSecurity", new() { ["n"] = name }).SingleError("PortHasSecurityGroups");
        Assert.Contains("Port has security group associated", hasGroups.ErrorDetails!.Message);
        Assert.Contains("-NoSecurityGroup", hasGroups.ErrorDetails.Message);
        var needs = Ps.Run("Set-OSPort \"$n-q\" -SecurityGroup \"$n-sg\"", new() { ["n"] = name }).SingleError("PortSecurityGroupsNeedPortSecurity");
        Assert.Equal(ErrorCategory.InvalidOperation, needs.CategoryInfo.Category);
        Cloud.ClearRequests();
        foreach (var (parameters, errorId) in new[]
        {
            ("-DisablePortSecurity -EnablePortSecurity", "PortSecurityConflict"),
            ("-DisablePortSecurity -SecurityGroup default", "PortSecurityGroupsNeedPortSecurity"),
            ("-FixedIp @{ Subnet = 'x'; Ip = '1.2.3.4' }", "PortFixedIpKeyUnknown"),
            ("-PassThru", "PortNoChangeGiven"),
        })
        {
            var result = Ps.Run($"Set-OSPort \"$n-p\" {parameters}", new() { ["n"] = name });
            Assert.Equal(errorId, result.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        }
        var ambiguous = Ps.Run("Set-OSPort \"$n-p\" -SecurityGroup default -NoSecurityGroup", new() { ["n"] = name });
        Assert.StartsWith("AmbiguousParameterSet", ambiguous.Errors.Single().FullyQualifiedErrorId);
        Assert.False(Sent("PUT"));
    }
}
