using System.Diagnostics;
using System.Globalization;
using System.Management.Automation.Runspaces;
using OpenStack.Client;
using OpenStack.Client.Config;
using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Benchmarks;

/// <summary>
/// The benchmarks of issue 5 against the cloud in OS_*: each figure a median of several runs, each comparison a
/// ratio taken in this same run. Usage (see ../../bench.sh): Benchmarks [--runs N] [--upload-mib N] [--bulk N]
/// [--skip-upload] [--skip-bulk] [--import-mib N] [--skip-import] [--download-mib N] [--servers N]
/// [--only list,coldstart,upload,download,bulk,import,servers] [--cleanup-servers] [--servers-as-they-are]. Needs the staged module
/// (out/OpenStack.PowerShell) and the ReadyToRun runbook host (out/osps-r2r/osps), which bench.sh builds.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (Environment.GetEnvironmentVariable("OS_AUTH_URL") is null)
        {
            Console.Error.WriteLine("Set OS_* first (e.g. `. /var/tmp/osps-cloud/openrc` after tests/cloud/start.sh).");
            return 2;
        }
        var repo = RepoRoot();
        var context = new BenchContext(
            Manifest: Path.Combine(repo, "out", "OpenStack.PowerShell", "OpenStack.PowerShell.psd1"),
            Osps: Path.Combine(repo, "out", "osps-r2r", "osps"),
            Runs: options.Runs);
        foreach (var path in new[] { context.Manifest, context.Osps })
        {
            if (!File.Exists(path)) { Console.Error.WriteLine($"missing {path}: run ./bench.sh, which builds it"); return 2; }
        }

        using var session = OpenStackSession.ConnectAsync(CloudSettings.FromProcessEnvironment().ToAuthOptions(), default).GetAwaiter().GetResult();
        var images = new ImageClient(session);
        var report = new Report();
        Console.Error.WriteLine($"benchmarks against {Environment.GetEnvironmentVariable("OS_AUTH_URL")}, {options.Runs} runs each, {Environment.ProcessorCount} cores");

        if (options.CleanupServers) return ServersBenchmark.Cleanup(context);
        if (options.Includes("list")) ListBenchmarks.Run(context, report);
        if (options.Includes("coldstart")) ColdStartBenchmark.Run(context, report);
        if (options.Includes("upload") && !options.SkipUpload) UploadBenchmark.Run(context, images, options.UploadMib, report);
        if (options.Includes("download")) DownloadBenchmark.Run(context, images, options.DownloadMib, report);
        if (options.Includes("bulk") && !options.SkipBulk) BulkListBenchmark.Run(context, images, options.Bulk, report);
        if (options.Includes("import") && !options.SkipImport) ImportBenchmark.Run(context, options.ImportMib, report);
        if (options.Includes("servers")) ServersBenchmark.Run(context, options.Servers, options.ServersAsTheyAre, report);

        report.Print(Console.Out);
        return 0;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "OpenStack.PowerShell.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}

internal sealed record BenchContext(string Manifest, string Osps, int Runs)
{
    /// <summary>The runbook host run as a fresh process with one command, as a CI job or container would.</summary>
    public ProcessRun Osps1(string script) => Measure.RunChecked(Osps, new[] { "-c", script });

    public ProcessRun Cli(params string[] args) => Measure.RunChecked("openstack", args);
}

internal sealed record BenchOptions(int Runs, int UploadMib, int Bulk, bool SkipUpload, bool SkipBulk, int ImportMib = 1024, bool SkipImport = false)
{
    public int DownloadMib { get; init; } = 1024;
    public int Servers { get; init; } = 500;
    public bool CleanupServers { get; init; }
    /// <summary>--servers-as-they-are: list the servers there are, in whatever state, without waiting for them to go ACTIVE.</summary>
    public bool ServersAsTheyAre { get; init; }

    /// <summary>--only's figures (comma-separated); every figure when absent.</summary>
    public IReadOnlyCollection<string>? Only { get; init; }

    private static readonly string[] Figures = { "list", "coldstart", "upload", "download", "bulk", "import", "servers" };

    public bool Includes(string figure) => Only == null || Only.Contains(figure);

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions(5, 1024, 5000, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            o = args[i] switch
            {
                "--runs" => o with { Runs = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--upload-mib" => o with { UploadMib = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--bulk" => o with { Bulk = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--skip-upload" => o with { SkipUpload = true },
                "--skip-bulk" => o with { SkipBulk = true },
                "--import-mib" => o with { ImportMib = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--skip-import" => o with { SkipImport = true },
                "--download-mib" => o with { DownloadMib = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--servers" => o with { Servers = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--cleanup-servers" => o with { CleanupServers = true },
                "--servers-as-they-are" => o with { ServersAsTheyAre = true },
                "--only" => o with { Only = ParseOnly(args[++i]) },
                _ => throw new ArgumentException("unknown option " + args[i]),
            };
        }
        return o;
    }

    private static string[] ParseOnly(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Except(Figures).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"--only: unknown figure {string.Join(", ", unknown)} (known: {string.Join(", ", Figures)})");
        return names;
    }
}

/// <summary>Rows of figures, printed as a Markdown table for the README.</summary>
internal sealed class Report
{
    private readonly List<string[]> _rows = new();

    public void Add(string figure, string module, string peer, string ratio, string target) => _rows.Add(new[] { figure, module, peer, ratio, target });

    public static string Seconds(double s) => s < 1 ? (s * 1000).ToString("0", CultureInfo.InvariantCulture) + " ms" : s.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Ratio(double x) => x.ToString(x >= 10 ? "0" : "0.0", CultureInfo.InvariantCulture) + "×";

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| Figure | Module | Peer | Ratio | Target |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var row in _rows) output.WriteLine("| " + string.Join(" | ", row) + " |");
    }
}

internal static class Log
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Step(string text) => Console.Error.WriteLine($"[{Clock.Elapsed.TotalSeconds,6:0.0}s] {text}");
}
