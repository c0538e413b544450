using System.Management.Automation;
using OpenStack.Client;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>
/// The bad-input matrix (docs/reliability.md): each wrong input gets one specific ErrorId and category, a message
/// without a .NET stack trace, and the cloud sees no change request (only authentication may be attempted).
/// Cases already covered by ImageErrorTests, ConnectTests and ConnectFromConfigTests are not repeated here.
/// </summary>
public sealed class BadInputMatrixTests : CloudTest
{
    public BadInputMatrixTests(FakeCloudFixture fixture) : base(fixture) { }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("n")[..8];

    /// <summary>The common assertions of every case; returns the error for case-specific ones.</summary>
    private ErrorRecord AssertRefused(RunResult result, string errorId, ErrorCategory category)
    {
        var error = result.SingleError(errorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.DoesNotContain("   at ", error.Exception.Message);
        Assert.DoesNotContain(Cloud.Requests, r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE" && !r.PathAndQuery.Contains("/auth/tokens", StringComparison.Ordinal));
        return error;
    }

    private RunResult ConnectWith(string parameters, string user = "admin", string password = AdminPassword, object? authUrl = null) =>
        Ps.Run($"Connect-OpenStack -AuthUrl $u -Credential $c {parameters}",
            new() { ["u"] = authUrl ?? Cloud.AuthUrl, ["c"] = PowerShellSession.Credential(user, password) });

    // ------------------------------------------------------------------ identity

    [Theory]
    [InlineData("nosuchuser", AdminPassword, "-ProjectName admin", "unknown user")]
    [InlineData("admin", AdminPassword, "-ProjectName nosuchproject", "unknown project")]
    [InlineData("admin", AdminPassword, "-ProjectName admin -UserDomainName NoSuchDomain", "unknown user domain")]
    [InlineData("admin", AdminPassword, "-ProjectName admin -ProjectDomainName NoSuchDomain", "unknown project domain")]
    [InlineData("admin", AdminPassword, "-DomainName NoSuchDomain", "unknown scope domain")]
    [InlineData("demo", AdminPassword, "-ProjectName demo", "another user's password")]
    public void BadIdentity_IsAuthenticationFailed(string user, string password, string parameters, string why)
    {
        var result = ConnectWith(parameters, user, password);
        var error = AssertRefused(result, "AuthenticationFailed", ErrorCategory.AuthenticationError);
        Assert.Contains("401", error.Exception.Message);
        Assert.False(string.IsNullOrEmpty(why));
        Assert.DoesNotContain(password, result.AllText());
    }

    [Fact]
    public void WrongApplicationCredentialSecret_IsAuthenticationFailed()
    {
        var result = Ps.Run("Connect-OpenStack -AuthUrl $u -ApplicationCredential $c",
            new() { ["u"] = Cloud.AuthUrl, ["c"] = PowerShellSession.Credential(Cloud.Identity.ApplicationCredentialId, "not-the-secret") });
        AssertRefused(result, "AuthenticationFailed", ErrorCategory.AuthenticationError);
        Assert.DoesNotContain("not-the-secret", result.AllText());
    }

    [Fact]
    public void UnknownToken_IsRefused_WithKeystonesAnswer()
    {
        var result = Ps.Run("Connect-OpenStack -AuthUrl $u -Token $t -ProjectName admin",
            new() { ["u"] = Cloud.AuthUrl, ["t"] = PowerShellSession.Secure("gAAAAABnotarealtoken") });
        var error = Assert.Single(result.Errors);
        // Keystone answers 404 (token not found) or 401 depending on the release: either way its own JSON, not "not Keystone".
        Assert.Contains(error.FullyQualifiedErrorId.Split(',')[0], new[] { "AuthenticationFailed", "ConnectNotFound" });
        Assert.DoesNotContain("gAAAAABnotarealtoken", result.AllText());
        AssertRefused(result, error.FullyQualifiedErrorId.Split(',')[0], error.CategoryInfo.Category);
    }

    [Fact]
    public void AuthUrlOfAnotherService_IsAuthUrlNotKeystone()
    {
        var error = AssertRefused(ConnectWith("-ProjectName admin", authUrl: Cloud.ImageEndpoint), "AuthUrlNotKeystone", ErrorCategory.InvalidArgument);
        Assert.Contains("Keystone v3", error.Exception.Message);
        Assert.Contains("/v3/auth/tokens answered 3", error.Exception.Message); // Glance answers its version list (300)
    }

    [Fact]
    public void AuthUrlAnsweringAnHtmlPage_IsAuthUrlNotKeystone()
    {
        using var server = StartSync(() => TestServer.StartHtmlAsync());
        var error = AssertRefused(ConnectWith("-ProjectName admin", authUrl: server.Value.BaseUri + "v3"), "AuthUrlNotKeystone", ErrorCategory.InvalidArgument);
        Assert.Contains("HTML", error.Exception.Message);
        Assert.DoesNotContain("<html", error.Exception.Message);
    }

    [Fact]
    public void ProxyErrorPage_IsAServiceError_WithTheTextOfThePage()
    {
        using var server = StartSync(() => TestServer.StartHtmlAsync(502));
        var error = AssertRefused(ConnectWith("-ProjectName admin", authUrl: server.Value.BaseUri + "v3"), "ConnectServiceError", ErrorCategory.ResourceUnavailable);
        Assert.Contains("502", error.Exception.Message);
        Assert.Contains("Proxy page.", error.Exception.Message);
        Assert.DoesNotContain("<h1>", error.Exception.Message);
    }

    [Fact]
    public void UnresolvableHost_IsServiceUnreachable()
    {
        var error = AssertRefused(ConnectWith("-ProjectName admin", authUrl: "http://osps-no-such-host.invalid/v3"), "ServiceUnreachable", ErrorCategory.ConnectionError);
        Assert.Contains("osps-no-such-host.invalid", error.Exception.Message);
    }

    // ------------------------------------------------------------------ TLS

    [Fact]
    public void UntrustedCertificate_IsTlsCertificateUntrusted_UnlessTrustedOrSkipped()
    {
        using var proxy = StartSync(() => TestServer.StartTlsProxyAsync(Cloud.BaseUri));
        var authUrl = proxy.Value.BaseUri + "identity/v3";
        var error = AssertRefused(ConnectWith("-ProjectName admin", authUrl: authUrl), "TlsCertificateUntrusted", ErrorCategory.SecurityError);
        Assert.Contains("-CACertificatePath", error.Exception.Message);
        Assert.Contains("127.0.0.1", error.Exception.Message);

        Assert.Equal("admin", ConnectWith("-ProjectName admin -SkipCertificateCheck", authUrl: authUrl).Single<OpenStackSession>().UserName);
        var pem = proxy.Value.WriteCertificatePem(TempDir());
        Ps.SetVariable("pem", pem);
        Assert.Equal("admin", ConnectWith("-ProjectName admin -CACertificatePath $pem", authUrl: authUrl).Single<OpenStackSession>().UserName);
    }

    [Fact]
    public void MissingCACertificateFile_IsConnectArgumentInvalid()
    {
        Ps.SetVariable("pem", Path.Combine(TempDir(), "nope.pem"));
        var error = AssertRefused(ConnectWith("-ProjectName admin -CACertificatePath $pem"), "ConnectArgumentInvalid", ErrorCategory.InvalidArgument);
        Assert.Contains("nope.pem", error.Exception.Message);
        Assert.Empty(Cloud.Requests);
    }

    // ------------------------------------------------------------------ parameters refused by the engine

    [Theory]
    [InlineData("Connect-OpenStack -AuthUrl http://x/v3 -Credential $c -Token $t", "AmbiguousParameterSet", ErrorCategory.InvalidArgument)]
    [InlineData("Connect-OpenStack -AuthUrl http://x/v3 -Credential $c -ApplicationCredential $c", "AmbiguousParameterSet", ErrorCategory.InvalidArgument)]
    [InlineData("Connect-OpenStack -AuthUrl http://x/v3 -Credential $c -MaxRetries -1", "ParameterArgumentValidationError", ErrorCategory.InvalidData)]
    [InlineData("Connect-OpenStack -AuthUrl http://x/v3 -Credential $c -RetryMaxDelaySeconds -5", "ParameterArgumentValidationError", ErrorCategory.InvalidData)]
    [InlineData("Connect-OpenStack -AuthUrl http://x/v3 -Credential $c -Interface sideways", "ParameterArgumentValidationError", ErrorCategory.InvalidData)]
    [InlineData("Set-OSImage someimage -MinDisk -1", "ParameterArgumentValidationError", ErrorCategory.InvalidData)]
    [InlineData("New-OSImage -Name x -File $f -MinRam -1", "ParameterArgumentValidationError", ErrorCategory.InvalidData)]
    [InlineData("New-OSImage -Name x -File $f -Visibility everyone", "ParameterArgumentValidationError", ErrorCategory.InvalidData)]
    [InlineData("New-OSImage -Name '' -File $f", "ParameterArgumentValidationError", ErrorCategory.InvalidData)]
    [InlineData("Get-OSImage -Session $null", "ParameterArgumentValidationError", ErrorCategory.InvalidData)]
    [InlineData("Get-OSImage -Name x -Id y", "AmbiguousParameterSet", ErrorCategory.InvalidArgument)]
    public void ParametersTheEngineRefuses_SendNothing(string script, string errorId, ErrorCategory category)
    {
        var result = Ps.Run(script, new()
        {
            ["c"] = PowerShellSession.Credential("admin", AdminPassword), ["t"] = PowerShellSession.Secure("tok"), ["f"] = TempFile(100),
        });
        AssertRefused(result, errorId, category);
        Assert.Empty(Cloud.Requests);
    }

    // ------------------------------------------------------------------ images

    [Fact]
    public void UnreadableFile_IsImageFileUnreadable()
    {
        var path = TempFile(100);
        // Permissions do not stop root (the test may run as root); an exclusive lock held by another opener does,
        // since .NET takes a whole-file lock for FileShare.None on Unix and a share-mode check on Windows.
        using var locked = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var error = AssertRefused(Ps.Run("New-OSImage -Name x -File $f", new() { ["f"] = path }), "ImageFileUnreadable", ErrorCategory.PermissionDenied);
        Assert.Contains(path, error.Exception.Message);
        Assert.Empty(Cloud.Requests);
    }

    [Theory]
    [InlineData("Remove-OSImage $n -Confirm:$false")]
    [InlineData("Set-OSImage $n -MinDisk 5")]
    [InlineData("Set-OSImage $n -Deactivate")]
    [InlineData("Save-OSImage $n -Path $d")]
    public void AmbiguousName_IsImageNameAmbiguous_ListingTheIds_AndChangesNothing(string script)
    {
        var name = Unique("twin");
        var first = Cloud.Glance.AddImage(name);
        var second = Cloud.Glance.AddImage(name);
        var dir = TempDir();
        var error = AssertRefused(Ps.Run(script, new() { ["n"] = name, ["d"] = dir }), "ImageNameAmbiguous", ErrorCategory.InvalidArgument);
        Assert.Contains(first.Id, error.Exception.Message);
        Assert.Contains(second.Id, error.Exception.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Theory]
    [InlineData("Get-OSImage -Id $i")]
    [InlineData("Remove-OSImage $i -Confirm:$false")]
    [InlineData("Set-OSImage $i -Name renamed")]
    public void MalformedId_IsImageNotFound_AndStaysInsideTheImageApi(string script)
    {
        foreach (var id in new[] { "not-a-uuid", "../../identity/v3/users", "%zz?x=1#frag", "0000" })
        {
            Cloud.ClearRequests();
            var error = AssertRefused(Ps.Run(script, new() { ["i"] = id }), "ImageNotFound", ErrorCategory.ObjectNotFound);
            Assert.Contains(id, error.Exception.Message + error.TargetObject);
            // The id is escaped into one path segment: no request leaves /image/v2/images.
            Assert.All(Cloud.Requests, r => Assert.StartsWith("/image/v2/images", r.PathAndQuery, StringComparison.Ordinal));
            Assert.DoesNotContain(Cloud.Requests, r => r.PathAndQuery.Contains("/identity/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void UnknownImage_WithNoSuchName_ForSave_LeavesNoFile()
    {
        var dir = TempDir();
        AssertRefused(Ps.Run("Save-OSImage nosuch-image -Path $d", new() { ["d"] = dir }), "ImageNotFound", ErrorCategory.ObjectNotFound);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    // ------------------------------------------------------------------ clouds.yaml

    [Fact]
    public void CloudWithoutAuthUrl_IsConnectArgumentInvalid()
    {
        var dir = TempDir();
        Ps.SetLocation(dir);
        File.WriteAllText(Path.Combine(dir, "clouds.yaml"), "clouds:\n  partial:\n    auth:\n      username: demo\n      password: demo-Passw0rd\n");
        var error = AssertRefused(Ps.Run("Connect-OpenStack -Cloud partial"), "ConnectArgumentInvalid", ErrorCategory.InvalidArgument);
        Assert.Contains("auth URL", error.Exception.Message);
        Assert.DoesNotContain("demo-Passw0rd", error.ToString());
        Assert.Empty(Cloud.Requests);
    }

    [Fact]
    public void CloudsYamlThatIsNotAMapping_IsCloudConfigMalformed()
    {
        var dir = TempDir();
        Ps.SetLocation(dir);
        File.WriteAllText(Path.Combine(dir, "clouds.yaml"), "- just\n- a list\n");
        AssertRefused(Ps.Run("Connect-OpenStack -Cloud fake"), "CloudConfigMalformed", ErrorCategory.ParserError);
        Assert.Empty(Cloud.Requests);
    }

    /// <summary>Starts a server synchronously and disposes it with the test (xunit's Fact bodies here are sync).</summary>
    private static Disposer<TestServer> StartSync(Func<Task<TestServer>> start) => new(start().GetAwaiter().GetResult());

    private sealed class Disposer<T>(T value) : IDisposable where T : IAsyncDisposable
    {
        public T Value { get; } = value;
        public void Dispose() => Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
