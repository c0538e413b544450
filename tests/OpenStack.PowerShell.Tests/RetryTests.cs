using System.Diagnostics;
using System.Management.Automation;
using OpenStack.Client;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>
/// Retries through the cmdlets: which requests are retried (idempotent ones after 502/503/504/429), how long they
/// wait (Retry-After), what the user is told (Verbose), how to turn them off, and token renewal under concurrency.
/// </summary>
public sealed class RetryTests : CloudTest
{
    public RetryTests(FakeCloudFixture fixture) : base(fixture) { }

    private int Count(string method, string pathContains) =>
        Cloud.Requests.Count(r => r.Method == method && r.PathAndQuery.Contains(pathContains, StringComparison.Ordinal));

    [Fact]
    public void Get_After503Twice_IsRetried_AndSucceeds_SayingSoInVerbose()
    {
        Cloud.InjectFault(new FaultRule { Method = "GET", PathContains = "/image/v2/images", Status = 503, Body = "Service Unavailable", Times = 2 });
        var result = Ps.Run("Get-OSImage -Verbose");
        result.AssertNoErrors();
        Assert.Equal(3, Count("GET", "/image/v2/images"));
        Assert.Equal(new[] { 503, 503, 200 }, Cloud.Requests.Where(r => r.Method == "GET").Select(r => r.Status));
        Assert.Contains(result.Verbose, v => v.StartsWith("Retrying GET http", StringComparison.Ordinal) && v.Contains("/image/v2/images after 503 (attempt 2 of 4), waiting "));
        Assert.Contains(result.Verbose, v => v.Contains("after 503 (attempt 3 of 4)"));
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public void Get_AfterAGatewayError_IsRetried(int status)
    {
        Cloud.InjectFault(new FaultRule { Method = "GET", PathContains = "/image/v2/images", Status = status, Body = "<html><body>proxy</body></html>", ContentType = "text/html", Times = 1 });
        Ps.Run("Get-OSImage").AssertNoErrors();
        Assert.Equal(2, Count("GET", "/image/v2/images"));
    }

    [Fact]
    public void TooManyRequests_WaitsForRetryAfter()
    {
        Cloud.InjectFault(new FaultRule
        {
            Method = "GET", PathContains = "/image/v2/images", Status = 429, Body = "Too Many Requests", Times = 1,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
        });
        var clock = Stopwatch.StartNew();
        var result = Ps.Run("Get-OSImage -Verbose");
        clock.Stop();
        result.AssertNoErrors();
        Assert.Equal(2, Count("GET", "/image/v2/images"));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"waited only {clock.Elapsed}");
        Assert.Contains(result.Verbose, v => v.Contains("after 429 (attempt 2 of 4), waiting 1.0 s"));
    }

    [Fact]
    public void RetryAfter_IsCappedByRetryMaxDelaySeconds()
    {
        Connect2("-RetryMaxDelaySeconds 0.2");
        Cloud.InjectFault(new FaultRule
        {
            Method = "GET", PathContains = "/image/v2/images", Status = 503, Times = 1,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "120" },
        });
        var clock = Stopwatch.StartNew();
        Ps.Run("Get-OSImage").AssertNoErrors();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"waited {clock.Elapsed}");
        Assert.Equal(2, Count("GET", "/image/v2/images"));
    }

    [Fact]
    public void Post_After503_IsNotRetried()
    {
        Cloud.InjectFault(new FaultRule { Method = "POST", PathContains = "/image/v2/images", Status = 503, Body = "Service Unavailable", Times = 1 });
        var error = Ps.Run("New-OSImage -Name once -File $f", new() { ["f"] = TempFile(100) }).SingleError("ImageServiceError");
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal(1, Count("POST", "/image/v2/images"));
        Assert.Contains("503", error.Exception.Message);
    }

    [Fact]
    public void StreamedUpload_After503_IsNotRetried()
    {
        Cloud.InjectFault(new FaultRule { Method = "PUT", PathContains = "/file", Status = 503, Body = "Service Unavailable", Times = 1 });
        Ps.Run("New-OSImage -Name upload-once -File $f", new() { ["f"] = TempFile(1000) }).SingleError("ImageUploadFailed");
        Assert.Equal(1, Count("PUT", "/file"));
    }

    [Fact]
    public void MaxRetriesZero_DisablesRetries()
    {
        var session = Connect2("-MaxRetries 0");
        Assert.Equal(0, session.MaxRetries);
        Cloud.InjectFault(new FaultRule { Method = "GET", PathContains = "/image/v2/images", Status = 503, Body = "Service Unavailable", Times = 1 });
        var error = Ps.Run("Get-OSImage").SingleError("ImageServiceError");
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal(1, Count("GET", "/image/v2/images"));
    }

    [Fact]
    public void RetriesRunOut_TheLastAnswerIsReported()
    {
        Connect2("-MaxRetries 2 -RetryMaxDelaySeconds 0.1");
        Cloud.InjectFault(new FaultRule { Method = "GET", PathContains = "/image/v2/images", Status = 503, Body = "still down", Times = 0 });
        try
        {
            var error = Ps.Run("Get-OSImage").SingleError("ImageServiceError");
            Assert.Contains("still down", error.Exception.Message);
            Assert.Equal(3, Count("GET", "/image/v2/images"));
        }
        finally
        {
            Cloud.ClearFaults();
        }
    }

    [Fact]
    public void Delete_After503_IsRetried()
    {
        var id = Ps.Run("(New-OSImage -Name del-retry -File $f).Id", new() { ["f"] = TempFile(100) }).Single<string>();
        Cloud.ClearRequests();
        Cloud.InjectFault(new FaultRule { Method = "DELETE", PathContains = "/image/v2/images/" + id, Status = 503, Times = 1 });
        Ps.Run("Remove-OSImage $id -Confirm:$false", new() { ["id"] = id }).AssertNoErrors();
        Assert.Equal(2, Count("DELETE", id));
        Assert.Single(Ps.Run("Get-OSImage $id", new() { ["id"] = id }).Errors);
    }

    [Fact]
    public void Second401AfterRenewal_IsAuthenticationFailed()
    {
        Cloud.InjectFault(new FaultRule { Method = "GET", PathContains = "/image/v2/images", Status = 401, Body = "{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\",\"title\":\"Unauthorized\"}}", ContentType = "application/json", Times = 2 });
        var error = Ps.Run("Get-OSImage").SingleError("AuthenticationFailed");
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal(new[] { "GET", "POST", "GET" }, Cloud.Requests.Select(r => r.Method));
        Assert.Contains("requires authentication", error.Exception.Message);
    }

    [Fact]
    public void EightRunspacesSharingOneSession_RenewAnExpiredTokenOnce()
    {
        var session = Ps.Run("Get-OSImage | Out-Null; (Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName admin)",
            new() { ["u"] = Cloud.AuthUrl, ["c"] = PowerShellSession.Credential("admin", AdminPassword) }).Single<OpenStackSession>();
        var runspaces = Enumerable.Range(0, 8).Select(_ => new PowerShellSession()).ToList();
        try
        {
            Cloud.Identity.ExpireAllTokens();
            Cloud.ClearRequests();
            // Each runspace runs on its own thread; they start together so that the 401s overlap.
            using var start = new Barrier(8);
            var results = runspaces.AsParallel().WithDegreeOfParallelism(8).Select(ps =>
            {
                start.SignalAndWait();
                return ps.Run("Get-OSImage -Session $s", new() { ["s"] = session });
            }).ToList();
            foreach (var result in results) result.AssertNoErrors();
            Assert.Equal(1, Count("POST", "/auth/tokens"));
            Assert.Equal(8, Cloud.Requests.Count(r => r.Method == "GET" && r.Status == 200));
        }
        finally
        {
            foreach (var ps in runspaces) ps.Dispose();
        }
    }

    /// <summary>Reconnects the test's runspace with extra Connect-OpenStack parameters.</summary>
    private OpenStackSession Connect2(string parameters)
    {
        var session = Ps.Run($"Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName admin {parameters}",
            new() { ["u"] = Cloud.AuthUrl, ["c"] = PowerShellSession.Credential("admin", AdminPassword) }).Single<OpenStackSession>();
        Cloud.ClearRequests();
        return session;
    }
}
