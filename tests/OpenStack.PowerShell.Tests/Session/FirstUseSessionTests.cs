using OpenStack.Client;
using OpenStack.PowerShell.Tests.Harness;
using EnvironmentScope = OpenStack.PowerShell.Tests.ConnectFromConfigTests.EnvironmentScope;

namespace OpenStack.PowerShell.Tests.Session;

/// <summary>
/// Connecting on first use in the hosted engine: runspaces of one process share one first-use session (one
/// token), while a runspace's explicit Connect-OpenStack stays its own, so hosted tests never leak into each other.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class FirstUseSessionTests : CloudTest
{
    public FirstUseSessionTests(FakeCloudFixture fixture) : base(fixture) { }

    private int TokensIssued() => Cloud.Requests.Count(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/identity/v3/auth/tokens", StringComparison.Ordinal) && r.Status == 201);

    private IDisposable DemoEnvironment(string project = "demo") => new EnvironmentScope(
        ("OS_AUTH_URL", Cloud.AuthUrl), ("OS_USERNAME", "demo"), ("OS_PASSWORD", "demo-Passw0rd"), ("OS_PROJECT_NAME", project),
        ("OS_USER_DOMAIN_NAME", "Default"), ("OS_PROJECT_DOMAIN_NAME", "Default"), ("OS_CLOUD", null));

    [Fact]
    public void RunspacesWithoutASession_ShareOneFirstUseSession_OneToken()
    {
        // A project name no other test uses: a session of its own for this process.
        using var _ = DemoEnvironment();
        using var env = new EnvironmentScope(("OS_REGION_NAME", "RegionOne-" + Guid.NewGuid().ToString("n")[..6]), ("OS_INTERFACE", "public"));
        Cloud.ClearRequests();
        using var a = new PowerShellSession();
        using var b = new PowerShellSession();
        var first = a.Run("Get-OSProject -Verbose");
        var second = b.Run("Get-OSProject");
        // The region (unique, so that this test has a session of its own) is not needed by Keystone calls.
        first.AssertNoErrors();
        second.AssertNoErrors();
        Assert.Equal("demo", Assert.IsType<Client.Identity.V3.Project>(first.Output.Single()).Name);
        Assert.Equal("demo", Assert.IsType<Client.Identity.V3.Project>(second.Output.Single()).Name);
        Assert.Contains(first.Verbose, v => v.StartsWith("No session: connecting on first use from the OS_* variables", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Verbose, v => v.Contains("first use"));
        Assert.Equal(1, TokensIssued());
    }

    [Fact]
    public void ARefusedSharedToken_IsRenewedOnce_HoweverManyRunspacesUseIt()
    {
        using var _ = DemoEnvironment();
        using var env = new EnvironmentScope(("OS_REGION_NAME", "T-" + Guid.NewGuid().ToString("n")[..6]));
        var runspaces = Enumerable.Range(0, 4).Select(_ => new PowerShellSession()).ToList();
        try
        {
            runspaces[0].Run("Get-OSProject").AssertNoErrors();
            Cloud.Identity.RevokeAllTokens();
            Cloud.ClearRequests();
            // Keystone takes its time with the new token, so that all four are refused before it comes.
            Cloud.InjectFault(new FakeCloud.FaultRule { Method = "POST", PathContains = "/identity/v3/auth/tokens", DelayMs = 1500, Times = 0 });
            // All four send the revoked token at once, are refused, and ask the one session to renew.
            var results = runspaces.AsParallel().WithDegreeOfParallelism(4).Select(ps => ps.Run("Get-OSProject")).ToList();
            foreach (var result in results) result.AssertNoErrors();
            Assert.Equal(4, Cloud.Requests.Count(r => r.Status == 401));
            Assert.Equal(1, TokensIssued());
        }
        finally
        {
            Cloud.ClearFaults();
            foreach (var ps in runspaces) ps.Dispose();
        }
    }

    [Fact]
    public void AnExplicitConnect_WinsInItsRunspace_AndStaysThere()
    {
        using var _ = DemoEnvironment();
        using var env = new EnvironmentScope(("OS_REGION_NAME", "R-" + Guid.NewGuid().ToString("n")[..6]));
        using var other = new PowerShellSession();
        // Ps connected as admin explicitly (CloudTest); the other runspace, with no choice of its own, connects as demo from OS_*.
        Assert.Equal("admin", Ps.Run("(Get-OSProject).Name").Output.Single());
        Assert.Equal("demo", other.Run("(Get-OSProject).Name").Output.Single());
        Assert.Equal("admin", Ps.Run("(Get-OSProject).Name").Output.Single());
    }

    [Fact]
    public void ChangedOsVariables_MeanAnotherSession()
    {
        using var _ = DemoEnvironment();
        using var ps = new PowerShellSession();
        using (new EnvironmentScope(("OS_REGION_NAME", "A-" + Guid.NewGuid().ToString("n")[..6])))
        {
            Assert.Equal("demo", ps.Run("(Get-OSProject).Name").Output.Single());
        }
        using (new EnvironmentScope(("OS_PROJECT_NAME", "alt_demo"), ("OS_USERNAME", "alt_demo"), ("OS_REGION_NAME", "B-" + Guid.NewGuid().ToString("n")[..6])))
        {
            Assert.Equal("alt_demo", ps.Run("(Get-OSProject).Name").Output.Single());
        }
    }

    [Fact]
    public void AFailedFirstUseLogin_IsAuthenticationFailed_AndIsTriedAgainNextTime()
    {
        using var _ = new EnvironmentScope(("OS_AUTH_URL", Cloud.AuthUrl), ("OS_USERNAME", "demo"), ("OS_PASSWORD", "wrong-" + Guid.NewGuid()),
            ("OS_PROJECT_NAME", "demo"), ("OS_USER_DOMAIN_NAME", "Default"), ("OS_PROJECT_DOMAIN_NAME", "Default"), ("OS_CLOUD", null));
        using var ps = new PowerShellSession();
        Cloud.ClearRequests();
        ps.Run("Get-OSImage").SingleError("AuthenticationFailed");
        ps.Run("Get-OSImage").SingleError("AuthenticationFailed");
        Assert.Equal(2, Cloud.Requests.Count(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/identity/v3/auth/tokens", StringComparison.Ordinal)));
        Assert.DoesNotContain("wrong-", ps.Run("Get-OSImage").AllText());
    }

    [Fact]
    public void Disconnect_WithoutASession_DoesNotConnect()
    {
        using var _ = DemoEnvironment();
        using var env = new EnvironmentScope(("OS_REGION_NAME", "D-" + Guid.NewGuid().ToString("n")[..6]));
        using var ps = new PowerShellSession();
        Cloud.ClearRequests();
        ps.Run("Disconnect-OpenStack -Confirm:$false").SingleError("SessionNotConnected");
        Assert.Empty(Cloud.Requests);
    }

    [Fact]
    public void Completion_ConnectsOnFirstUse_AndTheCmdletReusesThatSession()
    {
        using var _ = DemoEnvironment();
        using var env = new EnvironmentScope(("OS_REGION_NAME", "C-" + Guid.NewGuid().ToString("n")[..6]));
        using var ps = new PowerShellSession();
        Cloud.ClearRequests();
        Assert.Contains("demo", ps.Complete("Get-OSProject de"));
        ps.Run("Get-OSProject").AssertNoErrors();
        Assert.Equal(1, TokensIssued());
    }
}
