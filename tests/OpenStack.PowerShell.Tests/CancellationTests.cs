using System.Diagnostics;
using System.Management.Automation;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>
/// Ctrl+C (PowerShell.Stop) while a cmdlet waits on the network: the pipeline stops within a bound instead of
/// waiting for the server, and an upload stopped half-way leaves no image behind.
/// </summary>
public sealed class CancellationTests : CloudTest
{
    public CancellationTests(FakeCloudFixture fixture) : base(fixture) { }

    /// <summary>How long Stop() may take: far less than the server's 30 s delay, generous for a loaded machine.</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    private (System.Management.Automation.PowerShell Ps, IAsyncResult Handle, PSDataCollection<PSObject> Output) Begin(string script, Dictionary<string, object?> variables)
    {
        foreach (var (name, value) in variables) Ps.SetVariable(name, value);
        var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = Ps.Runspace;
        ps.AddScript(script);
        var output = new PSDataCollection<PSObject>();
        return (ps, ps.BeginInvoke<PSObject, PSObject>(null, output), output);
    }

    private static TimeSpan StopAndTime(System.Management.Automation.PowerShell ps, IAsyncResult handle)
    {
        var clock = Stopwatch.StartNew();
        ps.Stop();
        Assert.True(handle.AsyncWaitHandle.WaitOne(StopBound), "the pipeline did not end after Stop()");
        clock.Stop();
        return clock.Elapsed;
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20)) throw new Xunit.Sdk.XunitException("Timed out waiting for " + what);
            Thread.Sleep(20);
        }
    }

    [Fact]
    public void StoppingALongList_WhileTheSecondPageHangs_ReturnsPromptly()
    {
        var prefix = "page-" + Guid.NewGuid().ToString("n")[..6];
        for (var i = 0; i < 30; i++) Cloud.Glance.AddImage($"{prefix}-{i:00}");
        var hang = new FaultRule { Method = "GET", PathContains = "marker=", DelayMs = 30_000, Times = 1 };
        Cloud.InjectFault(hang);
        var (ps, handle, output) = Begin("Get-OSImage -All -PageSize 25", new());
        using (ps)
        {
            // The first page has been written, the second is being waited for.
            WaitFor(() => output.Count >= 25, "the first page");
            WaitFor(() => hang.Hits == 1, "the second page to be asked for");
            var elapsed = StopAndTime(ps, handle);
            Assert.True(elapsed < StopBound, $"Stop took {elapsed}");
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.InRange(output.Count, 25, 29);
        }
    }

    [Fact]
    public void StoppingAnUpload_ReturnsPromptly_AndLeavesNoImage()
    {
        var name = "ctrlc-" + Guid.NewGuid().ToString("n")[..6];
        Cloud.InjectFault(new FaultRule { Method = "PUT", PathContains = "/file", DelayMs = 30_000, Times = 1 });
        var (ps, handle, _) = Begin("New-OSImage -Name $n -File $f", new() { ["n"] = name, ["f"] = TempFile(1 << 20) });
        using (ps)
        {
            WaitFor(() => Cloud.Requests.Any(r => r.Method == "PUT") || Cloud.Glance.Images.Any(i => i.Name == name && i.Status == "queued"), "the upload to start");
            Thread.Sleep(200);
            var elapsed = StopAndTime(ps, handle);
            Assert.True(elapsed < StopBound, $"Stop took {elapsed}");
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        }
        // The record is deleted on the way out, before the pipeline ends.
        Assert.DoesNotContain(Cloud.Glance.Images, i => i.Name == name);
        Assert.Contains(Cloud.Requests, r => r.Method == "DELETE" && r.PathAndQuery.StartsWith("/image/v2/images/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The clean-up is part of stopping: with Glance slow to delete (1.5 s), Stop() returns only once the record is
    /// gone, so what the user does next (list, re-create by the same name) never meets the stopped upload's record.
    /// </summary>
    [Fact]
    public void StoppingAnUpload_EndsOnlyOnceItsRecordIsDeleted()
    {
        var name = "ctrlc-slow-" + Guid.NewGuid().ToString("n")[..6];
        Cloud.InjectFault(new FaultRule { Method = "PUT", PathContains = "/file", DelayMs = 30_000, Times = 1 });
        var slowDelete = new FaultRule { Method = "DELETE", PathContains = "/image/v2/images/", DelayMs = 1500, Times = 1 };
        Cloud.InjectFault(slowDelete);
        var (ps, handle, _) = Begin("New-OSImage -Name $n -File $f", new() { ["n"] = name, ["f"] = TempFile(1 << 20) });
        using (ps)
        {
            WaitFor(() => Cloud.Requests.Any(r => r.Method == "PUT"), "the upload to start");
            Thread.Sleep(300);
            var elapsed = StopAndTime(ps, handle);
            Assert.True(elapsed < StopBound, $"Stop took {elapsed}");
            Assert.Equal(1, slowDelete.Hits);
            Assert.DoesNotContain(Cloud.Glance.Images, i => i.Name == name);
        }
    }

    [Fact]
    public void StoppingDuringARetryWait_ReturnsPromptly()
    {
        Cloud.InjectFault(new FaultRule
        {
            Method = "GET", PathContains = "/image/v2/images", Status = 503, Times = 1,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "25" },
        });
        var (ps, handle, _) = Begin("Get-OSImage", new());
        using (ps)
        {
            WaitFor(() => Cloud.Requests.Any(r => r.Status == 503), "the 503");
            Thread.Sleep(100);
            var elapsed = StopAndTime(ps, handle);
            Assert.True(elapsed < StopBound, $"Stop took {elapsed}");
        }
        Assert.Single(Cloud.Requests, r => r.Method == "GET");
    }
}
