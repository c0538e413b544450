using System.Diagnostics;
using System.Globalization;
using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Benchmarks;

/// <summary>
/// Figure 4: listing thousands of images. Creates the records (no data: they stay queued) with one tag, then
/// compares Get-OSImage through the runbook host with `openstack image list --tag` — time to the first object,
/// total time, peak memory — and deletes them again.
/// </summary>
internal static class BulkListBenchmark
{
    private const string Tag = "osps-bench-bulk";

    public static void Run(BenchContext context, ImageClient images, int count, Report report)
    {
        var ids = Seed(images, count);
        try
        {
            var runs = Math.Max(3, context.Runs / 2);
            var first = new List<double>();
            var total = new List<double>();
            var peaks = new List<long>();
            for (var i = 0; i < runs; i++)
            {
                Log.Step($"list {count} images: Get-OSImage -Tag (run {i + 1} of {runs})");
                var run = context.Osps1("Connect-OpenStack | Out-Null; $w = [Diagnostics.Stopwatch]::StartNew(); $f = $null; $n = 0; " +
                                        $"Get-OSImage -Tag {Tag} | ForEach-Object {{ if ($n -eq 0) {{ $f = $w.Elapsed.TotalSeconds }}; $n++ }}; [string]$f; [string]$w.Elapsed.TotalSeconds; $n");
                var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (int.Parse(lines[^1], CultureInfo.InvariantCulture) != ids.Count) throw new InvalidOperationException($"listed {lines[^1]} of {ids.Count}");
                first.Add(double.Parse(lines[^3], CultureInfo.InvariantCulture));
                total.Add(double.Parse(lines[^2], CultureInfo.InvariantCulture));
                peaks.Add(run.PeakRssBytes);
            }
            var cli = Enumerable.Range(0, runs).Select(_ =>
            {
                Log.Step($"list {count} images: openstack image list --tag");
                return context.Cli("image", "list", "--tag", Tag, "-f", "value", "-c", "ID");
            }).ToList();
            if (cli[0].Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length != ids.Count) throw new InvalidOperationException("the CLI listed a different count");
            var page = Measure.Median(Enumerable.Range(0, runs).Select(_ =>
            {
                var watch = Stopwatch.StartNew();
                var options = new ListImagesOptions { Limit = 1000 };
                options.Tags.Add(Tag);
                images.ListImages(options, default).NextPageAsync().GetAwaiter().GetResult();
                return watch.Elapsed.TotalSeconds;
            }));
            var small = context.Osps1("Connect-OpenStack | Out-Null; Get-OSImage -Name no-such-image-* | Out-Null").PeakRssBytes;
            double cliTotal = Measure.Median(cli.Select(r => r.Elapsed.TotalSeconds)), moduleTotal = Measure.Median(total);
            report.Add($"{ids.Count} images: time to the first object (one 1000-image page alone: {Report.Seconds(page)})", Report.Seconds(Measure.Median(first)), "", "", "within one page's latency");
            report.Add($"{ids.Count} images: whole list (module after connect; CLI whole process)", Report.Seconds(moduleTotal), Report.Seconds(cliTotal), Report.Ratio(cliTotal / moduleTotal) + " faster", "");
            report.Add($"{ids.Count} images: peak memory (module: growth over an empty list)", Measure.Mib(peaks.Max()) + $" (+{Measure.Mib(peaks.Max() - small)})",
                Measure.Mib(cli.Max(r => r.PeakRssBytes)), "", "flat");
        }
        finally
        {
            Log.Step($"deleting the {ids.Count} bench images");
            Parallel.ForEach(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, id => images.DeleteImageAsync(id, default).GetAwaiter().GetResult());
        }
    }

    private static List<string> Seed(ImageClient images, int count)
    {
        var existing = new ListImagesOptions { Limit = 1000 };
        existing.Tags.Add(Tag);
        var ids = images.ListImages(existing, default).AllAsync().GetAwaiter().GetResult().Select(i => i.Id).ToList();
        Log.Step($"creating {Math.Max(0, count - ids.Count)} image records tagged {Tag} ({ids.Count} already there)");
        var watch = Stopwatch.StartNew();
        var created = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(ids.Count, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var options = new CreateImageOptions { Name = $"osps-bench-bulk-{i:00000}", DiskFormat = "raw" };
            options.Tags.Add(Tag);
            created.Add(images.CreateImageAsync(options, default).GetAwaiter().GetResult().Id);
        });
        Log.Step($"created {created.Count} in {watch.Elapsed.TotalSeconds:0} s");
        ids.AddRange(created);
        return ids;
    }
}
