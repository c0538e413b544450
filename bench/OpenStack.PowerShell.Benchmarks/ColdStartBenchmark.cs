using System.Globalization;

namespace OpenStack.PowerShell.Benchmarks;

/// <summary>
/// Issue 15, figure 1: cold start in real pwsh, the way runbooks run. Alternates, run by run, bare `pwsh -NoProfile -c 1`,
/// `pwsh -NoProfile -c "Import-Module …; Connect-OpenStack; Get-OSImage -All"` with the staged module, the same with the
/// linux-x64 ReadyToRun copy of the module (out/OpenStack.PowerShell.linux-x64), osps itself and the CLI, so that
/// load on the machine falls on all of them alike. The module's share is the import run minus the bare run. A traced run
/// (JitInfo) says how many methods each step JIT-compiles and how long the runtime spent compiling.
/// </summary>
internal static class ColdStartBenchmark
{
    private const string Work = "Connect-OpenStack | Out-Null; Get-OSImage -All | Out-Null";

    public static void Run(BenchContext context, Report report)
    {
        var pwsh = Pwsh();
        if (pwsh == null) { Log.Step("coldstart: no pwsh (set OSPS_PWSH): skipped"); return; }
        // The linux-x64 ReadyToRun module (bench.sh builds it with -p:ModuleReadyToRun=true), else osps's precompiled copy.
        var r2r = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(context.Manifest)!)!, "OpenStack.PowerShell.linux-x64", "OpenStack.PowerShell.psd1");
        if (!File.Exists(r2r)) r2r = Path.Combine(Path.GetDirectoryName(context.Osps)!, "Module", "OpenStack.PowerShell", "OpenStack.PowerShell.psd1");
        var variants = new List<(string Name, string File, string[] Args)>
        {
            ("bare", pwsh, new[] { "-NoProfile", "-c", "1" }),
            ("module", pwsh, new[] { "-NoProfile", "-c", $"Import-Module '{context.Manifest}'; {Work}" }),
            ("import", pwsh, new[] { "-NoProfile", "-c", $"Import-Module '{context.Manifest}'" }),
            ("osps", context.Osps, new[] { "-c", Work }),
            ("cli", "openstack", new[] { "image", "list", "--all" }),
        };
        if (File.Exists(r2r)) variants.Insert(2, ("module-r2r", pwsh, new[] { "-NoProfile", "-c", $"Import-Module '{r2r}'; {Work}" }));
        var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var runs = Math.Max(context.Runs, 7);
        for (var i = 0; i < runs; i++)
        {
            Log.Step($"coldstart: pwsh bare / module / import / osps / CLI, alternated (run {i + 1} of {runs})");
            foreach (var v in variants) times[v.Name].Add(Measure.RunChecked(v.File, v.Args).Elapsed.TotalSeconds);
        }
        double M(string name) => Measure.Median(times[name]);
        double bare = M("bare"), module = M("module"), cli = M("cli"), osps = M("osps");
        report.Add("cold in real pwsh: `pwsh -NoProfile -c \"Import-Module; Connect-OpenStack; Get-OSImage -All\"` vs the CLI", Report.Seconds(module), Report.Seconds(cli),
            Report.Ratio(cli / module) + " faster", "");
        report.Add("bare `pwsh -NoProfile -c 1` (same run); the module's share = the run above minus this", Report.Seconds(bare), "", "", "");
        report.Add("module's share of that pwsh run (staged IL DLLs)", Report.Seconds(module - bare), "", "", "≤ 120 ms");
        if (times.ContainsKey("module-r2r"))
            report.Add("module's share with the module's DLLs ReadyToRun (linux-x64)", Report.Seconds(M("module-r2r") - bare), "", "", "≤ 120 ms");
        report.Add("`Import-Module` alone in pwsh (process minus bare)", Report.Seconds(M("import") - bare), "", "", "not slower");
        report.Add("cold through osps (ReadyToRun): process + import + connect + list vs the CLI (same alternation)", Report.Seconds(osps), Report.Seconds(cli),
            Report.Ratio(cli / osps) + " faster", "≤ 250 ms, ≥ 4×");

        Log.Step("coldstart: traced run (JIT-compiled methods and JIT time per step)");
        report.Add("trace, IL module: JIT methods / JIT ms per step (import, connect, first list)", Trace(pwsh, context.Manifest), "", "", "");
        if (File.Exists(r2r)) report.Add("trace, ReadyToRun module: same", Trace(pwsh, r2r), "", "", "");
    }

    /// <summary>pwsh from OSPS_PWSH, the worktree's or main's .tools, or PATH.</summary>
    internal static string? Pwsh()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("OSPS_PWSH"),
            Environment.GetEnvironmentVariable("OSPS_TOOLS_DIR") is { } tools ? Path.Combine(tools, "pwsh", "pwsh") : null,
            "/work/main/.tools/pwsh/pwsh",
        };
        foreach (var c in candidates) if (!string.IsNullOrEmpty(c) && File.Exists(c)) return c;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "pwsh"))) return Path.Combine(dir, "pwsh");
        return null;
    }

    private static string Trace(string pwsh, string manifest)
    {
        const string Step = "$n = [Runtime.JitInfo]::GetCompiledMethodCount($false); $t = [Runtime.JitInfo]::GetCompilationTime($false).TotalMilliseconds; ";
        const string Out = "$o += '{0}/{1:0}' -f ([Runtime.JitInfo]::GetCompiledMethodCount($false) - $n), ([Runtime.JitInfo]::GetCompilationTime($false).TotalMilliseconds - $t); ";
        var script = "$o = @(); " + Step + $"Import-Module '{manifest}'; " + Out + Step + "Connect-OpenStack | Out-Null; " + Out +
                     Step + "Get-OSImage -All | Out-Null; " + Out + "$o -join ', '";
        var run = Measure.RunChecked(pwsh, new[] { "-NoProfile", "-c", script });
        return run.Stdout.Trim().Split('\n').Last().Trim().Replace(", ", " · ", StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture);
    }
}
