using OpenStack.Client.Auth;
using OpenStack.Client.Config;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// What Connect-OpenStack reads before its parameters: a clouds.yaml cloud (-Cloud, else OS_CLOUD unless
    /// -AuthUrl is given), else the OS_* variables. Connecting on first use reads exactly this, with no parameters.
    /// </summary>
    internal static class EnvironmentConnection
    {
        public static CloudSettings Settings(string? cloud, bool authUrlGiven, string currentDirectory, Action<string> verbose)
        {
            var name = cloud ?? (authUrlGiven ? null : Environment.GetEnvironmentVariable("OS_CLOUD"));
            if (string.IsNullOrEmpty(name)) return CloudSettings.FromProcessEnvironment();
            verbose($"Reading cloud '{name}' from clouds.yaml.");
            return CloudsYaml.Load(name!, currentDirectory);
        }

        /// <summary>The options of `Connect-OpenStack` with no arguments; throws CloudConfigException or ArgumentException as it would.</summary>
        public static AuthOptions Options(string currentDirectory, Action<string> verbose)
        {
            var options = Settings(null, false, currentDirectory, verbose).ToAuthOptions();
            CheckCompleteness(options);
            options.Validate();
            return options;
        }

        /// <summary>The checks Connect-OpenStack makes after its parameters are applied.</summary>
        public static void CheckCompleteness(AuthOptions options)
        {
            if (options.Transport.CACertificatePath != null && !System.IO.File.Exists(options.Transport.CACertificatePath))
                throw new ArgumentException($"The CA certificate file '{options.Transport.CACertificatePath}' does not exist.");
            if (options.AuthUrl == null) throw new ArgumentException("No auth URL: pass -AuthUrl or -Cloud, or set OS_AUTH_URL or OS_CLOUD.");
        }

        /// <summary>Whether OS_CLOUD or OS_AUTH_URL is set: the condition for connecting on first use.</summary>
        public static bool NamesACloud =>
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OS_CLOUD")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OS_AUTH_URL"));

        /// <summary>Where the settings come from, for -Verbose ("OS_CLOUD 'devstack'", "the OS_* variables").</summary>
        public static string Source =>
            Environment.GetEnvironmentVariable("OS_CLOUD") is string cloud && cloud.Length > 0 ? $"OS_CLOUD '{cloud}' (clouds.yaml)" : "the OS_* variables";
    }
}
