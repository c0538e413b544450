using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;

namespace OpenStack.PowerShell.Tests.Harness;

/// <summary>
/// One runspace of the real engine with the staged module imported through its manifest, as a user's
/// `Import-Module` would. <see cref="Run"/> executes script text and hands back every stream.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    public static string ModuleManifest { get; } =
        Path.Combine(AppContext.BaseDirectory, "Module", "OpenStack.PowerShell", "OpenStack.PowerShell.psd1");

    private readonly Runspace _runspace;

    public PowerShellSession()
    {
        Host = new TestHost();
        _runspace = RunspaceFactory.CreateRunspace(Host, InitialSessionState.CreateDefault2());
        _runspace.Open();
        var import = Run($"Import-Module '{ModuleManifest}' -ErrorAction Stop");
        if (import.Errors.Count > 0) throw new InvalidOperationException("Import failed: " + import.Errors[0]);
    }

    public TestHost Host { get; }
    public Runspace Runspace => _runspace;

    /// <summary>Set-Location, which the hosted engine lacks: Connect-OpenStack reads clouds.yaml relative to it.</summary>
    public void SetLocation(string path) => _runspace.SessionStateProxy.Path.SetLocation(path);

    public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    public RunResult Run(string script, Dictionary<string, object?>? variables = null)
    {
        if (variables != null)
        {
            foreach (var pair in variables) SetVariable(pair.Key, pair.Value);
        }
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        var result = new RunResult();
        try
        {
            foreach (var item in ps.Invoke()) result.Output.Add(item?.BaseObject);
        }
        catch (RuntimeException ex)
        {
            // A terminating error: it reaches a script as an ErrorRecord too.
            result.Errors.Add(ex.ErrorRecord);
            result.Terminated = true;
        }
        result.Errors.AddRange(ps.Streams.Error);
        result.Warnings.AddRange(ps.Streams.Warning.Select(w => w.Message));
        result.Verbose.AddRange(ps.Streams.Verbose.Select(v => v.Message));
        result.Debug.AddRange(ps.Streams.Debug.Select(d => d.Message));
        result.Information.AddRange(ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? ""));
        result.Progress.AddRange(ps.Streams.Progress);
        return result;
    }

    /// <summary>Runs a script and renders its output through the module's views, as an interactive user sees it.</summary>
    public string RunFormatted(string script)
    {
        var before = Host.Ui.Text.Length;
        var result = Run(script + " | Out-Default");
        if (result.Errors.Count > 0) throw new InvalidOperationException("Script failed: " + result.Errors[0]);
        return Host.Ui.Text.Substring(before);
    }

    /// <summary>What tab completion offers at the end of <paramref name="input"/>.</summary>
    public List<string> Complete(string input)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        return CommandCompletion.CompleteInput(input, input.Length, null, ps).CompletionMatches.Select(m => m.CompletionText).ToList();
    }

    public static PSCredential Credential(string user, string password) => new(user, Secure(password));

    public static SecureString Secure(string value)
    {
        var secure = new SecureString();
        foreach (var c in value) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public void Dispose() => _runspace.Dispose();
}

public sealed class RunResult
{
    public List<object?> Output { get; } = new();
    public List<ErrorRecord> Errors { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<string> Debug { get; } = new();
    public List<string> Information { get; } = new();
    public List<ProgressRecord> Progress { get; } = new();
    public bool Terminated { get; set; }

    public IEnumerable<T> OfType<T>() => Output.OfType<T>();

    public T Single<T>()
    {
        if (Errors.Count > 0) throw new Xunit.Sdk.XunitException("Unexpected error: " + Errors[0].FullyQualifiedErrorId + ": " + Errors[0]);
        return Assert.Single(Output.OfType<T>());
    }

    public void AssertNoErrors()
    {
        if (Errors.Count > 0) throw new Xunit.Sdk.XunitException("Unexpected error: " + Errors[0].FullyQualifiedErrorId + ": " + Errors[0]);
    }

    /// <summary>Asserts exactly one error and returns it; ids are compared without the ",Cmdlet" suffix.</summary>
    public ErrorRecord SingleError(string errorId)
    {
        var error = Assert.Single(Errors);
        Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
        return error;
    }

    /// <summary>Every piece of text any stream carried: what a secret must never appear in.</summary>
    public string AllText()
    {
        var parts = new List<string>();
        parts.AddRange(Output.Select(o => o?.ToString() ?? ""));
        parts.AddRange(Errors.Select(e => e.ToString() + " " + e.Exception + " " + e.ErrorDetails?.Message + " " + e.TargetObject));
        parts.AddRange(Warnings);
        parts.AddRange(Verbose);
        parts.AddRange(Debug);
        parts.AddRange(Information);
        parts.AddRange(Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation));
        return string.Join("\n", parts);
    }
}
