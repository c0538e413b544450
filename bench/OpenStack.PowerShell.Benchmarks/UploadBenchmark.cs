using System.Globalization;
using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Benchmarks;

/// <summary>
/// Figure 3: New-OSImage of a large file through the runbook host vs `curl -T` of the same file to the same Glance
/// (record created first, as New-OSImage does): throughput ratio, and the host's memory growth over a plain list run.
/// </summary>
internal static class UploadBenchmark
{
    public static void Run(BenchContext context, ImageClient images, int mib, Report report)
    {
        var file = Path.Combine(Path.GetTempPath(), $"osps-bench-{mib}m.img");
        WriteFile(file, mib);
        var headerFile = Path.GetTempFileName(); // the token goes to curl in a file, never on a command line
        try
        {
            var token = context.Cli("token", "issue", "-f", "json").Stdout;
            var tokenId = System.Text.Json.JsonDocument.Parse(token).RootElement.GetProperty("id").GetString();
            File.WriteAllText(headerFile, $"X-Auth-Token: {tokenId}\nContent-Type: application/octet-stream\n");
            var root = GlanceRoot(context);
            var runs = Math.Max(3, context.Runs / 2);
            var module = new List<double>();
            var curl = new List<double>();
            var peaks = new List<long>();
            for (var i = 0; i < runs; i++)
            {
                Log.Step($"upload {mib} MiB: New-OSImage (run {i + 1} of {runs})");
                var name = $"osps-bench-upload-{Guid.NewGuid():n}";
                var run = context.Osps1($"Connect-OpenStack | Out-Null; $w = [Diagnostics.Stopwatch]::StartNew(); $i = New-OSImage -Name '{name}' -File '{file}' -DiskFormat raw; " +
                                        "[string]$w.Elapsed.TotalSeconds; $i.Id; Remove-OSImage $i.Id -Confirm:$false");
                var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                module.Add(double.Parse(lines[^2], CultureInfo.InvariantCulture));
                peaks.Add(run.PeakRssBytes);

                Log.Step($"upload {mib} MiB: curl -T (run {i + 1} of {runs})");
                var record = images.CreateImageAsync(new CreateImageOptions { Name = name + "-curl", DiskFormat = "raw" }, default).GetAwaiter().GetResult();
                try
                {
                    var put = Measure.RunChecked("curl", new[] { "-s", "-f", "-o", "/dev/null", "-X", "PUT", "-H", "@" + headerFile, "-T", file, $"{root}/v2/images/{record.Id}/file" });
                    curl.Add(put.Elapsed.TotalSeconds);
                }
                finally
                {
                    images.DeleteImageAsync(record.Id, default).GetAwaiter().GetResult();
                }
            }
            var baseline = context.Osps1("Connect-OpenStack | Out-Null; Get-OSImage -All | Out-Null").PeakRssBytes;
            double moduleRate = mib / Measure.Median(module), curlRate = mib / Measure.Median(curl);
            report.Add($"`New-OSImage` of {mib} MiB vs `curl -T` (throughput)", $"{moduleRate:0} MiB/s", $"{curlRate:0} MiB/s", Report.Ratio(moduleRate / curlRate) + " of curl", "≥ 0.9×");
            report.Add("host memory growth during that upload (peak − a list run's peak)", Measure.Mib(peaks.Max() - baseline), "", "", "< 64 MiB");
        }
        finally
        {
            File.Delete(file);
            File.Delete(headerFile);
        }
    }

    /// <summary>The image endpoint of the catalog, without a version, as the client computes it.</summary>
    internal static string GlanceRoot(BenchContext context)
    {
        var endpoints = System.Text.Json.JsonDocument.Parse(context.Cli("endpoint", "list", "--service", "image", "--interface", "public", "-f", "json").Stdout).RootElement;
        var url = endpoints[0].GetProperty("URL").GetString()!.TrimEnd('/');
        return url.EndsWith("/v2", StringComparison.Ordinal) ? url[..^3] : url;
    }

    /// <summary>Real (non-sparse) bytes, so both uploaders read the same data from disk.</summary>
    internal static void WriteFile(string path, int mib)
    {
        if (File.Exists(path) && new FileInfo(path).Length == (long)mib << 20) return;
        var block = new byte[1 << 20];
        new Random(42).NextBytes(block);
        using var stream = File.Create(path);
        for (var i = 0; i < mib; i++) stream.Write(block);
    }
}
