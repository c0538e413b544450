using OpenStack.Client;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>Process environment variables are shared by every test: these tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>Connect-OpenStack from the OS_* variables and from clouds.yaml, and their errors.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ConnectFromConfigTests : CloudTest
{
    public ConnectFromConfigTests(FakeCloudFixture fixture) : base(fixture) { }

    private IDisposable Env(params (string Name, string? Value)[] variables) => new EnvironmentScope(variables);

    [Fact]
    public void NoArguments_UsesTheOsVariables()
    {
        using var _ = Env(("OS_AUTH_URL", Cloud.AuthUrl), ("OS_USERNAME", "demo"), ("OS_PASSWORD", "demo-Passw0rd"),
            ("OS_PROJECT_NAME", "demo"), ("OS_USER_DOMAIN_NAME", "Default"), ("OS_PROJECT_DOMAIN_NAME", "Default"),
            ("OS_REGION_NAME", "RegionOne"), ("OS_INTERFACE", "public"));
        var result = Ps.Run("Connect-OpenStack -Verbose -Debug; Get-OSImage");
        result.AssertNoErrors();
        var session = result.OfType<OpenStackSession>().Single();
        Assert.Equal("demo", session.UserName);
        Assert.Equal("RegionOne", session.Region);
        Assert.DoesNotContain("demo-Passw0rd", result.AllText());
    }

    [Fact]
    public void Parameters_OverrideTheOsVariables()
    {
        using var _ = Env(("OS_AUTH_URL", Cloud.AuthUrl), ("OS_USERNAME", "demo"), ("OS_PASSWORD", "demo-Passw0rd"), ("OS_PROJECT_NAME", "demo"));
        var session = Ps.Run("Connect-OpenStack -Credential $c -ProjectName admin",
            new() { ["c"] = PowerShellSession.Credential("admin", AdminPassword) }).Single<OpenStackSession>();
        Assert.Equal("admin", session.UserName);
        Assert.Equal("admin", session.ProjectName);
    }

    [Fact]
    public void RegionName_SelectsThatRegionsEndpoint()
    {
        using var _ = Env(("OS_AUTH_URL", Cloud.AuthUrl), ("OS_USERNAME", "admin"), ("OS_PASSWORD", AdminPassword), ("OS_PROJECT_NAME", "admin"),
            ("OS_REGION_NAME", "RegionTwo"));
        Ps.Run("Connect-OpenStack | Out-Null; Get-OSImage").AssertNoErrors();
        Assert.Contains(RequestLines(), l => l.StartsWith("GET /image-r2/v2/images", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownRegion_IsEndpointNotFound_NamingWhatExists()
    {
        using var _ = Env(("OS_AUTH_URL", Cloud.AuthUrl), ("OS_USERNAME", "admin"), ("OS_PASSWORD", AdminPassword), ("OS_PROJECT_NAME", "admin"),
            ("OS_REGION_NAME", "Nowhere"));
        var error = Ps.Run("Connect-OpenStack | Out-Null; Get-OSImage").SingleError("EndpointNotFound");
        Assert.Contains("RegionOne", error.Exception.Message);
    }

    [Fact]
    public void CloudsYaml_InTheCurrentDirectory_WithSecureYaml()
    {
        var dir = TempDir();
        Ps.SetLocation(dir);
        File.WriteAllText(Path.Combine(dir, "clouds.yaml"), $"""
            clouds:
              fake:
                auth:
                  auth_url: {Cloud.AuthUrl}
                  username: demo
                  project_name: demo
                  user_domain_name: Default
                  project_domain_name: Default
                region_name: RegionOne
                interface: public
              other:
                auth:
                  auth_url: http://127.0.0.1:9/v3
            """);
        File.WriteAllText(Path.Combine(dir, "secure.yaml"), "clouds:\n  fake:\n    auth:\n      password: demo-Passw0rd\n");
        Assert.Equal(new[] { "fake", "other" }, Ps.Complete("Connect-OpenStack -Cloud "));
        Assert.Equal(new[] { "other" }, Ps.Complete("Connect-OpenStack -Cloud o"));
        var result = Ps.Run("Connect-OpenStack -Cloud fake");
        Assert.Equal("demo", result.Single<OpenStackSession>().UserName);

        using (Env(("OS_CLOUD", "fake")))
        {
            Assert.Equal("demo", Ps.Run("Connect-OpenStack").Single<OpenStackSession>().UserName);
        }

        Ps.Run("Connect-OpenStack -Cloud nosuch").SingleError("CloudNotFound");
        File.WriteAllText(Path.Combine(dir, "clouds.yaml"), "clouds: [ unclosed");
        Ps.Run("Connect-OpenStack -Cloud fake").SingleError("CloudConfigMalformed");
    }

    [Fact]
    public void MissingCloudsYaml_AndMissingSettings_AreClearErrors()
    {
        var dir = TempDir();
        using var _ = Env(("OS_CLIENT_CONFIG_FILE", Path.Combine(dir, "none.yaml")), ("HOME", dir));
        Ps.SetLocation(dir);
        Ps.Run("Connect-OpenStack -Cloud fake").SingleError("CloudConfigFileNotFound");
        var missing = Ps.Run("Connect-OpenStack").SingleError("ConnectArgumentInvalid");
        Assert.Contains("OS_AUTH_URL", missing.Exception.Message);
        using (Env(("OS_AUTH_URL", Cloud.AuthUrl), ("OS_USERNAME", "admin")))
        {
            Assert.Contains("OS_PASSWORD", Ps.Run("Connect-OpenStack").SingleError("ConnectArgumentInvalid").Exception.Message);
        }
    }

    /// <summary>Sets process environment variables until disposed (FirstUseSessionTests uses it too).</summary>
    internal sealed class EnvironmentScope : IDisposable
    {
        private readonly List<(string, string?)> _previous = new();

        public EnvironmentScope(params (string Name, string? Value)[] variables)
        {
            foreach (var (name, value) in variables)
            {
                _previous.Add((name, Environment.GetEnvironmentVariable(name)));
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _previous) Environment.SetEnvironmentVariable(name, value);
        }
    }
}
