using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace OpenStack.PowerShell.Host;

/// <summary>
/// osps [script.ps1 [args…]] | -c "command" | -i
/// With no arguments it runs the bundled quickstart runbook (examples/quickstart.ps1).
/// Exit code: the script's `exit N`, else 1 if any error was written, else 0.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // Before any engine code: no telemetry id under ~/.cache, no diagnostics pipe under /tmp.
        Environment.SetEnvironmentVariable("POWERSHELL_TELEMETRY_OPTOUT", "1");
        Environment.SetEnvironmentVariable("POWERSHELL_DIAGNOSTICS_OPTOUT", "1");
        Environment.SetEnvironmentVariable("POWERSHELL_UPDATECHECK", "Off");

        var trace = StartupTrace.FromEnvironment();
        var host = new ConsoleHost();
        using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        runspace.Open();
        trace?.Step("runspace open");
        var manifest = Environment.GetEnvironmentVariable("OSPS_MODULE") ??
                       Path.Combine(AppContext.BaseDirectory, "Module", "OpenStack.PowerShell", "OpenStack.PowerShell.psd1");
        if (!Invoke(runspace, ps => ps.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", "Stop")))
        {
            Console.Error.WriteLine($"osps: cannot import the module from {manifest}");
            return 2;
        }
        trace?.Step("module imported");

        if (args.Length > 0 && args[0] is "-h" or "--help" or "-?")
        {
            Console.WriteLine("usage: osps [script.ps1 [args...]] | -c \"command\" | -i\n  With no arguments: runs examples/quickstart.ps1 against the cloud in OS_* (or clouds.yaml's OS_CLOUD).");
            return 0;
        }
        if (args.Length > 0 && args[0] is "-i" or "--interactive") return Repl(runspace, host);
        bool ok;
        if (args.Length > 0 && args[0] is "-c" or "--command")
        {
            ok = Invoke(runspace, ps => ps.AddScript(string.Join(' ', args.Skip(1))));
        }
        else
        {
            var script = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(AppContext.BaseDirectory, "examples", "quickstart.ps1");
            if (!File.Exists(script))
            {
                Console.Error.WriteLine($"osps: no such script: {script}");
                return 2;
            }
            ok = Invoke(runspace, ps =>
            {
                ps.AddCommand(script);
                foreach (var argument in args.Skip(1)) ps.AddArgument(argument);
            });
        }
        trace?.Step("script run");
        if (host.ExitCode.HasValue) return host.ExitCode.Value;
        if (runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int code && code != 0) return code;
        return ok ? 0 : 1;
    }

    /// <summary>Runs a pipeline with its output and errors rendered by Out-Default, as pwsh shows them.</summary>
    private static bool Invoke(Runspace runspace, Action<System.Management.Automation.PowerShell> build)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = runspace;
        build(ps);
        ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
        ps.AddCommand("Out-Default");
        Console.CancelKeyPress += Stop;
        var lastErrorBefore = LastError(runspace);
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            WriteError(ex.ErrorRecord);
            return false;
        }
        finally
        {
            Console.CancelKeyPress -= Stop;
        }
        // A failed statement inside a script (say, an unknown command in an argument) is recorded in $Error without
        // HadErrors being set, since errors are merged into the output for Out-Default; either counts as a failure.
        return !ps.HadErrors && ReferenceEquals(LastError(runspace), lastErrorBefore);

        void Stop(object? sender, ConsoleCancelEventArgs e)
        {
            // Ctrl+C stops the running pipeline (and the cmdlet's HTTP calls), not the whole host.
            e.Cancel = true;
            ps.BeginStop(null, null);
        }
    }

    /// <summary>$Error[0], the most recent error of the session (the list is capped, so its count cannot be compared).</summary>
    private static object? LastError(Runspace runspace) =>
        runspace.SessionStateProxy.GetVariable("Error") is System.Collections.IList { Count: > 0 } errors ? errors[0] : null;

    private static void WriteError(ErrorRecord record) =>
        Console.Error.WriteLine($"{record.InvocationInfo?.MyCommand?.Name ?? "osps"}: {record.ErrorDetails?.Message ?? record.Exception.Message} [{record.FullyQualifiedErrorId}]");

    private static int Repl(Runspace runspace, ConsoleHost host)
    {
        Console.WriteLine("osps: OpenStack.PowerShell in PowerShell " + typeof(PSObject).Assembly.GetName().Version + ". 'exit' to leave.");
        while (host.ExitCode == null)
        {
            var location = runspace.SessionStateProxy.Path.CurrentLocation;
            Console.Write($"PS {location}> ");
            var line = Console.ReadLine();
            if (line == null || line.Trim() == "exit") break;
            if (line.Trim().Length == 0) continue;
            Invoke(runspace, ps => ps.AddScript(line));
        }
        return host.ExitCode ?? 0;
    }
}
