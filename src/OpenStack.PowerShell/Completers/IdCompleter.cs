using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>
    /// Completes the -Id parameters with the ids of the cmdlet's own resource (the name shows as the tooltip):
    /// Get-OSNetwork -Id lists network ids, Invoke-OSServerAction -Id server ids. The noun picks the list.
    /// </summary>
    public sealed class IdCompleter : IArgumentCompleter
    {
        // Longest noun first, so that OSServerAction is a server and OSSubnet is not taken for something shorter.
        private static readonly (string Noun, Func<CachedNameCompleter> Completer)[] ByNoun =
        {
            ("OSImage", () => new ImageNameCompleter()),
            ("OSServer", () => new ServerNameCompleter()),
            ("OSFlavor", () => new FlavorNameCompleter()),
            ("OSNetwork", () => new NetworkNameCompleter()),
            ("OSSubnet", () => new SubnetNameCompleter()),
            ("OSRouter", () => new RouterNameCompleter()),
            ("OSProject", () => new ProjectNameCompleter()),
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var completer = For(commandName);
            return completer == null ? Enumerable.Empty<CompletionResult>() : completer.Complete(wordToComplete, fakeBoundParameters, names: false);
        }

        internal static CachedNameCompleter? For(string? commandName)
        {
            var dash = commandName?.IndexOf('-') ?? -1;
            if (dash < 0) return null;
            var noun = commandName!.Substring(dash + 1);
            return ByNoun.Where(e => noun.StartsWith(e.Noun, StringComparison.OrdinalIgnoreCase)).OrderByDescending(e => e.Noun.Length)
                .Select(e => e.Completer()).FirstOrDefault();
        }
    }
}
