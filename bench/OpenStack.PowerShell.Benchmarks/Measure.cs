using System.Diagnostics;

namespace OpenStack.PowerShell.Benchmarks;

/// <summary>One run of a child process: wall time, peak resident memory (VmHWM) and its output.</summary>
internal sealed record ProcessRun(TimeSpan Elapsed, long PeakRssBytes, string Stdout, string Stderr, int ExitCode);

internal static class Measure
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// Runs a process to its end. Peak memory is the kernel's high-water mark of the process, polled from
    /// /proc every 20 ms (it only grows, so the last reading before exit is the peak, give or take the last 20 ms).
    /// </summary>
    public static ProcessRun Run(string file, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (env != null) foreach (var pair in env) start.Environment[pair.Key] = pair.Value;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close(); // the CLI reads image data from a non-tty stdin; give it none
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20)) peak = Math.Max(peak, HighWaterMark(process.Id));
        watch.Stop();
        return new ProcessRun(watch.Elapsed, peak, stdout.Result, stderr.Result, process.ExitCode);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 0;
    }

    public static ProcessRun RunChecked(string file, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var run = Run(file, args, env);
        if (run.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {run.ExitCode}: {run.Stderr.Trim()}");
        return run;
    }

    public static string Mib(long bytes) => (bytes / 1048576.0).ToString("0") + " MiB";
}
