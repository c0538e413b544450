using System.Diagnostics;
using System.Globalization;

namespace OpenStack.PowerShell.Benchmarks;

/// <summary>
/// Figure 4 (issue 13): time to `active` of a web-download import of a large file served on loopback
/// (`New-OSImage -Uri … -Wait`: Glance fetches it itself) against the same file uploaded with `New-OSImage -File`.
/// The loopback server is python's http.server on one of the ports the local Glance's import filtering allows.
/// </summary>
internal static class ImportBenchmark
{
    private const int FirstPort = 18080, LastPort = 18099;

    public static void Run(BenchContext context, int mib, Report report)
    {
        var dir = Path.Combine(Path.GetTempPath(), "osps-bench-web");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"disk-{mib}m.raw");
        UploadBenchmark.WriteFile(file, mib);
        using var server = StartServer(dir, out var port);
        try
        {
            var url = $"http://127.0.0.1:{port}/{Path.GetFileName(file)}";
            var runs = Math.Max(3, context.Runs / 3);
            var web = new List<double>();
            var upload = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                Log.Step($"import {mib} MiB: New-OSImage -Uri -Wait (run {i + 1} of {runs})");
                web.Add(Time(context, $"New-OSImage -Name 'osps-bench-web-{Guid.NewGuid():n}' -Uri '{url}' -DiskFormat raw -Wait -Timeout 600"));
                Log.Step($"import {mib} MiB: New-OSImage -File (run {i + 1} of {runs})");
                upload.Add(Time(context, $"New-OSImage -Name 'osps-bench-file-{Guid.NewGuid():n}' -File '{file}' -DiskFormat raw"));
            }
            double webSeconds = Measure.Median(web), uploadSeconds = Measure.Median(upload);
            report.Add($"{mib} MiB to `active`: `New-OSImage -Uri -Wait` (web-download from loopback) vs `New-OSImage -File`",
                $"{webSeconds:0.0} s", $"{uploadSeconds:0.0} s (upload)", Report.Ratio(uploadSeconds / webSeconds) + " of the upload's speed", "");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Seconds from the cmdlet's start to the image returned active; the image is deleted afterwards.</summary>
    private static double Time(BenchContext context, string newImage)
    {
        var run = context.Osps1("Connect-OpenStack | Out-Null; $w = [Diagnostics.Stopwatch]::StartNew(); $i = " + newImage +
                                "; if ($i.Status -ne 'active') { throw \"not active: $($i.Status)\" }; [string]$w.Elapsed.TotalSeconds; Remove-OSImage $i.Id -Confirm:$false");
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return double.Parse(lines[^1], CultureInfo.InvariantCulture);
    }

    private static Process StartServer(string dir, out int port)
    {
        for (port = FirstPort; port <= LastPort; port++)
        {
            var server = Process.Start(new ProcessStartInfo("/usr/bin/python3", new[] { "-m", "http.server", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--directory", dir })
            {
                RedirectStandardError = true, RedirectStandardOutput = true,
            })!;
            Thread.Sleep(500);
            if (!server.HasExited) return server;
        }
        throw new InvalidOperationException($"no free port in {FirstPort}-{LastPort} for the loopback server");
    }
}
