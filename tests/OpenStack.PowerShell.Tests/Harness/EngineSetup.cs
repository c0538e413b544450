using System.Runtime.CompilerServices;

namespace OpenStack.PowerShell.Tests.Harness;

internal static class EngineSetup
{
    /// <summary>
    /// Runs before any engine code: without these the engine writes a telemetry id under ~/.cache and opens
    /// a named pipe per process. Also moves any OS_* variables of the developer's shell aside, so that
    /// tests decide alone what Connect-OpenStack sees (integration tests read them from <see cref="RealCloudEnvironment"/>).
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("POWERSHELL_TELEMETRY_OPTOUT", "1");
        Environment.SetEnvironmentVariable("POWERSHELL_DIAGNOSTICS_OPTOUT", "1");
        Environment.SetEnvironmentVariable("POWERSHELL_UPDATECHECK", "Off");
        foreach (System.Collections.DictionaryEntry pair in Environment.GetEnvironmentVariables())
        {
            var key = (string)pair.Key;
            if (!key.StartsWith("OS_", StringComparison.Ordinal)) continue;
            RealCloudEnvironment.Variables[key] = (string?)pair.Value ?? "";
            Environment.SetEnvironmentVariable(key, null);
        }
    }
}

/// <summary>The OS_* variables the test process started with: a real cloud to run the integration tests against.</summary>
public static class RealCloudEnvironment
{
    public static Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public static bool IsSet => Variables.ContainsKey("OS_AUTH_URL") || Variables.ContainsKey("OS_CLOUD");
}
