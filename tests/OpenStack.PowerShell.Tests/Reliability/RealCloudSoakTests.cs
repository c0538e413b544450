using System.Diagnostics;
using OpenStack.Client;
using OpenStack.PowerShell.Tests.Harness;
using Xunit.Abstractions;

namespace OpenStack.PowerShell.Tests.Reliability;

/// <summary>
/// The soak's 8 runspaces × 100 mixed operations against the real local cloud, without injected faults: zero errors,
/// nothing left behind, the wall time printed. It runs in a project of its own (made here, deleted after) so that its
/// servers count against their own quota, not the shared admin project's. Servers are only listed here: the local
/// Nova's sqlite answers 500 "database is locked" to concurrent server writers (and once left a server stuck in
/// BUILD); the fake-cloud soak covers server writes.
/// </summary>
[Trait("Category", "Integration")]
[Collection(RealCloudCollection.Name)]
public sealed class RealCloudSoakTests : RealCloudTest
{
    private const int Runspaces = 8;
    private const int OpsPerRunspace = 100;
    private readonly ITestOutputHelper _output;

    public RealCloudSoakTests(ITestOutputHelper output) => _output = output;

    [RealCloudFact]
    public void EightRunspaces_100MixedOperationsEach_NoErrors_NothingLeft()
    {
        var project = Prefix + "soak";
        var dir = Path.Combine(Path.GetTempPath(), project);
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "disk.raw");
        File.WriteAllBytes(file, new byte[1024]);
        var workers = Enumerable.Range(0, Runspaces).Select(i => new Soak.Worker(i, 2000 + i)).ToList();
        OpenStackSession? session = null;
        string? baseImage = null;
        Soak? soak = null;
        try
        {
            Ps.Run("New-OSProject -Name $p | Out-Null", new() { ["p"] = project }).AssertNoErrors();
            RunCli("role", "add", "--project", project, "--user", Env("OS_USERNAME")!, "admin");
            session = Ps.Run("Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName $p -UserDomainName Default -ProjectDomainName Default",
                new() { ["u"] = Env("OS_AUTH_URL"), ["c"] = PowerShellSession.Credential(Env("OS_USERNAME")!, Env("OS_PASSWORD")!), ["p"] = project }).Single<OpenStackSession>();
            baseImage = Ps.Run("(New-OSImage -Session $s -Name $n -File $f -DiskFormat raw -Visibility private).Id", new() { ["s"] = session, ["n"] = Prefix + "base", ["f"] = file }).Single<string>();
            // Servers are only listed: sqlite under the local Nova cannot take 8 writers, nor a boot while the rest
            // of the suite runs its own Nova tests (500 "database is locked", "Failure prepping block device").
            soak = new Soak(session, Prefix, file, baseImage, "m1.tiny", maxLiveServers: 1, serverWrites: false);
            var clock = Stopwatch.StartNew();
            var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            var threads = workers.Select(w => new Thread(() =>
            {
                try { soak.RunOps(w, OpsPerRunspace, clock, TimeSpan.FromSeconds(300)); }
                catch (Exception ex) { failures.Enqueue(ex); }
            })).ToList();
            foreach (var t in threads) t.Start();
            foreach (var t in threads) t.Join();
            clock.Stop();
            var line = $"soak(real): {Runspaces} runspaces x {OpsPerRunspace} operations: {soak.Succeeded} ok, {soak.Failed} failed, wall time {clock.Elapsed.TotalSeconds:0.0} s, {session.RequestCount} requests";
            _output.WriteLine(line);
            _output.WriteLine(soak.Report());
            Console.WriteLine(line);
            if (failures.TryDequeue(out var first)) throw first;
            Assert.Equal(Runspaces * OpsPerRunspace, soak.Outcomes.Count);
            Assert.Equal(0, soak.Failed);
            Assert.Equal(0, session.TokenRenewals);
        }
        finally
        {
            if (session != null)
            {
                // Everything the soak still has, then the check that nothing else of its own remains.
                foreach (var w in workers)
                {
                    foreach (var id in w.Images) w.Ps.Run("Remove-OSImage -Session $s $id -Confirm:$false", new() { ["s"] = session, ["id"] = id });
                    foreach (var id in w.Networks) w.Ps.Run("Remove-OSNetwork -Session $s $id -Confirm:$false", new() { ["s"] = session, ["id"] = id });
                }
                foreach (var vm in Ps.Run("Get-OSServer -Session $s | Where-Object Name -like $p | ForEach-Object Id", new() { ["s"] = session, ["p"] = Prefix + "*" }).Output)
                    Ps.Run("Remove-OSServer -Session $s $id -Confirm:$false -Wait -Timeout 120", new() { ["s"] = session, ["id"] = vm });
                var left = WaitForLeftovers(session);
                if (baseImage != null) Ps.Run("Remove-OSImage -Session $s $id -Confirm:$false", new() { ["s"] = session, ["id"] = baseImage });
                Ps.Run("Remove-OSProject $p -Confirm:$false", new() { ["p"] = project });
                Assert.True(left.Count == 0, "left behind: " + string.Join(", ", left));
            }
            foreach (var w in workers) w.Ps.Dispose();
            Directory.Delete(dir, true);
        }
    }

    /// <summary>The soak's resources still in its project once deletions have settled (Nova deletes in the background).</summary>
    private List<string> WaitForLeftovers(OpenStackSession session)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = Ps.Run("Get-OSImage -Session $s | Where-Object Name -like $p | ForEach-Object Name; Get-OSServer -Session $s | Where-Object Name -like $p | ForEach-Object Name; Get-OSNetwork -Session $s | Where-Object Name -like $p | ForEach-Object Name",
                new() { ["s"] = session, ["p"] = Prefix + "r*" }).Output.Select(o => o?.ToString() ?? "").ToList();
            if (left.Count == 0 || clock.Elapsed > TimeSpan.FromSeconds(60)) return left;
            Thread.Sleep(500);
        }
    }

    /// <summary>`openstack ARGS` for commands that print nothing (role add), with the cloud's OS_* only.</summary>
    private void RunCli(params string[] args)
    {
        var start = new ProcessStartInfo("openstack") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("OS_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
        foreach (var pair in CloudVariables) start.Environment[pair.Key] = pair.Value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new Xunit.Sdk.XunitException($"openstack {string.Join(' ', args)} failed: {stderr.Result}");
    }
}
