using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Session;

/// <summary>
/// The HTTP trace under -Debug, for what the fake can make happen that a real cloud rarely does on demand:
/// an error body carrying secrets, a retry, a refused token that is renewed. One line each, nothing secret.
/// </summary>
public sealed class HttpTraceTests : CloudTest
{
    public HttpTraceTests(FakeCloudFixture fixture) : base(fixture) { }

    [Fact]
    public void AnErrorBody_IsTraced_WithItsSecretsMasked()
    {
        Cloud.InjectFault(new FaultRule
        {
            Method = "GET", PathContains = "/image/v2/images", Status = 400, ContentType = "application/json",
            Body = "{\"error\": {\"message\": \"bad marker\", \"password\": \"hunter2-pw\", \"auth_token\": \"tok-1234567890\", " +
                   "\"application_credential_secret\": \"appsecret-42\", \"private_key\": \"-----BEGIN RSA PRIVATE KEY-----\\nMIIEsecretbits\\n-----END RSA PRIVATE KEY-----\"}}",
        });
        var result = Ps.Run("Get-OSImage -Debug");
        result.SingleError("ImageRequestInvalid");
        var body = Assert.Single(result.Debug, d => d.StartsWith("HTTP 400 body: ", StringComparison.Ordinal));
        Assert.Contains("bad marker", body);
        Assert.Contains("\"password\": \"***\"", body);
        foreach (var secret in new[] { "hunter2-pw", "tok-1234567890", "appsecret-42", "MIIEsecretbits" }) Assert.DoesNotContain(secret, result.AllText());
        Assert.Contains(result.Debug, d => d.StartsWith("HTTP GET " + Cloud.AuthUrl.Replace("/identity/v3", "/image/v2/images?limit=", StringComparison.Ordinal), StringComparison.Ordinal) && d.Contains(" -> 400 "));
    }

    [Fact]
    public void ARetry_IsTraced_WithItsReason()
    {
        Cloud.InjectFault(new FaultRule { Method = "GET", PathContains = "/image/v2/images", Status = 503, Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } });
        var result = Ps.Run("Get-OSImage -Debug");
        result.AssertNoErrors();
        var lines = result.Debug;
        var refused = lines.FindIndex(d => d.Contains("/image/v2/images?limit=") && d.Contains(" -> 503 "));
        var retry = lines.FindIndex(d => d.StartsWith("HTTP Retrying GET ", StringComparison.Ordinal) && d.Contains("after 503 (attempt 2 of 4)"));
        var answered = lines.FindLastIndex(d => d.Contains("/image/v2/images?limit=") && d.Contains(" -> 200 OK"));
        Assert.True(refused >= 0 && retry > refused && answered > retry, string.Join("\n", lines));
    }

    [Fact]
    public void ATokenRenewal_IsTraced()
    {
        Cloud.Identity.RevokeAllTokens();
        var result = Ps.Run("Get-OSImage -Debug");
        result.AssertNoErrors();
        Assert.Contains(result.Debug, d => d.Contains(" -> 401 "));
        Assert.Contains(result.Debug, d => d.StartsWith("Token renewed for admin (it was refused (401)); the new one expires at ", StringComparison.Ordinal));
        Assert.Contains(result.Debug, d => d.StartsWith("HTTP POST ", StringComparison.Ordinal) && d.Contains("/identity/v3/auth/tokens -> 201 "));
    }

    [Fact]
    public void DebugAlone_NeverPrompts()
    {
        // -Debug without -Verbose makes PowerShell's Verbose preference Inquire: the module's own notices (pages,
        // retries) must then stay silent rather than ask at every page.
        Cloud.InjectFault(new FaultRule { Method = "GET", PathContains = "/image/v2/images", Status = 503, Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } });
        var result = Ps.Run("Get-OSImage -Debug");
        result.AssertNoErrors();
        Assert.Empty(Ps.Host.Ui.Prompts);
        Assert.Contains(result.Debug, d => d.StartsWith("HTTP Retrying GET ", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutDebug_NothingIsTraced_AndVerboseHasNoHttp()
    {
        var result = Ps.Run("Get-OSImage -Verbose");
        Assert.Empty(result.Debug);
        Assert.DoesNotContain(result.Verbose, v => v.StartsWith("HTTP", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, v => v.StartsWith("Page 1: ", StringComparison.Ordinal));
    }
}
