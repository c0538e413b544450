using System.Globalization;
using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Benchmarks;

/// <summary>
/// Issue 15, figure 3: `Save-OSImage` of a large image through the runbook host (verified against os_hash_value, as the
/// cmdlet always does) against `curl -o` of the same image from the same Glance, alternated run by run; and the host's
/// memory growth over a plain list run. The image (tagged osps-bench-download) is kept between bench runs: uploading it
/// again would cost more than the figure.
/// </summary>
internal static class DownloadBenchmark
{
    private const string Tag = "osps-bench-download";

    public static void Run(BenchContext context, ImageClient images, int mib, Report report)
    {
        var id = Seed(context, images, mib);
        var dir = Path.Combine(Path.GetTempPath(), "osps-bench-download");
        Directory.CreateDirectory(dir);
        var headerFile = Path.GetTempFileName(); // the token goes to curl in a file, never on a command line
        try
        {
            var token = System.Text.Json.JsonDocument.Parse(context.Cli("token", "issue", "-f", "json").Stdout).RootElement.GetProperty("id").GetString();
            File.WriteAllText(headerFile, $"X-Auth-Token: {token}\n");
            var url = $"{UploadBenchmark.GlanceRoot(context)}/v2/images/{id}/file";
            var target = Path.Combine(dir, "module.img");
            var runs = Math.Max(3, context.Runs / 2);
            var module = new List<double>();
            var curl = new List<double>();
            var peaks = new List<long>();
            for (var i = 0; i < runs; i++)
            {
                Log.Step($"download {mib} MiB: Save-OSImage (run {i + 1} of {runs})");
                var run = context.Osps1($"Connect-OpenStack | Out-Null; $w = [Diagnostics.Stopwatch]::StartNew(); $f = Save-OSImage '{id}' -Path '{target}' -Force; " +
                                        "[string]$w.Elapsed.TotalSeconds; $f.Length");
                var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (long.Parse(lines[^1], CultureInfo.InvariantCulture) != (long)mib << 20) throw new InvalidOperationException($"Save-OSImage wrote {lines[^1]} bytes");
                module.Add(double.Parse(lines[^2], CultureInfo.InvariantCulture));
                peaks.Add(run.PeakRssBytes);
                File.Delete(target);

                Log.Step($"download {mib} MiB: curl -o (run {i + 1} of {runs})");
                var curlFile = Path.Combine(dir, "curl.img");
                curl.Add(Measure.RunChecked("curl", new[] { "-s", "-f", "-H", "@" + headerFile, "-o", curlFile, url }).Elapsed.TotalSeconds);
                File.Delete(curlFile);
            }
            var baseline = context.Osps1("Connect-OpenStack | Out-Null; Get-OSImage -All | Out-Null").PeakRssBytes;
            double moduleRate = mib / Measure.Median(module), curlRate = mib / Measure.Median(curl);
            report.Add($"`Save-OSImage` of {mib} MiB, verified (SHA-512), vs `curl -o` (throughput)", $"{moduleRate:0} MiB/s", $"{curlRate:0} MiB/s",
                Report.Ratio(moduleRate / curlRate) + " of curl", "≥ 0.95×");
            report.Add("host memory growth during that download (peak − a list run's peak)", Measure.Mib(peaks.Max() - baseline), "", "", "< 64 MiB");
        }
        finally
        {
            File.Delete(headerFile);
            Directory.Delete(dir, true);
        }
    }

    /// <summary>The bench's download image: reused when an active one of the right size is there, else uploaded once.</summary>
    private static string Seed(BenchContext context, ImageClient images, int mib)
    {
        var options = new ListImagesOptions { Limit = 100 };
        options.Tags.Add(Tag);
        var existing = images.ListImages(options, default).AllAsync().GetAwaiter().GetResult();
        var ready = existing.FirstOrDefault(i => i.Status == "active" && i.Size == (long)mib << 20);
        if (ready != null) return ready.Id;
        foreach (var stale in existing) images.DeleteImageAsync(stale.Id, default).GetAwaiter().GetResult();
        var file = Path.Combine(Path.GetTempPath(), $"osps-bench-{mib}m.img");
        UploadBenchmark.WriteFile(file, mib);
        try
        {
            Log.Step($"download: uploading the {mib} MiB image tagged {Tag} (kept for later runs)");
            var run = context.Osps1($"Connect-OpenStack | Out-Null; (New-OSImage -Name '{Tag}-{mib}m' -File '{file}' -DiskFormat raw -Tag {Tag}).Id");
            return run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        }
        finally
        {
            File.Delete(file);
        }
    }
}
