using System.Management.Automation;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests;

/// <summary>New-OSImage -AsJob: the upload runs in a background job that Wait-Job, Receive-Job and Stop-Job drive.</summary>
public sealed class ImageJobTests : CloudTest
{
    public ImageJobTests(FakeCloudFixture fixture) : base(fixture) => Cloud.ClearFaults();

    [Fact]
    public void AsJob_ReturnsAJobAtOnce_AndReceiveJobGivesTheActiveImage()
    {
        var name = "job-" + Guid.NewGuid().ToString("n")[..6];
        var result = Ps.Run("$j = New-OSImage -Name $n -File $f -AsJob; $j; $null = Wait-Job $j -Timeout 60; $j.State.ToString(); Receive-Job $j",
            new() { ["n"] = name, ["f"] = TempFile(3 << 20) });
        result.AssertNoErrors();
        Assert.IsAssignableFrom<Job>(result.Output[0]);
        Assert.Equal("Completed", result.Output[1]);
        var image = result.Single<ImageModel>();
        Assert.Equal("active", image.Status);
        Assert.Equal(3 << 20, image.Size);
    }

    [Fact]
    public void AsJob_Failure_IsTheJobsErrorWithItsErrorId_AndLeavesNoImage()
    {
        var name = "jobfail-" + Guid.NewGuid().ToString("n")[..6];
        Cloud.InjectFault(new FaultRule { Method = "PUT", PathContains = "/file", Status = 500, Body = "store failed", Times = 1 });
        var result = Ps.Run("$j = New-OSImage -Name $n -File $f -AsJob; $null = Wait-Job $j -Timeout 60; $j.State.ToString(); Receive-Job $j -ErrorAction SilentlyContinue -ErrorVariable e; $e",
            new() { ["n"] = name, ["f"] = TempFile(1 << 20) });
        Assert.Equal("Failed", result.Output[0]);
        var error = result.OfType<ErrorRecord>().Single();
        Assert.StartsWith("ImageUploadFailed", error.FullyQualifiedErrorId);
        Assert.DoesNotContain(Cloud.Glance.Images, i => i.Name == name);
    }

    [Fact]
    public void StopJob_CancelsTheUpload_AndRemovesTheRecord()
    {
        var name = "jobstop-" + Guid.NewGuid().ToString("n")[..6];
        Cloud.InjectFault(new FaultRule { Method = "PUT", PathContains = "/file", DelayMs = 30_000, Times = 1 });
        var result = Ps.Run("$j = New-OSImage -Name $n -File $f -AsJob; [Threading.Thread]::Sleep(500); Stop-Job $j; $null = Wait-Job $j -Timeout 20; $j.State.ToString()",
            new() { ["n"] = name, ["f"] = TempFile(1 << 20) });
        result.AssertNoErrors();
        Assert.Equal("Stopped", result.Output.Single());
        // The clean-up delete runs as the job stops; give it a moment to land.
        for (var i = 0; i < 50 && Cloud.Glance.Images.Any(im => im.Name == name); i++) Thread.Sleep(100);
        Assert.DoesNotContain(Cloud.Glance.Images, i => i.Name == name);
    }
}
