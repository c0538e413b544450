using OpenStack.Client;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>Connect-OpenStack from parameters, methods and scopes; its errors; Disconnect; and secrets kept out of every stream.</summary>
public sealed class ConnectTests : CloudTest
{
    public ConnectTests(FakeCloudFixture fixture) : base(fixture) { }

    [Fact]
    public void Connect_WithCredential_ReturnsTheSessionAndMakesItTheDefault()
    {
        var session = Connect().Single<OpenStackSession>();
        Assert.Equal("admin", session.UserName);
        Assert.Equal("admin", session.ProjectName);
        Assert.Equal("project admin", session.Scope);
        Assert.True(session.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(30));
        Assert.Contains(session.Catalog, s => s.Type == "image");

        var auth = Cloud.Requests.Single(r => r.Method == "POST");
        Assert.Equal("/identity/v3/auth/tokens", auth.PathAndQuery);
        var body = System.Text.Json.JsonDocument.Parse(auth.Body).RootElement.GetProperty("auth");
        Assert.Equal("password", body.GetProperty("identity").GetProperty("methods")[0].GetString());
        var user = body.GetProperty("identity").GetProperty("password").GetProperty("user");
        Assert.Equal("admin", user.GetProperty("name").GetString());
        Assert.Equal("Default", user.GetProperty("domain").GetProperty("name").GetString());
        Assert.Equal("admin", body.GetProperty("scope").GetProperty("project").GetProperty("name").GetString());

        // The default session is used without -Session.
        Ps.Run("Get-OSImage").AssertNoErrors();
        Assert.Contains(Cloud.Requests, r => r.PathAndQuery.StartsWith("/image/v2/images", StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectThenFirstList_TakesTwoRoundTrips()
    {
        var fresh = new PowerShellSession();
        Cloud.ClearRequests();
        fresh.Run("Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName admin; Get-OSImage",
            new() { ["u"] = Cloud.AuthUrl, ["c"] = PowerShellSession.Credential("admin", AdminPassword) }).AssertNoErrors();
        Assert.Equal(new[] { "POST", "GET" }, Cloud.Requests.Select(r => r.Method));
        fresh.Dispose();
    }

    [Fact]
    public void Connect_DomainScoped_AndUnscopedAndByToken()
    {
        var domain = Ps.Run("Connect-OpenStack -AuthUrl $u -Credential $c -DomainName Default",
            new() { ["u"] = Cloud.AuthUrl, ["c"] = PowerShellSession.Credential("admin", AdminPassword) }).Single<OpenStackSession>();
        Assert.Equal("domain Default", domain.Scope);

        var tokenRequest = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, Cloud.AuthUrl + "/auth/tokens");
        tokenRequest.Content = new System.Net.Http.StringContent(
            "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"},\"password\":\"demo-Passw0rd\"}}},\"scope\":{\"project\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"}}}}}",
            System.Text.Encoding.UTF8, "application/json");
        using var http = new System.Net.Http.HttpClient();
        var token = http.Send(tokenRequest).Headers.GetValues("X-Subject-Token").Single();
        var byToken = Ps.Run("Connect-OpenStack -AuthUrl $u -Token $t -ProjectName demo",
            new() { ["u"] = Cloud.AuthUrl, ["t"] = PowerShellSession.Secure(token) }).Single<OpenStackSession>();
        Assert.Equal("demo", byToken.UserName);
        Assert.Equal("demo", byToken.ProjectName);
        Assert.DoesNotContain(token, Ps.Run("$s = Get-Variable -Name * -ValueOnly | Where-Object { $_ -is [OpenStack.Client.OpenStackSession] }; $s | Out-Default").AllText() + Ps.Host.Ui.Text);
    }

    [Fact]
    public void Connect_WithApplicationCredential()
    {
        var session = Ps.Run("Connect-OpenStack -AuthUrl $u -ApplicationCredential $c",
            new() { ["u"] = Cloud.AuthUrl, ["c"] = PowerShellSession.Credential(Cloud.Identity.ApplicationCredentialId, Cloud.Identity.ApplicationCredentialSecret) })
            .Single<OpenStackSession>();
        Assert.Equal("demo", session.UserName);
        var body = System.Text.Json.JsonDocument.Parse(Cloud.Requests.Last(r => r.Method == "POST").Body).RootElement.GetProperty("auth");
        Assert.Equal("application_credential", body.GetProperty("identity").GetProperty("methods")[0].GetString());
        Assert.False(body.TryGetProperty("scope", out _));
    }

    [Fact]
    public void WrongPassword_IsAnAuthenticationError_WithKeystonesMessage_AndNoSecret()
    {
        var result = Ps.Run("Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName admin -Verbose -Debug",
            new() { ["u"] = Cloud.AuthUrl, ["c"] = PowerShellSession.Credential("admin", "not-the-Passw0rd") });
        var error = result.SingleError("AuthenticationFailed");
        Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("401", error.Exception.Message);
        Assert.Contains("requires authentication", error.Exception.Message);
        Assert.Contains("request id req-", error.Exception.Message);
        Assert.DoesNotContain("not-the-Passw0rd", result.AllText());
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Fact]
    public void UnreachableAuthUrl_IsAConnectionError()
    {
        var result = Ps.Run("Connect-OpenStack -AuthUrl http://127.0.0.1:9/v3 -Credential $c -ProjectName admin",
            new() { ["c"] = PowerShellSession.Credential("admin", AdminPassword) });
        var error = result.SingleError("ServiceUnreachable");
        Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("127.0.0.1:9", error.Exception.Message);
    }

    [Fact]
    public void NotKeystone_IsReportedAsSuch()
    {
        // The image endpoint answers, but it is not Keystone.
        var result = Ps.Run("Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName admin",
            new() { ["u"] = Cloud.ImageEndpoint, ["c"] = PowerShellSession.Credential("admin", AdminPassword) });
        Assert.Single(result.Errors);
        Assert.Contains("/v3/auth/tokens", result.Errors[0].Exception.Message);
    }

    [Fact]
    public void CmdletsWithoutASession_SayToConnectFirst()
    {
        using var fresh = new PowerShellSession();
        var error = fresh.Run("Get-OSImage").SingleError("SessionNotConnected");
        Assert.Contains("Connect-OpenStack", error.Exception.Message);
    }

    [Fact]
    public void ExplicitSession_OverridesTheDefault()
    {
        var result = Ps.Run(@"
            $demo = Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName demo
            Connect-OpenStack -AuthUrl $u -Credential $a -ProjectName admin | Out-Null
            (Get-OSProject -Session $demo).Name",
            new() { ["u"] = Cloud.AuthUrl, ["c"] = PowerShellSession.Credential("demo", "demo-Passw0rd"), ["a"] = PowerShellSession.Credential("admin", AdminPassword) });
        result.AssertNoErrors();
        Assert.Equal(new object?[] { "demo" }, result.Output);
    }

    [Fact]
    public void Disconnect_RevokesTheToken_AndForgetsTheSession()
    {
        var result = Ps.Run("Disconnect-OpenStack; Get-OSImage");
        Assert.Contains(Cloud.Requests, r => r.Method == "DELETE" && r.PathAndQuery == "/identity/v3/auth/tokens");
        result.SingleError("SessionNotConnected");
    }

    [Fact]
    public void ExpiredToken_IsRenewedOnce_AndTheCallSucceeds()
    {
        Cloud.Identity.ExpireAllTokens();
        Cloud.ClearRequests();
        Ps.Run("Get-OSImage").AssertNoErrors();
        Assert.Equal(new[] { "GET", "POST", "GET" }, Cloud.Requests.Select(r => r.Method));
    }

    [Fact]
    public void GetProject_ListsTheUsersProjects_AndAllForAdmins()
    {
        var mine = Ps.Run("Get-OSProject").OfType<OpenStack.Client.Identity.V3.Project>().Select(p => p.Name).ToList();
        Assert.Contains("admin", mine);
        Assert.Contains("GET /identity/v3/auth/projects", RequestLines());
        var all = Ps.Run("Get-OSProject -All").OfType<OpenStack.Client.Identity.V3.Project>().Select(p => p.Name).ToList();
        Assert.Contains("demo", all);
        Assert.Contains("service", all);
        Assert.Equal(new[] { "demo" }, Ps.Run("Get-OSProject -All -Name de*").OfType<OpenStack.Client.Identity.V3.Project>().Select(p => p.Name));
        Ps.Run("Get-OSProject -Name nosuch").SingleError("ProjectNotFound");
    }
}
