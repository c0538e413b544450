using System.Diagnostics;
using System.Management.Automation;
using OpenStack.Client;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Reliability;

/// <summary>
/// The real Keystone and Glance served over HTTPS with a CA made for the test (a TLS front on extra loopback ports;
/// Keystone's catalog is rewritten on the way so that the image endpoint is Glance's HTTPS front): refused by
/// default naming the certificate problem, trusted through -CACertificate, OS_CACERT and clouds.yaml's cacert,
/// and -SkipCertificateCheck works with one warning.
/// </summary>
[Trait("Category", "Integration")]
[Collection(RealCloudCollection.Name)]
public sealed class TlsOnRealCloudTests : RealCloudTest, IAsyncLifetime
{
    private readonly TestCa _ca = new();
    private TlsFront _keystone = null!, _glance = null!;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "osps-tls-" + Guid.NewGuid().ToString("n"));
    private string _pem = null!;

    public async Task InitializeAsync()
    {
        if (!RealCloudEnvironment.IsSet) return;
        Directory.CreateDirectory(_dir);
        _pem = _ca.WriteCaPem(_dir);
        var session = ConnectReal().Single<OpenStackSession>();
        var keystoneRoot = new Uri(new Uri(Env("OS_AUTH_URL")!).GetLeftPart(UriPartial.Authority) + "/");
        var glanceRoot = new Uri(session.GetEndpoint("image").GetLeftPart(UriPartial.Authority) + "/");
        _keystone = await TlsFront.StartAsync(keystoneRoot, _ca.Server);
        _glance = await TlsFront.StartAsync(glanceRoot, _ca.Server);
        _keystone.Rewrites[glanceRoot.ToString().TrimEnd('/')] = _glance.BaseUri.ToString().TrimEnd('/');
        _keystone.Rewrites[keystoneRoot.ToString().TrimEnd('/')] = _keystone.BaseUri.ToString().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_keystone != null) await _keystone.DisposeAsync();
        if (_glance != null) await _glance.DisposeAsync();
        _ca.Dispose();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private string HttpsAuthUrl => new Uri(_keystone.BaseUri, new Uri(Env("OS_AUTH_URL")!).AbsolutePath).ToString();

    private RunResult ConnectTls(string extra) => Ps.Run(
        $"Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName $p -UserDomainName Default -ProjectDomainName Default {extra}",
        new() { ["u"] = HttpsAuthUrl, ["c"] = PowerShellSession.Credential(Env("OS_USERNAME")!, Env("OS_PASSWORD")!), ["p"] = Env("OS_PROJECT_NAME"), ["pem"] = _pem });

    [RealCloudFact]
    public void ByDefault_TheTestCaIsNotTrusted_AndTheErrorNamesTheCertificateProblem()
    {
        var result = ConnectTls("");
        var error = result.SingleError("TlsCertificateUntrusted");
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.Contains("TLS certificate is not trusted", error.Exception.Message);
        // The front sends its certificate without the CA: .NET finds no issuer (PartialChain); with the CA, UntrustedRoot.
        Assert.Matches("errors in the certificate chain: (PartialChain|UntrustedRoot)", error.Exception.Message);
        Assert.Contains("-CACertificatePath", error.Exception.Message);
        Assert.Equal(0, _keystone.Requests); // refused in the handshake: not one byte of the sign-in was sent
        Assert.DoesNotContain(Env("OS_PASSWORD")!, result.AllText());
    }

    [RealCloudFact]
    public void CACertificate_TrustsTheTestCa_ForKeystoneAndGlance()
    {
        var session = ConnectTls("-CACertificate $pem").Single<OpenStackSession>();
        Assert.Equal("https", session.GetEndpoint("image").Scheme);
        var before = _glance.Requests;
        Ps.Run("@(Get-OSImage).Count").AssertNoErrors();
        Assert.True(_glance.Requests > before, "Get-OSImage did not go through Glance's HTTPS front");
    }

    [RealCloudFact]
    public void SkipCertificateCheck_Works_AndWarnsOnce()
    {
        var result = Ps.Run("Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName $p -UserDomainName Default -ProjectDomainName Default -SkipCertificateCheck | Out-Null; @(Get-OSImage).Count | Out-Null; @(Get-OSImage).Count",
            new() { ["u"] = HttpsAuthUrl, ["c"] = PowerShellSession.Credential(Env("OS_USERNAME")!, Env("OS_PASSWORD")!), ["p"] = Env("OS_PROJECT_NAME") });
        result.AssertNoErrors();
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("not checked", warning);
        Assert.True(_glance.Requests >= 2);
    }

    [RealCloudFact]
    public void CloudsYamlCacert_TrustsTheTestCa()
    {
        File.WriteAllText(Path.Combine(_dir, "clouds.yaml"), $"""
            clouds:
              tls:
                auth:
                  auth_url: {HttpsAuthUrl}
                  username: {Env("OS_USERNAME")}
                  password: {Env("OS_PASSWORD")}
                  project_name: {Env("OS_PROJECT_NAME")}
                  user_domain_name: Default
                  project_domain_name: Default
                cacert: {_pem}
            """);
        Ps.SetLocation(_dir);
        Ps.Run("Connect-OpenStack -Cloud tls | Out-Null; @(Get-OSImage).Count").AssertNoErrors();
        Assert.True(_glance.Requests > 0);
    }

    [RealCloudFact]
    public void OsCacert_InTheEnvironment_TrustsTheTestCa_InAProcessOfItsOwn()
    {
        var env = new Dictionary<string, string>(CloudVariables) { ["OS_AUTH_URL"] = HttpsAuthUrl };
        var refused = Osps.Run(env, "Connect-OpenStack | Out-Null");
        Assert.NotEqual(0, refused.Exit);
        Assert.Contains("TLS certificate is not trusted", refused.Stderr);
        env["OS_CACERT"] = _pem;
        var trusted = Osps.Run(env, "Connect-OpenStack | Out-Null; @(Get-OSImage).Count -ge 0");
        Assert.True(trusted.Exit == 0, trusted.Stderr);
        Assert.Contains("True", trusted.Stdout);
    }
}

/// <summary>osps, the module's runbook host, as a process of its own: its environment is the one given, nothing else.</summary>
internal static class Osps
{
    public static string HostDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OpenStack.PowerShell.sln"))) dir = dir.Parent;
        return Path.Combine(dir.FullName, "src", "OpenStack.PowerShell.Host", "bin", configuration, "net10.0", "osps.dll");
    }

    public static (int Exit, string Stdout, string Stderr) Run(IReadOnlyDictionary<string, string> environment, string command)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(HostDll());
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("OS_", StringComparison.Ordinal) || k.EndsWith("_PROXY", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(180_000), "osps did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
