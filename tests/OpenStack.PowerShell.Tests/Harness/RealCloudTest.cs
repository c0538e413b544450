using System.Diagnostics;
using System.Text.Json;
using Xunit.Sdk;

namespace OpenStack.PowerShell.Tests.Harness;

/// <summary>
/// A fact that runs only when the test process started with a real cloud in OS_* (CI starts the local Zed cloud
/// and sources its openrc; a user can point the suite at any cloud). Otherwise the test is reported as skipped.
/// </summary>
public sealed class RealCloudFactAttribute : FactAttribute
{
    public RealCloudFactAttribute()
    {
        if (!RealCloudEnvironment.IsSet) Skip = "No real cloud: OS_AUTH_URL was not set when the tests started.";
    }
}

/// <summary>
/// Base of integration tests against the real cloud in <see cref="RealCloudEnvironment"/>: a runspace connected with
/// the same settings the CLI would use, a unique name prefix for what the test creates, and the `openstack` CLI for
/// side-by-side comparisons. Tests clean up what they create (in finally blocks) so the cloud stays reusable.
/// </summary>
public abstract class RealCloudTest : IDisposable
{
    protected RealCloudTest()
    {
        Prefix = "osps-it-" + Guid.NewGuid().ToString("n").Substring(0, 8) + "-";
        Ps = new PowerShellSession();
        if (RealCloudEnvironment.IsSet) ConnectReal().AssertNoErrors();
    }

    protected PowerShellSession Ps { get; }

    /// <summary>Names created by the test start with this, so leftovers are recognisable.</summary>
    protected string Prefix { get; }

    protected static string? Env(string name) => RealCloudEnvironment.Variables.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    /// <summary>Connect-OpenStack with the process's OS_* values passed as parameters (the harness hides OS_* from the engine).</summary>
    protected RunResult ConnectReal()
    {
        var vars = new Dictionary<string, object?>
        {
            ["authUrl"] = Env("OS_AUTH_URL"),
            ["cred"] = PowerShellSession.Credential(Env("OS_USERNAME") ?? "", Env("OS_PASSWORD") ?? ""),
            ["project"] = Env("OS_PROJECT_NAME"),
            ["userDomain"] = Env("OS_USER_DOMAIN_NAME") ?? "Default",
            ["projectDomain"] = Env("OS_PROJECT_DOMAIN_NAME") ?? "Default",
            ["region"] = Env("OS_REGION_NAME"),
            ["interface"] = Env("OS_INTERFACE") ?? "public",
        };
        var script = "$p = @{ AuthUrl = $authUrl; Credential = $cred; UserDomainName = $userDomain; ProjectName = $project; ProjectDomainName = $projectDomain; Interface = $interface }\n" +
                     "if ($region) { $p.RegionName = $region }\nConnect-OpenStack @p";
        return Ps.Run(script, vars);
    }

    /// <summary>Runs `openstack ARGS -f json` with the real cloud's OS_* and parses its output.</summary>
    protected static JsonElement Cli(params string[] args)
    {
        var start = new ProcessStartInfo("openstack") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("json");
        foreach (var pair in RealCloudEnvironment.Variables) start.Environment[pair.Key] = pair.Value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new XunitException($"openstack {string.Join(' ', args)} failed: {stderr.Result}");
        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }

    public void Dispose() => Ps.Dispose();
}
