using System.Management.Automation;
using OpenStack.Client;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Reliability;

/// <summary>
/// Proxies: -Proxy/-ProxyCredential for one session, and HTTP_PROXY/NO_PROXY honoured in a process of its own
/// (.NET reads them once per process). Secrets: none in $Error, Get-History, the Verbose/Debug streams, nor on disk.
/// </summary>
public sealed class ProxyAndSecretsTests : CloudTest
{
    private const string ProxyPassword = "pr0xy-Secr3t-pw";

    public ProxyAndSecretsTests(FakeCloudFixture fixture) : base(fixture) { }

    private RunResult ConnectVia(string extra, Dictionary<string, object?>? more = null)
    {
        var vars = new Dictionary<string, object?> { ["u"] = Cloud.AuthUrl, ["c"] = PowerShellSession.Credential("admin", AdminPassword) };
        foreach (var (k, v) in more ?? new()) vars[k] = v;
        return Ps.Run($"Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName admin {extra}", vars);
    }

    [Fact]
    public void Proxy_WithProxyCredential_CarriesEveryRequest_AndNeverShowsTheCredential()
    {
        using var proxy = new LoopbackProxy("proxy-user", ProxyPassword);
        var result = Ps.Run("$s = Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName admin -Proxy $p -ProxyCredential $pc -Verbose -Debug; $s; @(Get-OSImage -Verbose -Debug).Count",
            new() { ["u"] = Cloud.AuthUrl, ["c"] = PowerShellSession.Credential("admin", AdminPassword), ["p"] = proxy.Uri, ["pc"] = PowerShellSession.Credential("proxy-user", ProxyPassword) });
        result.AssertNoErrors();
        var session = result.OfType<OpenStackSession>().Single();
        Assert.Equal(proxy.Uri, session.Proxy);
        Assert.Contains(proxy.Targets, t => t.StartsWith("POST " + Cloud.AuthUrl + "/auth/tokens", StringComparison.Ordinal));
        Assert.Contains(proxy.Targets, t => t.StartsWith("GET " + Cloud.ImageEndpoint, StringComparison.Ordinal));
        Assert.Equal(proxy.Forwarded, Cloud.Requests.Count);
        Assert.DoesNotContain(ProxyPassword, result.AllText());
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("proxy-user:" + ProxyPassword)), result.AllText());
        Assert.DoesNotContain(ProxyPassword, ErrorAndHistoryText());
    }

    [Fact]
    public void Proxy_WithTheCredentialInItsUrl_UsesIt_AndShowsTheUrlWithout()
    {
        using var proxy = new LoopbackProxy("u1", ProxyPassword);
        var url = new Uri($"http://u1:{ProxyPassword}@127.0.0.1:{proxy.Uri.Port}/");
        var result = ConnectVia("-Proxy $p -Verbose", new() { ["p"] = url });
        var session = result.Single<OpenStackSession>();
        Assert.Equal(proxy.Uri, session.Proxy);
        Assert.True(proxy.Forwarded > 0);
        Assert.DoesNotContain(ProxyPassword, result.AllText());
        Assert.DoesNotContain(ProxyPassword, session.ToString());
    }

    [Fact]
    public void Proxy_RefusingTheCredential_IsAClearError_WithoutTheCredential()
    {
        using var proxy = new LoopbackProxy("proxy-user", ProxyPassword);
        var result = ConnectVia("-Proxy $p -ProxyCredential $pc", new() { ["p"] = proxy.Uri, ["pc"] = PowerShellSession.Credential("proxy-user", "wrong-" + ProxyPassword) });
        var error = Assert.Single(result.Errors);
        Assert.Contains("407", error.Exception.Message);
        Assert.True(proxy.Refused > 0);
        Assert.Equal(0, proxy.Forwarded);
        Assert.DoesNotContain(ProxyPassword, result.AllText());
    }

    [Fact]
    public void ProxyOfAnotherScheme_IsConnectArgumentInvalid_BeforeAnyRequest()
    {
        var error = ConnectVia("-Proxy $p", new() { ["p"] = new Uri("socks5://127.0.0.1:1080") }).SingleError("ConnectArgumentInvalid");
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(Cloud.Requests);
    }

    [Fact]
    public void HttpProxyVariable_IsHonoured_AndNoProxyBypassesIt()
    {
        using var proxy = new LoopbackProxy();
        var env = new Dictionary<string, string>(RealCloudTest.FakeCloudVariables(Cloud)) { ["HTTP_PROXY"] = proxy.Uri.ToString() };
        var through = Osps.Run(env, "Connect-OpenStack | Out-Null; @(Get-OSImage).Count -ge 0");
        Assert.True(through.Exit == 0, through.Stderr);
        Assert.Contains(proxy.Targets, t => t.StartsWith("POST " + Cloud.AuthUrl + "/auth/tokens", StringComparison.Ordinal));
        Assert.Contains(proxy.Targets, t => t.StartsWith("GET " + Cloud.ImageEndpoint, StringComparison.Ordinal));

        var forwarded = proxy.Forwarded;
        env["NO_PROXY"] = "127.0.0.1";
        var bypassed = Osps.Run(env, "Connect-OpenStack | Out-Null; @(Get-OSImage).Count -ge 0");
        Assert.True(bypassed.Exit == 0, bypassed.Stderr);
        Assert.Equal(forwarded, proxy.Forwarded);

        // -Proxy wins over the environment for its session (a runbook that must not touch the process's variables).
        using var other = new LoopbackProxy();
        var chosen = Osps.Run(env, $"Connect-OpenStack -Proxy {other.Uri} | Out-Null; @(Get-OSImage).Count -ge 0");
        Assert.True(chosen.Exit == 0, chosen.Stderr);
        Assert.True(other.Forwarded >= 2);
        Assert.Equal(forwarded, proxy.Forwarded);
    }

    [Fact]
    public void NoSecretOnDisk_NoTokenCache_AfterASessionsWork()
    {
        var home = TempDir();
        var env = new Dictionary<string, string>(RealCloudTest.FakeCloudVariables(Cloud))
        {
            ["HOME"] = home, ["TMPDIR"] = home, ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache"), ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share"),
        };
        var file = TempFile(2048);
        var run = Osps.Run(env, $"Connect-OpenStack -Verbose | Out-Null; $i = New-OSImage -Name disk-secret -File '{file}'; Get-OSImage -Id $i.Id | Out-Null; Remove-OSImage $i.Id -Confirm:$false; Disconnect-OpenStack; Connect-OpenStack -Credential (New-Object PSCredential admin, (ConvertTo-SecureString 'wrong-pw' -AsPlainText -Force)) 2>$null; 'done'");
        Assert.True(run.Exit is 0 or 1, run.Stderr);
        Assert.Contains("done", run.Stdout);
        var tokens = Cloud.Requests.Where(r => r.Headers.ContainsKey("X-Auth-Token")).Select(r => r.Headers["X-Auth-Token"]).Distinct().ToList();
        Assert.NotEmpty(tokens);
        foreach (var path in Directory.EnumerateFiles(home, "*", SearchOption.AllDirectories))
        {
            if (path == file) continue;
            var text = File.ReadAllText(path);
            Assert.DoesNotContain(AdminPassword, text);
            foreach (var token in tokens) Assert.False(text.Contains(token, StringComparison.Ordinal), $"{path} holds a token");
        }
    }

    [Fact]
    public void NoPassword_InErrorOrHistory_AfterAFailedAndAGoodSignIn_WithVerboseAndDebug()
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = Ps.Runspace;
        Ps.SetVariable("u", Cloud.AuthUrl);
        Ps.SetVariable("bad", PowerShellSession.Credential("admin", "wrong-" + AdminPassword));
        Ps.SetVariable("good", PowerShellSession.Credential("admin", AdminPassword));
        foreach (var line in new[]
                 {
                     "Connect-OpenStack -AuthUrl $u -Credential $bad -ProjectName admin -Verbose -Debug",
                     "Connect-OpenStack -AuthUrl $u -Credential $good -ProjectName admin -Verbose -Debug | Out-Null",
                     "Get-OSImage -Id no-such-image -Verbose -Debug",
                 })
        {
            ps.Commands.Clear();
            ps.AddScript(line);
            try { ps.Invoke(null, new PSInvocationSettings { AddToHistory = true }); } catch (RuntimeException) { }
        }
        var text = ErrorAndHistoryText();
        Assert.Contains("AuthenticationFailed", text); // the failed sign-in is in $Error
        Assert.Contains("Get-OSImage -Id no-such-image", text); // and the history has the lines
        Assert.DoesNotContain(AdminPassword, text);
        var tokens = Cloud.Requests.Where(r => r.Headers.ContainsKey("X-Auth-Token")).Select(r => r.Headers["X-Auth-Token"]).Distinct();
        foreach (var token in tokens) Assert.DoesNotContain(token, text);
        Assert.DoesNotContain(AdminPassword, string.Join("\n", ps.Streams.Verbose.Select(v => v.Message).Concat(ps.Streams.Debug.Select(d => d.Message))));
    }

    /// <summary>$Error in full (records, exceptions and invocation info, every public property) and Get-History, as text.</summary>
    private string ErrorAndHistoryText()
    {
        var parts = new List<string>();
        foreach (var item in Ps.Run("$Error; Get-History").Output)
        {
            parts.Add(item?.ToString() ?? "");
            parts.Add(Properties(item));
            if (item is ErrorRecord record)
            {
                parts.Add(record.Exception.ToString());
                parts.Add(Properties(record.Exception));
                parts.Add(Properties(record.InvocationInfo));
                parts.Add(record.ErrorDetails?.Message + " " + record.ErrorDetails?.RecommendedAction + " " + record.ScriptStackTrace);
            }
        }
        return string.Join("\n", parts);
    }

    private static string Properties(object? value) => value == null ? "" : string.Join("\n", value.GetType().GetProperties()
        .Where(p => p.GetIndexParameters().Length == 0)
        .Select(p => { try { return p.Name + "=" + p.GetValue(value); } catch (Exception) { return p.Name + "=?"; } }));
}
