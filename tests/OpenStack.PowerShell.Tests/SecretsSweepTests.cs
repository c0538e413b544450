using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>
/// One full scenario per way of signing in (password, application credential, token): connect, list, create, set,
/// save, remove and fail, all with -Verbose -Debug. No stream, error, output object's ToString, JSON or formatted view
/// may carry the password, the application credential's secret or any token the cloud has seen.
/// </summary>
public sealed class SecretsSweepTests : CloudTest
{
    public SecretsSweepTests(FakeCloudFixture fixture) : base(fixture) { }

    private const string Scenario = """
        $s = Connect-OpenStack @connect -Verbose -Debug
        $s
        $s | Format-List * | Out-Default
        $s | ConvertTo-Json -Depth 2
        $img = New-OSImage -Name $n -File $f -Verbose -Debug
        $img | Format-List * | Out-Default
        Get-OSImage -Verbose -Debug | Out-Default
        Get-OSImage -Name $n -Verbose -Debug
        Set-OSImage $img.Id -MinDisk 1 -Tag swept -PassThru -Verbose -Debug
        Save-OSImage $img.Id -Path $d -Verbose -Debug
        Remove-OSImage $img.Id -Confirm:$false -Verbose -Debug
        Get-OSImage -Id $img.Id -Verbose -Debug
        Get-OSProject -Verbose -Debug | Out-Default
        Connect-OpenStack -AuthUrl $u -Credential $bad -ProjectName admin -Verbose -Debug
        $Error | Format-List * -Force | Out-String
        $Error | ForEach-Object { $_.Exception | Format-List * -Force | Out-String }
        $s | Out-String
        Disconnect-OpenStack -Session $s -Verbose -Debug
        """;

    [Theory]
    [InlineData("password")]
    [InlineData("application credential")]
    [InlineData("token")]
    public void NoSecretReachesAnyStreamOrView(string method)
    {
        var secrets = new List<string> { AdminPassword, "demo-Passw0rd", Cloud.Identity.ApplicationCredentialSecret, "wrong-Passw0rd-42" };
        var connect = new System.Collections.Hashtable { ["AuthUrl"] = Cloud.AuthUrl };
        switch (method)
        {
            case "password":
                connect["Credential"] = PowerShellSession.Credential("demo", "demo-Passw0rd");
                connect["ProjectName"] = "demo";
                break;
            case "application credential":
                connect["ApplicationCredential"] = PowerShellSession.Credential(Cloud.Identity.ApplicationCredentialId, Cloud.Identity.ApplicationCredentialSecret);
                break;
            default:
                var token = IssueToken();
                secrets.Add(token);
                connect["Token"] = PowerShellSession.Secure(token);
                connect["ProjectName"] = "demo";
                break;
        }
        var before = Ps.Host.Ui.Text.Length;
        var result = Ps.Run(Scenario, new()
        {
            ["connect"] = connect, ["n"] = "swept-" + Guid.NewGuid().ToString("n")[..6], ["f"] = TempFile(2000), ["d"] = TempDir(),
            ["u"] = Cloud.AuthUrl, ["bad"] = PowerShellSession.Credential("admin", "wrong-Passw0rd-42"),
        });

        // The scenario ran: it listed, created, saved and removed, and failed where it should.
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("ImageNotFound", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("AuthenticationFailed", StringComparison.Ordinal));
        Assert.Contains(result.Output, o => o is FileInfo);
        Assert.Contains(Cloud.Requests, r => r.Method == "DELETE" && r.PathAndQuery.StartsWith("/image/v2/images/", StringComparison.Ordinal));
        Assert.NotEmpty(result.Verbose);

        // Every token the cloud saw in a request is a secret too.
        var tokens = Cloud.Requests.SelectMany(r => new[] { "X-Auth-Token", "X-Subject-Token" }
            .Select(h => r.Headers.TryGetValue(h, out var v) ? v : null)).OfType<string>().Where(v => v.Length > 0).Distinct().ToList();
        Assert.NotEmpty(tokens);
        secrets.AddRange(tokens);

        var everything = result.AllText() + "\n" + Ps.Host.Ui.Text[before..] + "\n" +
            string.Join("\n", result.Errors.Select(e => e.Exception.ToString() + " " + e.CategoryInfo + " " + e.ErrorDetails?.RecommendedAction));
        foreach (var secret in secrets.Distinct())
        {
            Assert.False(everything.Contains(secret, StringComparison.Ordinal), $"a secret ({secret[..3]}…, {method}) reached the user's screen");
        }
    }

    private string IssueToken()
    {
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, Cloud.AuthUrl + "/auth/tokens")
        {
            Content = new StringContent(
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"},\"password\":\"demo-Passw0rd\"}}},\"scope\":{\"project\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"}}}}}",
                System.Text.Encoding.UTF8, "application/json"),
        };
        return http.Send(request).Headers.GetValues("X-Subject-Token").Single();
    }
}
