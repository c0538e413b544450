using System.Security.Cryptography;
using System.Text;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests;

/// <summary>The seeds' image flow: create from a qcow2 file, list, show by name, deactivate, reactivate, download, delete.</summary>
public sealed class ImageLifecycleTests : CloudTest
{
    public ImageLifecycleTests(FakeCloudFixture fixture) : base(fixture) { }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("n")[..8];

    [Fact]
    public void NewImage_UploadsFile_AndReturnsActiveImageWithMatchingChecksums()
    {
        var file = TempFile(300_000);
        var name = Unique("cirros");
        var result = Ps.Run("New-OSImage -Name $name -File $file -Property @{ os_distro = 'cirros' } -Tag t1", new() { ["name"] = name, ["file"] = file });

        var image = result.Single<ImageModel>();
        Assert.Equal("active", image.Status);
        Assert.Equal(300_000, image.Size);
        Assert.Equal("qcow2", image.DiskFormat);           // detected from the header
        Assert.Equal("bare", image.ContainerFormat);       // the default
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant(), image.Checksum);
        Assert.Equal(Convert.ToHexString(SHA512.HashData(bytes)).ToLowerInvariant(), image.HashValue);
        Assert.Equal("cirros", image.Properties["os_distro"]);
        Assert.Contains("t1", image.Tags);

        var create = Cloud.Requests.Single(r => r.Method == "POST" && r.PathAndQuery == "/image/v2/images");
        var body = System.Text.Json.JsonDocument.Parse(create.Body).RootElement;
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal("qcow2", body.GetProperty("disk_format").GetString());
        Assert.Equal("bare", body.GetProperty("container_format").GetString());
        Assert.Equal("cirros", body.GetProperty("os_distro").GetString());
        Assert.Equal("application/json", create.Headers["Content-Type"].Split(';')[0]);
        var upload = Cloud.Requests.Single(r => r.Method == "PUT" && r.PathAndQuery == $"/image/v2/images/{image.Id}/file");
        Assert.Equal(300_000, upload.BodyLength);
        Assert.Equal("application/octet-stream", upload.Headers["Content-Type"]);
        Assert.True(upload.Headers.ContainsKey("X-Auth-Token"));
        Assert.Contains(result.Progress, p => p.Activity.StartsWith("Uploading image", StringComparison.Ordinal));
    }

    [Fact]
    public void ImageLifecycle_ListShowDeactivateReactivateDelete_ThroughThePipeline()
    {
        var file = TempFile(10_000);
        var name = Unique("flow");
        Ps.Run("New-OSImage -Name $name -File $file", new() { ["name"] = name, ["file"] = file }).AssertNoErrors();

        var listed = Ps.Run("Get-OSImage -All").OfType<ImageModel>().ToList();
        Assert.Contains(listed, i => i.Name == name);

        var shown = Ps.Run("Get-OSImage -Name $name", new() { ["name"] = name }).Single<ImageModel>();

        Ps.Run("Get-OSImage -Name $name | Set-OSImage -Deactivate", new() { ["name"] = name }).AssertNoErrors();
        Assert.Contains($"POST /image/v2/images/{shown.Id}/actions/deactivate", RequestLines());
        Assert.Equal("deactivated", Ps.Run("Get-OSImage -Id $id", new() { ["id"] = shown.Id }).Single<ImageModel>().Status);

        var deactivated = Ps.Run("Get-OSImage -Status deactivated").OfType<ImageModel>().ToList();
        Assert.Contains(deactivated, i => i.Id == shown.Id);

        var reactivated = Ps.Run("Set-OSImage $name -Reactivate -PassThru", new() { ["name"] = name }).Single<ImageModel>();
        Assert.Equal("active", reactivated.Status);

        Ps.Run("Get-OSImage -Name $name | Remove-OSImage -Confirm:$false", new() { ["name"] = name }).AssertNoErrors();
        Assert.Contains($"DELETE /image/v2/images/{shown.Id}", RequestLines());
        Ps.Run("Get-OSImage -Id $id", new() { ["id"] = shown.Id }).SingleError("ImageNotFound");
    }

    [Fact]
    public void SetImage_SendsOneJsonPatchWithTheRightMediaType()
    {
        var file = TempFile(1000);
        var name = Unique("patch");
        var image = Ps.Run("New-OSImage -Name $name -File $file -Property @{ old = '1' } -Tag keep, drop", new() { ["name"] = name, ["file"] = file }).Single<ImageModel>();
        Cloud.ClearRequests();

        var updated = Ps.Run("Set-OSImage -Image $id -Name renamed -MinDisk 2 -Property @{ os_distro = 'cirros' } -RemoveProperty old -Tag new -RemoveTag drop -PassThru",
            new() { ["id"] = image.Id }).Single<ImageModel>();

        var patch = Cloud.Requests.Single(r => r.Method == "PATCH");
        Assert.Equal($"/image/v2/images/{image.Id}", patch.PathAndQuery);
        Assert.Equal("application/openstack-images-v2.1-json-patch", patch.Headers["Content-Type"]);
        var ops = System.Text.Json.JsonDocument.Parse(patch.Body).RootElement.EnumerateArray()
            .Select(o => o.GetProperty("op").GetString() + " " + o.GetProperty("path").GetString()).ToList();
        Assert.Equal(new[] { "replace /name", "replace /min_disk", "add /os_distro", "remove /old", "replace /tags" }, ops);
        Assert.Equal("renamed", updated.Name);
        Assert.Equal(2, updated.MinDisk);
        Assert.Equal("cirros", updated.Properties["os_distro"]);
        Assert.False(updated.Properties.ContainsKey("old"));
        Assert.Equal(new[] { "keep", "new" }, updated.Tags.OrderBy(t => t));
    }

    [Fact]
    public void SaveImage_DownloadsAndVerifies_TheSameBytes()
    {
        var file = TempFile(50_000);
        var name = Unique("save");
        Ps.Run("New-OSImage -Name $name -File $file", new() { ["name"] = name, ["file"] = file }).AssertNoErrors();
        var dir = TempDir();
        var saved = Ps.Run("Save-OSImage -Image $name -Path $dir", new() { ["name"] = name, ["dir"] = dir }).Single<FileInfo>();
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(saved.FullName));
        Assert.EndsWith(name + ".qcow2", saved.FullName);
        Assert.Empty(Directory.GetFiles(dir, "*.partial"));
    }

    [Fact]
    public void WhatIf_ChangesNothing()
    {
        var file = TempFile(1000);
        var name = Unique("whatif");
        var result = Ps.Run("New-OSImage -Name $name -File $file -WhatIf", new() { ["name"] = name, ["file"] = file });
        result.AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.DoesNotContain(Cloud.Requests, r => r.Method != "GET" && !r.PathAndQuery.Contains("/auth/"));
        Assert.Contains("What if: Performing the operation \"Create image\"", Ps.Host.Ui.Text);

        Ps.Run("New-OSImage -Name $name -File $file", new() { ["name"] = name, ["file"] = file }).AssertNoErrors();
        Cloud.ClearRequests();
        Ps.Run("Remove-OSImage $name -WhatIf; Set-OSImage $name -Deactivate -WhatIf", new() { ["name"] = name }).AssertNoErrors();
        Assert.All(RequestLines(), line => Assert.StartsWith("GET ", line));
        Assert.Equal("active", Ps.Run("Get-OSImage $name", new() { ["name"] = name }).Single<ImageModel>().Status);
    }

    [Fact]
    public void RemoveImage_AsksFirst_AndAnsweringNoKeepsTheImage()
    {
        var file = TempFile(1000);
        var name = Unique("confirm");
        Ps.Run("New-OSImage -Name $name -File $file", new() { ["name"] = name, ["file"] = file }).AssertNoErrors();
        Ps.Host.Ui.ChoiceAnswer = 2; // No
        Ps.Run("Remove-OSImage $name", new() { ["name"] = name }).AssertNoErrors();
        Assert.Single(Ps.Host.Ui.Prompts);
        Assert.DoesNotContain(Cloud.Requests, r => r.Method == "DELETE");
        Ps.Run("Get-OSImage $name", new() { ["name"] = name }).Single<ImageModel>();
    }
}
