using System.Diagnostics;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>
/// osps, the runbook host, as a CI job runs it: a separate process given OS_* for the fake cloud, formatted tables on
/// stdout, errors on stderr, and an exit code a pipeline can test.
/// </summary>
public sealed class RunbookHostTests : IClassFixture<FakeCloudFixture>
{
    private readonly FakeCloud.FakeCloud _cloud;

    public RunbookHostTests(FakeCloudFixture fixture) => _cloud = fixture.Cloud;

    /// <summary>The host built beside this test assembly's configuration (Debug or Release).</summary>
    private static string HostDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<Configuration>/net10.0/
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OpenStack.PowerShell.sln"))) dir = dir.Parent;
        return Path.Combine(dir.FullName, "src", "OpenStack.PowerShell.Host", "bin", configuration, "net10.0", "osps.dll");
    }

    private (int Exit, string Stdout, string Stderr) Osps(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(HostDll());
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("OS_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
        start.Environment["OS_AUTH_URL"] = _cloud.AuthUrl;
        start.Environment["OS_USERNAME"] = "admin";
        start.Environment["OS_PASSWORD"] = CloudTest.AdminPassword;
        start.Environment["OS_PROJECT_NAME"] = "admin";
        start.Environment["OS_USER_DOMAIN_NAME"] = "Default";
        start.Environment["OS_PROJECT_DOMAIN_NAME"] = "Default";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "osps did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Command_ConnectsFromOsVariables_AndPrintsTheTableView()
    {
        var image = _cloud.Glance.AddImage("host-" + Guid.NewGuid().ToString("n")[..6]);
        var (exit, stdout, stderr) = Osps("-c", $"Connect-OpenStack | Out-Null; Get-OSImage -Name {image.Name}");
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        Assert.Matches(@"^ID\s+Name\s+Status$", lines[0]);
        Assert.Matches($@"^{image.Id}\s+{image.Name}\s+active$", lines[2]);
        Assert.DoesNotContain("\u001b[", stdout); // no ANSI codes in redirected output
    }

    [Fact]
    public void Errors_GoToStderr_WithTheirErrorId_AndTheExitCodeIsOne()
    {
        var (exit, stdout, stderr) = Osps("-c", "Connect-OpenStack | Out-Null; Get-OSImage -Name no-such-image; 'went on'");
        Assert.Equal(1, exit);
        Assert.Contains("went on", stdout);
        Assert.Contains("No image with a name or ID of 'no-such-image' exists", stderr);
        Assert.DoesNotContain("   at ", stderr); // no .NET stack trace
    }

    [Theory]
    [InlineData("$x = NoSuchCommand; 'after'", 1)]
    [InlineData("'done'; exit 3", 3)]
    [InlineData("'fine'", 0)]
    public void ExitCode_FollowsTheScript(string script, int expected) => Assert.Equal(expected, Osps("-c", script).Exit);

    [Fact]
    public void Quickstart_RunsAgainstTheCloudInOsVariables_AndCleansUp()
    {
        var (exit, stdout, stderr) = Osps();
        Assert.True(exit == 0, stderr + stdout);
        Assert.Contains("deactivated", stdout);
        Assert.Contains("== Clean up", stdout);
        Assert.DoesNotContain(_cloud.Glance.Images, i => i.Name.StartsWith("quickstart-", StringComparison.Ordinal));
    }
}
