using System.Diagnostics;
using OpenStack.Client;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;
using Xunit.Abstractions;

namespace OpenStack.PowerShell.Tests.Reliability;

/// <summary>
/// Load with faults: 8 runspaces share one session and run 300 mixed operations each against the fake cloud while
/// it answers at random with 503 (with and without Retry-After), 429, resets, slow answers and 401s. Bounded in
/// count and time (a few tens of seconds); the counts are printed.
/// </summary>
public sealed class SoakTests : IAsyncLifetime
{
    private const int Runspaces = 8;
    private const int OpsPerRunspace = 300;
    private const int WarmUpOps = 50;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(240);
    private readonly ITestOutputHelper _output;
    private FakeCloud.FakeCloud _cloud = null!;

    public SoakTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() => _cloud = await FakeCloud.FakeCloud.StartAsync(new FakeCloudOptions { DefaultPageLimit = 25 });

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    private const string KeystoneUnauthorized = "{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\",\"title\":\"Unauthorized\"}}";

    /// <summary>The random faults, on every service (never on Keystone: a sign-in is a POST, never retried).</summary>
    private IEnumerable<FaultRule> Faults(Random random)
    {
        foreach (var service in new[] { "/image/", "/compute/", "/network/" })
        {
            yield return new FaultRule { PathContains = service, Status = 503, Body = "Service Unavailable", Probability = 0.02, Times = 0, Random = random };
            yield return new FaultRule { PathContains = service, Status = 503, Body = "busy", Headers = new Dictionary<string, string> { ["Retry-After"] = "1" }, Probability = 0.02, Times = 0, Random = random };
            yield return new FaultRule { PathContains = service, Status = 429, Body = "Too Many Requests", Headers = new Dictionary<string, string> { ["Retry-After"] = "2" }, Probability = 0.02, Times = 0, Random = random };
            yield return new FaultRule { PathContains = service, ResetConnection = true, Probability = 0.015, Times = 0, Random = random };
            yield return new FaultRule { PathContains = service, DelayMs = 150, Probability = 0.03, Times = 0, Random = random };
            // 401s on reads only: an upload's streamed body cannot be resent after a renewal, so it would not renew.
            yield return new FaultRule { Method = "GET", PathContains = service, Status = 401, Body = KeystoneUnauthorized, ContentType = "application/json", Probability = 0.01, Times = 0, Random = random };
        }
    }

    [Fact]
    public void EightRunspaces_300MixedOperationsEach_UnderRandomFaults_AllAccountedFor()
    {
        var dir = Path.Combine(Path.GetTempPath(), "osps-soak-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "disk.raw");
        File.WriteAllBytes(file, new byte[1024]);
        var baseImage = _cloud.Glance.AddImage("soak-base");
        var workers = Enumerable.Range(0, Runspaces).Select(i => new Soak.Worker(i, 1000 + i)).ToList();
        try
        {
            using var connect = new PowerShellSession();
            var session = connect.Run("Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName admin -MaxRetries 4 -RetryMaxDelaySeconds 0.05",
                new() { ["u"] = _cloud.AuthUrl, ["c"] = PowerShellSession.Credential("admin", CloudTest.AdminPassword) }).Single<OpenStackSession>();
            var soak = new Soak(session, "soak-", file, baseImage.Id, "1", maxLiveServers: 3);
            var random = new Random(16);
            var rules = Faults(random).ToList();
            foreach (var rule in rules) _cloud.InjectFault(rule);
            var clock = Stopwatch.StartNew();

            // Warm-up, then the managed heap is measured; the fake's request log is read and dropped at each step
            // so that what is measured is the module's memory, not the test's record of it.
            RunAll(workers, soak, WarmUpOps, clock);
            var refused1 = RefusedTokens(out var issued1);
            _cloud.ClearRequests();
            var heapAfterWarmUp = Heap();
            RunAll(workers, soak, OpsPerRunspace - WarmUpOps, clock);
            var refused2 = RefusedTokens(out var issued2);
            _cloud.ClearRequests();
            var heapAtEnd = Heap();
            clock.Stop();
            _cloud.ClearFaults();

            // Every operation is accounted for (RunOps threw otherwise): 2400 outcomes, success or one naming error.
            Assert.Equal(Runspaces * OpsPerRunspace, soak.Outcomes.Count);
            // Single flight: one renewal per refused token, however many runspaces were refused with it.
            // (A fresh token refused again in the same call is AuthenticationFailed, not a second renewal.)
            var refused = refused1.Union(refused2).Count();
            var refusedTwice = soak.Outcomes.Count(o => o.Error?.FullyQualifiedErrorId.StartsWith("AuthenticationFailed", StringComparison.Ordinal) == true);
            Assert.InRange(session.TokenRenewals, refused - refusedTwice, refused);
            Assert.Equal(issued1 + issued2 - 1, session.TokenRenewals); // the first issue is Connect-OpenStack's

            // Nothing left behind unreported: each leftover is one the soak created and knows of, or is named by an error.
            var errors = soak.AllErrorText();
            var leftovers = Leftovers();
            var unreported = leftovers.Where(l => !soak.Known.Contains(l.Id) && !errors.Contains(l.Id) && !errors.Contains(l.Name)).ToList();
            var faultHits = rules.Sum(r => r.Hits);
            _output.WriteLine($"Soak (fake cloud, random faults): {Runspaces} runspaces x {OpsPerRunspace} operations in {clock.Elapsed.TotalSeconds:0.0} s");
            _output.WriteLine($"  {soak.Succeeded} succeeded, {soak.Failed} failed with one ErrorRecord each; faults injected: {faultHits}");
            _output.WriteLine($"  token renewals: {session.TokenRenewals} (tokens refused: {refused}); requests sent by the session: {session.RequestCount}");
            _output.WriteLine($"  left at the end: {leftovers.Count} (known {leftovers.Count(l => soak.Known.Contains(l.Id))}, reported by an error {leftovers.Count(l => !soak.Known.Contains(l.Id)) - unreported.Count}, unreported {unreported.Count})");
            _output.WriteLine($"  managed heap: {heapAfterWarmUp / 1048576.0:0.0} MiB after warm-up, {heapAtEnd / 1048576.0:0.0} MiB at the end");
            _output.WriteLine(soak.Report());
            Console.WriteLine($"soak(fake): {soak.Succeeded} ok, {soak.Failed} failed, renewals {session.TokenRenewals}, leftovers {leftovers.Count} (unreported {unreported.Count}), heap {heapAfterWarmUp / 1048576.0:0.0}->{heapAtEnd / 1048576.0:0.0} MiB, {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Empty(unreported);
            Assert.True(soak.Failed < soak.Outcomes.Count / 10, "with retries, far fewer than 10 % of the operations should fail");
            Assert.True(session.TokenRenewals > 0, "the soak injected 401s: some renewals must have happened");
            // Flat: what 250 more operations per runspace left on the heap is small next to a leak of their results.
            Assert.True(heapAtEnd - heapAfterWarmUp < 48L << 20, $"managed heap grew by {(heapAtEnd - heapAfterWarmUp) / 1048576.0:0.0} MiB after warm-up");
        }
        finally
        {
            _cloud.ClearFaults();
            foreach (var w in workers) w.Ps.Dispose();
            Directory.Delete(dir, true);
        }
    }

    private static void RunAll(List<Soak.Worker> workers, Soak soak, int count, Stopwatch clock)
    {
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = workers.Select(w => new Thread(() =>
        {
            try { soak.RunOps(w, count, clock, Bound); }
            catch (Exception ex) { failures.Enqueue(ex); }
        }) { IsBackground = true }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        if (failures.TryDequeue(out var first)) throw first;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }

    /// <summary>The distinct tokens the services refused with 401, and how many tokens Keystone issued.</summary>
    private HashSet<string> RefusedTokens(out int issued)
    {
        var requests = _cloud.Requests;
        issued = requests.Count(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/auth/tokens", StringComparison.Ordinal) && r.Status == 201);
        return requests.Where(r => r.Status == 401 && r.Headers.ContainsKey("X-Auth-Token")).Select(r => r.Headers["X-Auth-Token"]).ToHashSet();
    }

    private List<(string Id, string Name)> Leftovers()
    {
        var images = _cloud.Glance.Images.Where(i => i.Name?.StartsWith("soak-r", StringComparison.Ordinal) == true).Select(i => (i.Id, i.Name!));
        var servers = _cloud.Nova.Servers.Where(s => s.Name.StartsWith("soak-r", StringComparison.Ordinal)).Select(s => (s.Id, s.Name));
        var networks = _cloud.Neutron.Networks.Select(n => (Id: n["id"]!.GetValue<string>(), Name: n["name"]?.GetValue<string>() ?? ""))
            .Where(n => n.Name.StartsWith("soak-r", StringComparison.Ordinal));
        return images.Concat(servers).Concat(networks).ToList();
    }
}
