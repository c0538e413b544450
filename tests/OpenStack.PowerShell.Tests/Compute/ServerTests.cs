using OpenStack.Client.Compute.V2;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>Get-OSServer, New-OSServer and Remove-OSServer against the fake Nova: requests, headers, bodies and pipelines.</summary>
public sealed class ServerTests : ComputeTest
{
    public ServerTests(FakeCloudFixture fixture) : base(fixture) { }

    [Fact]
    public void GetServer_ReadsTheVersionDocumentOnce_AndSendsTheNegotiatedMicroversionOnEveryCall()
    {
        var server = SeedServer();
        Ps.Run("Get-OSServer; Get-OSServer -Id $id; Get-OSFlavor", new() { ["id"] = server.Id }).AssertNoErrors();
        Assert.Single(Cloud.Requests, r => r.Method == "GET" && r.PathAndQuery == "/compute/v2.1/");
        Assert.All(NovaRequests(), r => AssertMicroversion(r));
    }

    [Fact]
    public void GetServer_ShowsTheCliFields_WithImageAndFlavorNamesFromOneListEach()
    {
        var image = SeedImage(Unique("cirros"));
        var a = SeedServer(Unique("web"), imageId: image.Id, flavorId: "2");
        var b = SeedServer(Unique("db"), vmState: "stopped", imageId: image.Id);
        var servers = Ps.Run("Get-OSServer").OfType<Server>().ToList();

        var first = servers.Single(s => s.Id == a.Id);
        Assert.Equal(a.Name, first.Name);
        Assert.Equal("ACTIVE", first.Status);
        Assert.Equal("Running", first.PowerState);
        Assert.Null(first.TaskState);
        Assert.Equal(image.Id, first.ImageId);
        Assert.Equal(image.Name, first.ImageName);
        Assert.Equal("m1.small", first.FlavorName);   // original_name, embedded from 2.47
        Assert.Equal("osps-compute", first.Host);      // admin sees the host attributes
        Assert.Equal(Cloud.Identity.AdminProjectId, first.ProjectId);
        var second = servers.Single(s => s.Id == b.Id);
        Assert.Equal("SHUTOFF", second.Status);
        Assert.Equal("Shutdown", second.PowerState);
        // One image list, no flavor lookups (2.93 embeds the flavor), no GET per server.
        Assert.Single(Cloud.Requests, r => r.PathAndQuery.StartsWith("/image/v2/images", StringComparison.Ordinal));
        Assert.DoesNotContain(NovaLines(), l => l.Contains("/flavors"));
        Assert.Equal(new[] { "GET /compute/v2.1/servers/detail" }, NovaLines());
    }

    [Fact]
    public void GetServer_FollowsServersLinks_PageByPage()
    {
        var prefix = Unique("page");
        for (var i = 0; i < 5; i++) SeedServer($"{prefix}-{i}");
        var servers = Ps.Run("Get-OSServer -Name $n -Limit 2", new() { ["n"] = prefix + "-*" }).OfType<Server>().ToList();
        Assert.Equal(2, servers.Count);
        // -Limit caps what is written; without it every page is followed.
        Cloud.ClearRequests();
        var all = Ps.Run("Get-OSServer -Name $n", new() { ["n"] = prefix + "-*" }).OfType<Server>().ToList();
        Assert.Equal(5, all.Count);
        Assert.Equal(5, all.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void GetServer_PagesWithTheMarkerNovaLinks()
    {
        var prefix = Unique("mark");
        for (var i = 0; i < 3; i++) SeedServer($"{prefix}-{i}");
        var result = Ps.Run("Get-OSServer -Name $n -Limit 1000 -Status ACTIVE", new() { ["n"] = prefix + "-*" });
        result.AssertNoErrors();
        Assert.StartsWith("GET /compute/v2.1/servers/detail?limit=1000&status=ACTIVE", NovaLines()[0]);
    }

    [Fact]
    public void GetServer_FiltersAreSentToNova_AndAPlainNameIsAnAnchoredRegex()
    {
        var image = SeedImage(Unique("img"));
        var server = SeedServer(Unique("exact.name"), imageId: image.Id);
        SeedServer(server.Name + "x", imageId: image.Id);
        var found = Ps.Run("Get-OSServer $n -Image $i -Flavor m1.tiny -AllProjects", new() { ["n"] = server.Name, ["i"] = image.Name }).OfType<Server>().ToList();
        Assert.Equal(server.Id, Assert.Single(found).Id);
        var list = NovaLines().Single(l => l.StartsWith("GET /compute/v2.1/servers/detail", StringComparison.Ordinal));
        var escaped = Uri.EscapeDataString("^" + System.Text.RegularExpressions.Regex.Escape(server.Name) + "$");
        Assert.Equal($"GET /compute/v2.1/servers/detail?name={escaped}&image={image.Id}&flavor=1&all_tenants=1", list);
    }

    [Fact]
    public void GetServer_UnknownPlainName_IsServerNotFound()
    {
        Ps.Run("Get-OSServer nothing-like-it").SingleError("ServerNotFound");
        Assert.Empty(Ps.Run("Get-OSServer nothing-like-*").Errors);
        Ps.Run("Get-OSServer -Id 6a3e0d8e-0000-4000-8000-000000000000").SingleError("ServerNotFound");
    }

    [Fact]
    public void NewServer_FromAPipedImage_WaitsUntilActive_WithProgress()
    {
        var image = SeedImage(Unique("cirros"));
        var name = Unique("vm1");
        var result = Ps.Run("Get-OSImage -Name $i | New-OSServer -Name $n -Flavor m1.tiny -Wait", new() { ["i"] = image.Name, ["n"] = name });
        var server = result.Single<Server>();
        Assert.Equal("ACTIVE", server.Status);
        Assert.Equal(name, server.Name);
        Assert.Equal(image.Name, server.ImageName);
        Assert.Equal("m1.tiny", server.FlavorName);
        Assert.Contains(result.Progress, p => p.Activity.Contains("ACTIVE", StringComparison.Ordinal) && p.StatusDescription.StartsWith("BUILD", StringComparison.Ordinal));

        var create = NovaRequests().Single(r => r.Method == "POST" && r.PathAndQuery == "/compute/v2.1/servers");
        AssertMicroversion(create);
        Assert.Equal("application/json", create.Headers["Content-Type"]);
        var body = Body(create).GetProperty("server");
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal(image.Id, body.GetProperty("imageRef").GetString());
        Assert.Equal("1", body.GetProperty("flavorRef").GetString());
        Assert.Equal("auto", body.GetProperty("networks").GetString());
        // Flavor by name: GET by id first (404), then one list; the image came as an object: no Glance lookup by the cmdlet.
        Assert.Contains("GET /compute/v2.1/flavors/m1.tiny", NovaLines());
        Assert.Contains("GET /compute/v2.1/flavors/detail?is_public=None", NovaLines());
        Assert.True(NovaLines().Count(l => l == $"GET /compute/v2.1/servers/{server.Id}") >= 2, "polled until ACTIVE");
    }

    [Fact]
    public void NewServer_SendsEveryOption_InNovasShape()
    {
        var image = SeedImage(Unique("img"));
        Cloud.Nova.Networks["private"] = "5e1a3f2c-1111-4e6b-9c1d-000000000001";
        // Nova resolves the groups through Neutron (400 "Security group web not found." otherwise).
        var web = (string)Cloud.Neutron.AddSecurityGroup(Unique("web"), Cloud.Identity.AdminProjectId)["id"]!;
        var webName = (string)Cloud.Neutron.SecurityGroups.Single(g => (string?)g["id"] == web)["name"]!;
        Ps.Run("New-OSKeypair -Name $k -PublicKey $pk", new() { ["k"] = "kp-opts", ["pk"] = TestKeys.Ed25519 });
        Cloud.ClearRequests();
        var result = Ps.Run("New-OSServer -Name opts -Image $i -Flavor 2 -Network 5e1a3f2c-1111-4e6b-9c1d-000000000001 -KeyName kp-opts " +
                            "-SecurityGroup default, $web -UserData '#cloud-config' -AvailabilityZone nova -Property @{ role = 'web' }",
            new() { ["i"] = image.Id, ["web"] = webName });
        var server = result.Single<Server>();
        Assert.Equal("BUILD", server.Status);   // no -Wait: as Nova first shows it
        var body = Body(NovaRequests().Single(r => r.Method == "POST")).GetProperty("server");
        Assert.Equal("5e1a3f2c-1111-4e6b-9c1d-000000000001", body.GetProperty("networks")[0].GetProperty("uuid").GetString());
        Assert.Equal("kp-opts", body.GetProperty("key_name").GetString());
        // Resolved through Neutron (the session's project's default, not another project's) and sent by id.
        var defaultId = (string)Cloud.Neutron.SecurityGroups.Single(g => (string?)g["name"] == "default" && (string?)g["project_id"] == Cloud.Identity.AdminProjectId)["id"]!;
        Assert.Equal(new[] { defaultId, web }, body.GetProperty("security_groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(Convert.ToBase64String("#cloud-config"u8.ToArray()), body.GetProperty("user_data").GetString());
        Assert.Equal("nova", body.GetProperty("availability_zone").GetString());
        Assert.Equal("web", body.GetProperty("metadata").GetProperty("role").GetString());
        Assert.Equal("2", body.GetProperty("flavorRef").GetString());
        Assert.False(body.TryGetProperty("min_count", out _));
    }

    [Fact]
    public void NewServer_NoNetwork_SendsNone_AndObjectsBindByTheirId()
    {
        var image = SeedImage(Unique("img"));
        var result = Ps.Run("$f = Get-OSFlavor m1.small; $i = Get-OSImage -Id $id; New-OSServer -Name nonet -Image $i -Flavor $f -NoNetwork",
            new() { ["id"] = image.Id });
        result.AssertNoErrors();
        var body = Body(NovaRequests().Single(r => r.Method == "POST")).GetProperty("server");
        Assert.Equal("none", body.GetProperty("networks").GetString());
        Assert.Equal("2", body.GetProperty("flavorRef").GetString());
        Assert.Equal(image.Id, body.GetProperty("imageRef").GetString());
    }

    [Fact]
    public void NewServer_Count_UsesOneRequest_AndReturnsEveryServer()
    {
        var image = SeedImage(Unique("img"));
        var name = Unique("many");
        var result = Ps.Run("New-OSServer -Name $n -Image $i -Flavor 1 -NoNetwork -Count 3 -Wait", new() { ["n"] = name, ["i"] = image.Id });
        result.AssertNoErrors();
        var servers = result.OfType<Server>().ToList();
        Assert.Equal(3, servers.Count);
        Assert.All(servers, s => Assert.Equal("ACTIVE", s.Status));
        var body = Body(NovaRequests().Single(r => r.Method == "POST")).GetProperty("server");
        Assert.Equal(3, body.GetProperty("min_count").GetInt32());
        Assert.Equal(3, body.GetProperty("max_count").GetInt32());
        Assert.True(body.GetProperty("return_reservation_id").GetBoolean());
        Assert.Contains(NovaLines(), l => l.StartsWith("GET /compute/v2.1/servers/detail?reservation_id=r-", StringComparison.Ordinal));
    }

    [Fact]
    public void NewServer_WhatIf_SendsNothing()
    {
        Ps.Run("New-OSServer -Name x -Image y -Flavor z -WhatIf").AssertNoErrors();
        Assert.Empty(RequestLines());
    }

    [Fact]
    public void RemoveServer_ByNameAndPipeline_WaitsUntilGone()
    {
        var a = SeedServer();
        var b = SeedServer();
        Ps.Run("Remove-OSServer $n -Confirm:$false -Wait", new() { ["n"] = a.Name }).AssertNoErrors();
        Ps.Run("Get-OSServer -Id $id | Remove-OSServer -Confirm:$false", new() { ["id"] = b.Id }).AssertNoErrors();
        var deletes = NovaRequests().Where(r => r.Method == "DELETE").ToList();
        Assert.Equal(new[] { $"/compute/v2.1/servers/{a.Id}", $"/compute/v2.1/servers/{b.Id}" }, deletes.Select(r => r.PathAndQuery));
        Assert.All(deletes, r => AssertMicroversion(r));
        Assert.DoesNotContain(Cloud.Nova.Servers, s => s.Id == a.Id || s.Id == b.Id);
    }

    [Fact]
    public void RemoveServer_IsConfirmImpactHigh_SoWhatIfDeletesNothing()
    {
        var a = SeedServer();
        Ps.Run("Remove-OSServer $n -WhatIf", new() { ["n"] = a.Name }).AssertNoErrors();
        Assert.DoesNotContain(NovaRequests(), r => r.Method == "DELETE");
        Assert.Contains(Cloud.Nova.Servers, s => s.Id == a.Id);
    }

    [Fact]
    public void ServerTableView_HasTheCliColumns()
    {
        SeedServer(Unique("view"));
        var text = Ps.RunFormatted("Get-OSServer");
        // The CLI's columns, and the floating address beside the status (where a reachable server's shows first).
        Assert.Matches(@"ID\s+Name\s+Status\s+Floating IP\s+Networks\s+Image\s+Flavor", text);
    }
}

/// <summary>Public keys for tests (no private halves anywhere).</summary>
internal static class TestKeys
{
    public const string Ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc8kUnQ4mBmgEXJ2Z6H1G9yVwF0bQmN3n3o8H0cL3rZ test@osps";
}
