using System.Diagnostics;

namespace OpenStack.PowerShell.Host;

/// <summary>
/// OSPS_TRACE=1: where a cold start goes (issue 15). Each step prints to stderr the time since the process started and
/// the methods the runtime JIT-compiled during the step (a count that does not depend on how loaded the machine is).
/// </summary>
internal sealed class StartupTrace
{
    private readonly DateTime _processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private long _methods;
    private TimeSpan _jit;

    private StartupTrace() => Step("main");

    public static StartupTrace? FromEnvironment() => Environment.GetEnvironmentVariable("OSPS_TRACE") is { Length: > 0 } and not "0" ? new StartupTrace() : null;

    public void Step(string name)
    {
        long methods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        Console.Error.WriteLine($"osps trace: {name,-16} at {(DateTime.UtcNow - _processStart).TotalMilliseconds,6:0} ms  jit +{methods - _methods} methods, +{(jit - _jit).TotalMilliseconds:0} ms");
        _methods = methods;
        _jit = jit;
    }
}
