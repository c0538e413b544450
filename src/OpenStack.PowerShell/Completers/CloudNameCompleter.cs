using System.Collections;
using System.Management.Automation.Language;
using OpenStack.Client.Config;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>Completes -Cloud from the clouds in clouds.yaml.</summary>
    public sealed class CloudNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            // Relative to the PowerShell location, as Connect-OpenStack reads it, not the process's directory.
            return CloudsYaml.CloudNames(CurrentLocation()).Where(pattern.IsMatch).Select(n => new CompletionResult(Quote(n), n, CompletionResultType.ParameterValue, n));
        }

        /// <summary>
        /// The runspace's file-system location. Completers run on the pipeline thread while a pipeline is running,
        /// where Runspace.SessionStateProxy refuses to work; a script block runs in that same session state.
        /// </summary>
        internal static string CurrentLocation()
        {
            try
            {
                var result = ScriptBlock.Create("$ExecutionContext.SessionState.Path.CurrentFileSystemLocation.ProviderPath").Invoke();
                if (result.Count == 1 && result[0]?.BaseObject is string path) return path;
            }
            catch (RuntimeException)
            {
                // No usable runspace on this thread: fall back to the process's directory.
            }
            return System.IO.Directory.GetCurrentDirectory();
        }

        internal static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '|', '@', '#' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
    }
}
