using System.Management.Automation;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>
/// Invoke-OSServerAction CreateImage -Wait waits for the snapshot itself: real Nova answers createImage with a
/// queued image that it uploads later (saving, then active), or that ends killed. The fake makes its snapshot
/// active at once, so these tests put it back to queued while the cmdlet waits for the server, then move it on.
/// </summary>
public sealed class CreateImageWaitTests : ComputeTest
{
    public CreateImageWaitTests(FakeCloudFixture fixture) : base(fixture) { }

    /// <summary>Runs CreateImage -Wait while <paramref name="lifecycle"/> plays the snapshot's states on the fake Glance.</summary>
    private RunResult CreateImageWhile(string extra, params (int AfterMs, string Status)[] lifecycle)
    {
        var server = SeedServer();
        var name = Unique("snap");
        // Holds the server poll that follows createImage, so the snapshot is queued before the cmdlet first looks at it.
        Cloud.InjectFault(new FaultRule { Method = "GET", PathContains = "/compute/v2.1/servers/" + server.Id, DelayMs = 800 });
        var player = Task.Run(async () =>
        {
            FakeImage? snapshot = null;
            for (var i = 0; i < 400 && snapshot == null; i++)
            {
                snapshot = Cloud.Glance.Images.FirstOrDefault(g => g.Name == name);
                if (snapshot == null) await Task.Delay(10);
            }
            if (snapshot == null) return;
            Cloud.Glance.SetStatus(snapshot.Id, "queued");
            foreach (var (afterMs, status) in lifecycle)
            {
                await Task.Delay(afterMs);
                Cloud.Glance.SetStatus(snapshot.Id, status);
            }
        });
        var result = Ps.Run($"Invoke-OSServerAction $n CreateImage -ImageName $i -Wait {extra}", new() { ["n"] = server.Name, ["i"] = name });
        player.Wait(TimeSpan.FromSeconds(30));
        return result;
    }

    [Fact]
    public void Wait_WritesTheSnapshotOnceActive_NotWhileQueued()
    {
        // Queued for 3 s: the cmdlet's first look comes after the 800 ms server poll, late on a loaded CI machine
        // (with 1.2 s it once first saw 'saving').
        var result = CreateImageWhile("", (3000, "saving"), (1200, "active"));
        result.AssertNoErrors();
        var image = result.Single<ImageModel>();
        Assert.Equal("active", image.Status);
        // It looked more than once: queued, saving, then active.
        Assert.True(RequestLines().Count(l => l == $"GET /image/v2/images/{image.Id}") >= 3, string.Join("\n", RequestLines()));
        Assert.Contains(result.Progress, p => p.Activity.StartsWith("Waiting for snapshot " + image.Id, StringComparison.Ordinal) && p.StatusDescription.StartsWith("queued", StringComparison.Ordinal));
    }

    [Fact]
    public void ASnapshotThatEndsKilled_IsImageNotActive_NamingTheState()
    {
        var result = CreateImageWhile("", (1200, "killed"));
        var error = result.SingleError("ImageNotActive");
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("ended 'killed' instead of 'active'", error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void ASnapshotStillQueuedAtTheTimeout_IsImageWaitTimeout()
    {
        var result = CreateImageWhile("-Timeout 3");
        var error = result.SingleError("ImageWaitTimeout");
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("still 'queued'", error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void WithoutWait_TheSnapshotIsWrittenAsNovaLeftIt()
    {
        var server = SeedServer();
        var image = Ps.Run("Invoke-OSServerAction $n CreateImage -ImageName $i", new() { ["n"] = server.Name, ["i"] = Unique("snap") }).Single<ImageModel>();
        Assert.Single(RequestLines(), l => l == $"GET /image/v2/images/{image.Id}");
    }
}
