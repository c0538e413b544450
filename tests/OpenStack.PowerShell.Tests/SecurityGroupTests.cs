using System.Management.Automation;
using System.Text.Json;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>Security groups and rules in the hosted engine against the fake Neutron (held to the real one by the replay of tests/cloud/observed).</summary>
public sealed class SecurityGroupTests : CloudTest
{
    public SecurityGroupTests(FakeCloudFixture fixture) : base(fixture) { }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("n")[..8];

    private JsonElement OnlyBody(string method, string path) =>
        JsonDocument.Parse(Cloud.Requests.Single(r => r.Method == method && r.PathAndQuery == path).Body).RootElement;

    [Fact]
    public void NewGroup_AndRules_SendNeutronsShape_AndShowTheRulesInline()
    {
        var name = Unique("sg");
        var group = Ps.Run("New-OSSecurityGroup $n -Description 'ssh and ping'", new() { ["n"] = name }).Single<SecurityGroup>();
        Assert.Equal(2, group.Rules.Count);
        Assert.All(group.Rules, r => Assert.Equal("egress", r.Direction));
        Assert.Equal("{\"name\":\"" + name + "\",\"description\":\"ssh and ping\"}", OnlyBody("POST", "/network/v2.0/security-groups").GetProperty("security_group").GetRawText());
        Cloud.ClearRequests();

        var ssh = Ps.Run("Get-OSSecurityGroup $n | New-OSSecurityGroupRule -Protocol tcp -Port 22 -RemoteIpPrefix 0.0.0.0/0", new() { ["n"] = name }).Single<SecurityGroupRule>();
        var body = OnlyBody("POST", "/network/v2.0/security-group-rules").GetProperty("security_group_rule");
        Assert.Equal(group.Id, body.GetProperty("security_group_id").GetString());
        Assert.Equal("ingress", body.GetProperty("direction").GetString());
        Assert.Equal("IPv4", body.GetProperty("ethertype").GetString());
        Assert.Equal("tcp", body.GetProperty("protocol").GetString());
        Assert.Equal(22, body.GetProperty("port_range_min").GetInt32());
        Assert.Equal(22, body.GetProperty("port_range_max").GetInt32());
        Assert.Equal("0.0.0.0/0", body.GetProperty("remote_ip_prefix").GetString());
        Assert.Equal(("22:22", 22, "0.0.0.0/0"), (ssh.PortRange, ssh.PortRangeMin!.Value, ssh.RemoteIpPrefix));

        var icmp = Ps.Run("New-OSSecurityGroupRule $n -Protocol icmp -PortRange 8000-8080 -ErrorAction SilentlyContinue", new() { ["n"] = name });
        Assert.Equal("SecurityGroupRulePortRangeInvalid", icmp.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Ps.Run("New-OSSecurityGroupRule $n -Protocol icmp", new() { ["n"] = name }).AssertNoErrors();
        var rules = Ps.Run("Get-OSSecurityGroup $n | Get-OSSecurityGroupRule -Direction ingress", new() { ["n"] = name }).OfType<SecurityGroupRule>().ToList();
        Assert.Equal(new[] { "icmp", "tcp" }, rules.Select(r => r.Protocol).OrderBy(p => p));
        Assert.Contains(RequestLines(), l => l.StartsWith("GET /network/v2.0/security-group-rules?") && l.Contains($"security_group_id={group.Id}") && l.Contains("direction=ingress"));
        Assert.Equal(4, Ps.Run("Get-OSSecurityGroup $n", new() { ["n"] = name }).Single<SecurityGroup>().Rules.Count);
    }

    [Fact]
    public void DuplicateRule_IsSecurityGroupRuleExists_WithNeutronsMessageAndRequestId()
    {
        var name = Unique("dup");
        Ps.Run("New-OSSecurityGroup $n | New-OSSecurityGroupRule -Protocol tcp -Port 443", new() { ["n"] = name }).AssertNoErrors();
        var again = Ps.Run("New-OSSecurityGroupRule $n -Protocol tcp -Port 443", new() { ["n"] = name });
        var error = again.SingleError("SecurityGroupRuleExists");
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains("Security group rule already exists. Rule id is", error.Exception.Message);
        Assert.Matches("req-[0-9a-f-]{36}", error.ErrorDetails!.RecommendedAction);
        Assert.Empty(again.Output);
    }

    [Fact]
    public void PortWithoutProtocol_AndAReversedRange_AreRefusedBeforeAnyRequest()
    {
        var noProtocol = Ps.Run("New-OSSecurityGroupRule some-group -Port 22");
        Assert.Equal("SecurityGroupRuleProtocolRequired", noProtocol.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, noProtocol.Errors.Single().CategoryInfo.Category);
        var reversed = Ps.Run("New-OSSecurityGroupRule some-group -Protocol tcp -PortRange 8080-8000");
        Assert.Equal("SecurityGroupRulePortRangeInvalid", reversed.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("wrong way round", reversed.Errors.Single().Exception.Message);
        Assert.Empty(RequestLines());
    }

    [Fact]
    public void RuleOnAnUnknownGroup_IsSecurityGroupNotFound_AndNothingIsPosted()
    {
        var result = Ps.Run("New-OSSecurityGroupRule no-such-group -Protocol tcp -Port 22");
        Assert.Equal(ErrorCategory.ObjectNotFound, result.SingleError("SecurityGroupNotFound").CategoryInfo.Category);
        Assert.DoesNotContain(RequestLines(), l => l.StartsWith("POST"));
    }

    [Fact]
    public void Names_ResolveInTheSessionsProjectFirst_OnlyThenAreAmbiguous()
    {
        // An admin sees every project's "default"; the admin's own is the one a name means.
        Cloud.Neutron.AddSecurityGroup("default", Cloud.Identity.DemoProjectId, "Default security group");
        Ps.Run("Get-OSSecurityGroup").AssertNoErrors();   // makes the admin project's default too, as Neutron does
        var defaults = Ps.Run("Get-OSSecurityGroup default").OfType<SecurityGroup>().ToList();
        Assert.True(defaults.Count >= 2);
        Cloud.ClearRequests();
        Ps.Run("Set-OSSecurityGroup default -Description 'ours' -Confirm:$false").AssertNoErrors();
        var own = defaults.Single(g => g.ProjectId == Cloud.Identity.AdminProjectId);
        Assert.Single(Cloud.Requests, r => r.Method == "PUT" && r.PathAndQuery == $"/network/v2.0/security-groups/{own.Id}");

        var shared = Unique("shared");
        Cloud.Neutron.AddSecurityGroup(shared, Cloud.Identity.DemoProjectId);
        Cloud.Neutron.AddSecurityGroup(shared, Cloud.Identity.AltDemoProjectId);
        var ambiguous = Ps.Run("Remove-OSSecurityGroup $n -Confirm:$false", new() { ["n"] = shared });
        Assert.Contains(shared, ambiguous.SingleError("SecurityGroupNameAmbiguous").Exception.Message);
        Assert.Equal(2, Cloud.Neutron.SecurityGroups.Count(g => (string?)g["name"] == shared));
    }

    [Fact]
    public void DeletingAGroupInUse_IsSecurityGroupInUse_AndRemovingDefaultAsAMember_IsRefused()
    {
        var name = Unique("busy");
        var group = Ps.Run("New-OSSecurityGroup $n", new() { ["n"] = name }).Single<SecurityGroup>();
        var net = Cloud.Neutron.AddNetwork(Unique("net"), Cloud.Identity.AdminProjectId);
        Cloud.Neutron.AddSubnet((string)net["id"]!, "10.77.0.0/24", Cloud.Identity.AdminProjectId);
        Cloud.Neutron.AddPort((string)net["id"]!, Cloud.Identity.AdminProjectId, group.Id);
        var busy = Ps.Run("Remove-OSSecurityGroup $n -Confirm:$false", new() { ["n"] = name });
        var error = busy.SingleError("SecurityGroupInUse");
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Contains($"Security Group {group.Id} in use.", error.Exception.Message);

        Connect("demo", FakeCloud.FakeIdentity.DemoPassword, "demo");
        var removeDefault = Ps.Run("Remove-OSSecurityGroup default -Confirm:$false");
        var refused = removeDefault.SingleError("SecurityGroupDefaultNotRemovable");
        Assert.Equal(ErrorCategory.PermissionDenied, refused.CategoryInfo.Category);
        Assert.Contains("Insufficient rights for removing default security group.", refused.Exception.Message);
    }

    [Fact]
    public void WhatIf_SendsNoChange()
    {
        var name = Unique("whatif");
        Ps.Run("New-OSSecurityGroup $n -WhatIf", new() { ["n"] = name }).AssertNoErrors();
        Assert.DoesNotContain(RequestLines(), l => l.StartsWith("POST"));
        Assert.DoesNotContain(Cloud.Neutron.SecurityGroups, g => (string?)g["name"] == name);
    }
}
