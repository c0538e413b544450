using System.Management.Automation;
using System.Text.Json;
using OpenStack.PowerShell.Tests.Harness;
using ProjectModel = OpenStack.Client.Identity.V3.Project;

namespace OpenStack.PowerShell.Tests;

/// <summary>Get-OSCatalog (no request) and Keystone project create/delete against the fake.</summary>
public sealed class ProjectAdminTests : CloudTest
{
    public ProjectAdminTests(FakeCloudFixture fixture) : base(fixture) { }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("n")[..8];

    [Fact]
    public void GetCatalog_ListsEveryEndpoint_WithoutARequest()
    {
        // The entry type lives in the module, which the tests load only through the engine: read it as text.
        const string AsText = " | ForEach-Object { '{0}|{1}|{2}|{3}|{4}' -f $_.Type, $_.Name, $_.Interface, $_.Region, $_.Url }";
        var all = Ps.Run("Get-OSCatalog" + AsText).Output.Select(o => o?.ToString()).ToList();
        Assert.Empty(Cloud.Requests);
        Assert.Contains($"network|neutron|public|RegionOne|{Cloud.BaseUri}network", all);
        Assert.Contains(all, e => e!.StartsWith("image|glance|public|RegionTwo|", StringComparison.Ordinal));
        Assert.Equal(3 + 6 + 3 + 3, all.Count); // identity, network, compute: 3 interfaces each; image: 3 in each of 2 regions

        var images = Ps.Run("Get-OSCatalog image -Interface public -Region RegionTwo" + AsText).Output.Select(o => o?.ToString()).ToList();
        Assert.Equal($"image|glance|public|RegionTwo|{Cloud.ImageEndpointRegionTwo}", Assert.Single(images));
        Ps.Run("Get-OSCatalog no-such-type").SingleError("CatalogServiceNotFound");
        Assert.Matches(@"Type\s+Name\s+Interface\s+Region\s+URL", Ps.RunFormatted("Get-OSCatalog network"));
    }

    [Fact]
    public void NewProject_PostsTheFields_AndRemoveProjectDeletesItByPipeline()
    {
        var name = Unique("proj");
        var project = Ps.Run("New-OSProject $n -Description 'for tests' -Domain Default -Disabled -Tag a, b", new() { ["n"] = name }).Single<ProjectModel>();

        var post = Cloud.Requests.Single(r => r.Method == "POST" && r.PathAndQuery == "/identity/v3/projects");
        Assert.Equal(201, post.Status);
        var body = JsonDocument.Parse(post.Body).RootElement.GetProperty("project");
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal("for tests", body.GetProperty("description").GetString());
        Assert.Equal("default", body.GetProperty("domain_id").GetString());
        Assert.False(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(new[] { "a", "b" }, body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray());
        Assert.Equal(name, project.Name);
        Assert.False(project.Enabled);
        Assert.Equal(new[] { "a", "b" }, project.Tags);

        var duplicate = Ps.Run("New-OSProject $n", new() { ["n"] = name }).SingleError("ProjectConflict");
        Assert.Contains("it is not permitted to have two projects", duplicate.Exception.Message);

        Cloud.ClearRequests();
        Ps.Run("Get-OSProject $n -All | Remove-OSProject -WhatIf", new() { ["n"] = name }).AssertNoErrors();
        Assert.DoesNotContain(RequestLines(), l => l.StartsWith("DELETE", StringComparison.Ordinal));
        Ps.Run("Get-OSProject $n -All | Remove-OSProject -Confirm:$false", new() { ["n"] = name }).AssertNoErrors();
        Assert.Contains($"DELETE /identity/v3/projects/{project.Id}", RequestLines());
        Assert.DoesNotContain(Cloud.Identity.Projects, p => p.Id == project.Id);
        Ps.Run("Remove-OSProject $n -Confirm:$false", new() { ["n"] = name }).SingleError("ProjectNotFound");
    }

    [Fact]
    public void NewProject_UnknownDomain_IsDomainNotFound_WithoutAPost()
    {
        var error = Ps.Run("New-OSProject x -Domain no-such-domain").SingleError("DomainNotFound");
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.DoesNotContain(RequestLines(), l => l.StartsWith("POST", StringComparison.Ordinal));
    }
}
