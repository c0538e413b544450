using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
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
            var directory = System.Management.Automation.Runspaces.Runspace.DefaultRunspace?.SessionStateProxy.Path.CurrentFileSystemLocation.ProviderPath
                            ?? System.IO.Directory.GetCurrentDirectory();
            return CloudsYaml.CloudNames(directory).Where(pattern.IsMatch).Select(n => new CompletionResult(Quote(n), n, CompletionResultType.ParameterValue, n));
        }

        internal static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '|', '@', '#' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
    }
}
