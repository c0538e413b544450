using System.Collections;
using System.Management.Automation.Language;
using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>Completes from a fixed list (PowerShell 5.1 has no ArgumentCompletions attribute).</summary>
    public abstract class ListCompleter : IArgumentCompleter
    {
        protected abstract IEnumerable<string> Values { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return Values.Where(pattern.IsMatch).Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
        }
    }

    public sealed class DiskFormatCompleter : ListCompleter
    {
        protected override IEnumerable<string> Values => CreateImageOptions.DiskFormats;
    }

    public sealed class ContainerFormatCompleter : ListCompleter
    {
        protected override IEnumerable<string> Values => CreateImageOptions.ContainerFormats;
    }
}
