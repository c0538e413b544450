using System.Diagnostics;
using System.Management.Automation.Runspaces;
using PS = System.Management.Automation.PowerShell;

namespace OpenStack.PowerShell.Benchmarks;

/// <summary>Figures 1, 2 and 5: warm and cold image lists against `openstack image list --all`, round trips, import time.</summary>
internal static class ListBenchmarks
{
    public static void Run(BenchContext context, Report report)
    {
        Log.Step("CLI: openstack image list --all");
        var cli = Enumerable.Range(0, context.Runs).Select(_ => context.Cli("image", "list", "--all")).ToList();
        var cliSeconds = Measure.Median(cli.Select(r => r.Elapsed.TotalSeconds));
        var cliPeak = (long)Measure.Median(cli.Select(r => (double)r.PeakRssBytes));

        Log.Step("module, warm: Get-OSImage -All in a connected runspace");
        using var runspace = OpenRunspace(context.Manifest, out var firstImport);
        Invoke(runspace, "Connect-OpenStack | Out-Null");
        Invoke(runspace, "Get-OSImage -All | Out-Null"); // first call JIT-compiles the cmdlet's code path
        var warm = Measure.Median(Enumerable.Range(0, Math.Max(context.Runs, 10)).Select(_ => Timed(() => Invoke(runspace, "Get-OSImage -All | Out-Null"))));
        report.Add("`Get-OSImage -All`, warm session vs `openstack image list --all`", Report.Seconds(warm), Report.Seconds(cliSeconds), Report.Ratio(cliSeconds / warm) + " faster", "≥ 40×");

        Log.Step("module, cold: osps -c 'Connect-OpenStack; Get-OSImage -All' (ReadyToRun host)");
        var cold = Enumerable.Range(0, context.Runs).Select(_ => context.Osps1("Connect-OpenStack | Out-Null; Get-OSImage -All | Out-Null")).ToList();
        var coldSeconds = Measure.Median(cold.Select(r => r.Elapsed.TotalSeconds));
        var coldPeak = (long)Measure.Median(cold.Select(r => (double)r.PeakRssBytes));
        report.Add("cold: new process + import + connect + list vs the CLI", Report.Seconds(coldSeconds), Report.Seconds(cliSeconds), Report.Ratio(cliSeconds / coldSeconds) + " faster", "≥ 3×");
        report.Add("peak memory of that cold run", Measure.Mib(coldPeak), Measure.Mib(cliPeak), "", "");

        Log.Step("round trips: connect + first list");
        var trips = Invoke(runspace, "$s = Connect-OpenStack; Get-OSImage -All | Out-Null; $s.RequestCount").Last();
        report.Add("HTTP round trips, connect + first list", trips, "", "", "2");

        Log.Step("Import-Module in a warm host");
        var imports = new List<double> { firstImport };
        for (var i = 1; i < Math.Max(context.Runs, 10); i++)
        {
            using var fresh = OpenRunspace(context.Manifest, out var importSeconds);
            imports.Add(importSeconds);
        }
        report.Add("`Import-Module` of the staged module in a warm host (first in the process / median of the rest)", Report.Seconds(imports[0]) + " / " + Report.Seconds(Measure.Median(imports.Skip(1))), "", "", "");
    }

    private static Runspace OpenRunspace(string manifest, out double importSeconds)
    {
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        importSeconds = Timed(() => Invoke(runspace, $"Import-Module '{manifest}' -ErrorAction Stop"));
        return runspace;
    }

    private static List<string> Invoke(Runspace runspace, string script)
    {
        using var ps = PS.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        var output = ps.Invoke().Select(o => o?.ToString() ?? "").ToList();
        if (ps.HadErrors) throw new InvalidOperationException($"{script}: {ps.Streams.Error.FirstOrDefault()}");
        return output;
    }

    private static double Timed(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }
}
