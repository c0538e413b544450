namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// Whether a cmdlet wants the client's HTTP trace: under -Debug (or $DebugPreference), or when the
    /// OSPS_DEBUG variable is 1/true for runbooks, whose debug stream is often not shown. Without -Debug,
    /// OSPS_DEBUG sends the lines to standard error, as `openstack --debug` does with its log.
    /// </summary>
    internal static class HttpTrace
    {
        public const string EnvironmentSwitch = "OSPS_DEBUG";

        public static bool IsWanted(PSCmdlet cmdlet) => DebugIsOn(cmdlet) || SwitchIsOn;

        public static bool SwitchIsOn =>
            Environment.GetEnvironmentVariable(EnvironmentSwitch) is string v &&
            (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase));

        public static bool DebugIsOn(PSCmdlet cmdlet)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Debug", out var debug))
                return debug is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(debug);
            var preference = cmdlet.SessionState?.PSVariable.GetValue("DebugPreference");
            return preference is ActionPreference p ? p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore
                : preference != null && !string.Equals(preference.ToString(), "SilentlyContinue", StringComparison.OrdinalIgnoreCase) && !string.Equals(preference.ToString(), "Ignore", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Whether to hand a Verbose line to PowerShell at all. -Debug without -Verbose turns a cmdlet's Verbose
        /// preference into Inquire (a prompt per line, an error in pwsh -NonInteractive): then the lines are
        /// dropped, the trace saying more anyway. Otherwise PowerShell decides ($VerbosePreference, -Verbose).
        /// </summary>
        public static bool VerboseIsOn(PSCmdlet cmdlet)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            if (bound.TryGetValue("Verbose", out var verbose)) return verbose is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(verbose);
            return !(bound.TryGetValue("Debug", out var debug) && (debug is SwitchParameter d ? d.IsPresent : LanguagePrimitives.IsTrue(debug)));
        }

        public static void WriteToStandardError(string line)
        {
            try
            {
                Console.Error.WriteLine("OSPS DEBUG: " + line);
            }
            catch (System.IO.IOException)
            {
                // A closed standard error must not fail the cmdlet over a trace line.
            }
        }
    }
}
