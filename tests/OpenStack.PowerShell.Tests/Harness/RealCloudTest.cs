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

/// <summary>A fact that needs the `openstack` CLI (python3-openstackclient) on PATH, as the peer to compare with.</summary>
public sealed class CliFactAttribute : FactAttribute
{
    public static bool CliInstalled { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "openstack")));

    public CliFactAttribute()
    {
        if (!CliInstalled) Skip = "The openstack CLI is not installed (tests/cloud/start.sh installs it).";
    }
}

/// <summary>
/// Base of integration tests against a cloud given as OS_* variables — by default the real cloud in
/// <see cref="RealCloudEnvironment"/>; conformance tests also pass the fake cloud's, so one scenario holds both to
/// the same behaviour. Gives a runspace connected with the settings the CLI would use, a unique name prefix for what
/// the test creates, and the `openstack` CLI for side-by-side comparisons. Tests clean up what they create.
/// </summary>
public abstract class RealCloudTest : IDisposable
{
    protected RealCloudTest() : this(RealCloudEnvironment.Variables) { }

    protected RealCloudTest(IReadOnlyDictionary<string, string> cloudVariables)
    {
        CloudVariables = cloudVariables;
        Prefix = "osps-it-" + Guid.NewGuid().ToString("n").Substring(0, 8) + "-";
        Ps = new PowerShellSession();
        if (cloudVariables.ContainsKey("OS_AUTH_URL")) ConnectReal().AssertNoErrors();
    }

    /// <summary>The OS_* variables of the cloud under test.</summary>
    protected IReadOnlyDictionary<string, string> CloudVariables { get; }

    protected PowerShellSession Ps { get; }

    /// <summary>Names created by the test start with this, so leftovers are recognisable.</summary>
    protected string Prefix { get; }

    /// <summary>The OS_* variables a user's openrc for the fake cloud would set (what its Program prints).</summary>
    public static IReadOnlyDictionary<string, string> FakeCloudVariables(FakeCloud.FakeCloud cloud) => new Dictionary<string, string>
    {
        ["OS_AUTH_URL"] = cloud.AuthUrl,
        ["OS_USERNAME"] = "admin",
        ["OS_PASSWORD"] = CloudTest.AdminPassword,
        ["OS_PROJECT_NAME"] = "admin",
        ["OS_USER_DOMAIN_NAME"] = "Default",
        ["OS_PROJECT_DOMAIN_NAME"] = "Default",
        ["OS_REGION_NAME"] = "RegionOne",
        ["OS_INTERFACE"] = "public",
        ["OS_IDENTITY_API_VERSION"] = "3",
    };

    protected string? Env(string name) => CloudVariables.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

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

    /// <summary>Runs `openstack ARGS -f json` with the cloud's OS_* (and no others) and parses its output.</summary>
    protected JsonElement Cli(params string[] args) => JsonDocument.Parse(CliText(args.Concat(new[] { "-f", "json" }).ToArray())).RootElement.Clone();

    /// <summary>Runs `openstack ARGS` as given (for commands that print nothing, such as `server add security group`); fails on a non-zero exit.</summary>
    protected string CliText(params string[] args)
    {
        var start = new ProcessStartInfo("openstack") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("OS_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
        foreach (var pair in CloudVariables) start.Environment[pair.Key] = pair.Value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close(); // with a non-tty stdin, `image create` would upload it
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new XunitException($"openstack {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout.Result;
    }

    public void Dispose() => Ps.Dispose();
}

/// <summary>
/// The real-cloud classes run one after another (the fake-cloud ones still run beside them): the local cloud keeps its
/// databases in sqlite, which answers writers from two test classes at once with "database is locked" (a 500 from
/// Neutron or Nova) at random. The soak tests' own parallel load is unaffected.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealCloudCollection
{
    public const string Name = "Real cloud";
}
