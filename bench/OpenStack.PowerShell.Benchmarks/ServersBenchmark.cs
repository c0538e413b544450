using System.Globalization;

namespace OpenStack.PowerShell.Benchmarks;

/// <summary>
/// Issue 15, figure 4: servers at scale. N servers on the local Nova's fake driver in a project of their own (perf-bench,
/// tiny flavor, no network), booted with multi-create requests the first time and kept for later runs (`--cleanup-servers`
/// deletes them); then `Get-OSServer` through the runbook host, image and flavor names filled in, against
/// `openstack server list --long`, alternated: the whole list, the time to the first object, peak memory, round trips.
/// </summary>
internal static class ServersBenchmark
{
    private const string Project = "perf-bench", Flavor = "perf-bench-tiny", Prefix = "perf-bench-srv";
    private const int BatchSize = 100;

    private static readonly Dictionary<string, string> InProject = new() { ["OS_PROJECT_NAME"] = Project, ["OS_COMPUTE_API_VERSION"] = "2.79" };

    public static void Run(BenchContext context, int count, bool asTheyAre, Report report)
    {
        Setup(context, count);
        var states = Boot(context, count, asTheyAre);
        var runs = Math.Max(3, context.Runs / 2);
        var first = new List<double>();
        var total = new List<double>();
        var peaks = new List<long>();
        var cli = new List<ProcessRun>();
        string trips = "";
        for (var i = 0; i < runs; i++)
        {
            Log.Step($"{count} servers: Get-OSServer (run {i + 1} of {runs})");
            var run = Osps(context, "$s = Connect-OpenStack; $before = $s.RequestCount; $w = [Diagnostics.Stopwatch]::StartNew(); $f = $null; $n = 0; $named = 0; " +
                                    "Get-OSServer | ForEach-Object { if ($n -eq 0) { $f = $w.Elapsed.TotalSeconds }; $n++; if ($_.ImageName -and $_.FlavorName) { $named++ } }; " +
                                    "[string]$f; [string]$w.Elapsed.TotalSeconds; $s.RequestCount - $before; $named; $n");
            var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var listed = int.Parse(lines[^1], CultureInfo.InvariantCulture);
            if (listed < count) throw new InvalidOperationException($"Get-OSServer listed {listed} of {count}");
            if (lines[^2] != lines[^1]) throw new InvalidOperationException($"only {lines[^2]} of {listed} servers had image and flavor names");
            trips = lines[^3];
            first.Add(double.Parse(lines[^5], CultureInfo.InvariantCulture));
            total.Add(double.Parse(lines[^4], CultureInfo.InvariantCulture));
            peaks.Add(run.PeakRssBytes);

            Log.Step($"{count} servers: openstack server list --long (run {i + 1} of {runs})");
            cli.Add(Measure.RunChecked("openstack", new[] { "server", "list", "--long", "-f", "value", "-c", "ID" }, InProject));
        }
        var small = Osps(context, "Connect-OpenStack | Out-Null; Get-OSServer -Name no-such-server-* | Out-Null").PeakRssBytes;
        double cliTotal = Measure.Median(cli.Select(r => r.Elapsed.TotalSeconds)), moduleTotal = Measure.Median(total);
        report.Add($"{count} servers: their states when listed", states, "", "", asTheyAre ? "--servers-as-they-are: not waited for" : "all ACTIVE");
        report.Add($"{count} servers, names of image and flavor: `Get-OSServer` (after connect) vs `openstack server list --long` (whole process)",
            Report.Seconds(moduleTotal), Report.Seconds(cliTotal), Report.Ratio(cliTotal / moduleTotal) + " faster", "");
        report.Add($"{count} servers: time to the first object", Report.Seconds(Measure.Median(first)), "", "", "within one page's latency");
        report.Add($"{count} servers: round trips of the list (server pages + one image list; flavors come inside the servers)", trips, "", "", "never one per server");
        report.Add($"{count} servers: peak memory (module: growth over an empty list)", Measure.Mib(peaks.Max()) + $" (+{Measure.Mib(peaks.Max() - small)})",
            Measure.Mib(cli.Max(r => r.PeakRssBytes)), "", "flat");
    }

    /// <summary>--cleanup-servers: deletes perf-bench's servers (the project, flavor and quotas stay).</summary>
    public static int Cleanup(BenchContext context)
    {
        var ids = ServerIds(context);
        Log.Step($"deleting {ids.Count} servers of {Project}");
        foreach (var batch in ids.Chunk(50)) Measure.RunChecked("openstack", new[] { "server", "delete" }.Concat(batch), InProject);
        return 0;
    }

    /// <summary>The project (admin a member of it), its quotas and the tiny flavor: created once, kept.</summary>
    private static void Setup(BenchContext context, int count)
    {
        if (Measure.Run("openstack", new[] { "project", "show", Project, "-f", "value", "-c", "id" }).ExitCode != 0)
        {
            Log.Step($"creating project {Project}");
            context.Cli("project", "create", Project, "--description", "bench.sh servers at scale (issue 15); bench.sh --cleanup-servers deletes its servers");
        }
        context.Cli("role", "add", "--user", Environment.GetEnvironmentVariable("OS_USERNAME") ?? "admin", "--project", Project, "admin");
        var limit = (count + 50).ToString(CultureInfo.InvariantCulture);
        context.Cli("quota", "set", "--instances", limit, "--cores", limit, "--ram", ((count + 50) * 64).ToString(CultureInfo.InvariantCulture), Project);
        if (Measure.Run("openstack", new[] { "flavor", "show", Flavor, "-f", "value", "-c", "id" }).ExitCode != 0)
            context.Cli("flavor", "create", "--vcpus", "1", "--ram", "64", "--disk", "0", Flavor);
    }

    /// <summary>
    /// Boots what is missing, in multi-create requests of BatchSize, and waits until every server is ACTIVE (unless
    /// <paramref name="asTheyAre"/>: the list is measured on the servers Nova has, in whatever state); answers the states.
    /// </summary>
    private static string Boot(BenchContext context, int count, bool asTheyAre)
    {
        var statuses = Statuses(context);
        var missing = count - statuses.Count;
        if (missing > 0)
        {
            Log.Step($"booting {missing} servers in {Project} ({statuses.Count} already there)");
            for (var booted = 0; booted < missing; booted += BatchSize)
            {
                var n = Math.Min(BatchSize, missing - booted).ToString(CultureInfo.InvariantCulture);
                Measure.RunChecked("openstack", new[] { "server", "create", "--image", "osps-seed-qcow2", "--flavor", Flavor, "--nic", "none", "--min", n, "--max", n, Prefix }, InProject);
            }
        }
        // The local fake compute takes them ACTIVE slowly (2026-12-02, loaded machine: ~8 a minute after the first 120).
        var deadline = DateTime.UtcNow.AddMinutes(90);
        static string Census(List<string> all) => string.Join(", ", all.GroupBy(s => s).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}"));
        while (true)
        {
            statuses = Statuses(context);
            var active = statuses.Count(s => s == "ACTIVE");
            if (asTheyAre)
            {
                if (statuses.Count < count) throw new InvalidOperationException($"only {statuses.Count} of {count} servers in {Project}");
                return Census(statuses);
            }
            var errors = statuses.Count(s => s == "ERROR");
            if (errors > 0) throw new InvalidOperationException($"{errors} servers of {Project} are in ERROR: `bench.sh --cleanup-servers`, then run again");
            if (active >= count) return Census(statuses);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{active} of {count} servers ACTIVE after 90 minutes");
            Log.Step($"{active} of {count} servers ACTIVE");
            Thread.Sleep(10000);
        }
    }

    // Through the module, not `openstack server list --limit -1`: on this Nova that CLI paged with the same marker for ever
    // (seen 2026-12-02 with 500 multi-created servers in BUILD), hammering nova-api.
    private static List<string> Statuses(BenchContext context) => Lines(Osps(context, "Connect-OpenStack | Out-Null; (Get-OSServer).Status"));

    private static List<string> ServerIds(BenchContext context) => Lines(Osps(context, "Connect-OpenStack | Out-Null; (Get-OSServer).Id"));

    private static List<string> Lines(ProcessRun run) => run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static ProcessRun Osps(BenchContext context, string script) => Measure.RunChecked(context.Osps, new[] { "-c", script }, InProject);
}
