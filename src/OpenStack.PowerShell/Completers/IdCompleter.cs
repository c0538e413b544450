using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation.Language;
using System.Reflection;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>
    /// Completes the -Id parameters with the ids of the cmdlet's own resource (the name shows as the tooltip):
    /// Get-OSNetwork -Id lists network ids, Invoke-OSServerAction -Id server ids. The cmdlet's name completer
    /// picks the list (that of its -Name, or of the parameter its noun starts with); else the noun table below.
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
            ("OSKeypair", () => new KeypairNameCompleter()),
            ("OSSecurityGroup", () => new SecurityGroupNameCompleter()),
            ("OSPort", () => new PortNameCompleter()),
            ("OSSubnetPool", () => new SubnetPoolNameCompleter()),
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
            return FromNameParameter(commandName, noun) ??
                   ByNoun.Where(e => noun.StartsWith(e.Noun, StringComparison.OrdinalIgnoreCase)).OrderByDescending(e => e.Noun.Length)
                       .Select(e => e.Completer()).FirstOrDefault();
        }

        // The cmdlet's own name completer: that of its -Name, else of the parameter its noun starts with (-Server of
        // Invoke-OSServerAction). A resource added later completes its ids with no row in the table above.
        private static readonly ConcurrentDictionary<string, Type?> CompleterOfCommand = new ConcurrentDictionary<string, Type?>(StringComparer.OrdinalIgnoreCase);

        private static CachedNameCompleter? FromNameParameter(string commandName, string noun)
        {
            var type = CompleterOfCommand.GetOrAdd(commandName, _ =>
            {
                var cmdlet = typeof(IdCompleter).Assembly.GetTypes().FirstOrDefault(t =>
                    t.GetCustomAttribute<CmdletAttribute>() is { } a && string.Equals(a.VerbName + "-" + a.NounName, commandName, StringComparison.OrdinalIgnoreCase));
                if (cmdlet == null) return null;
                var completers = cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Select(p => (p.Name, Type: p.GetCustomAttribute<ArgumentCompleterAttribute>()?.Type))
                    .Where(p => p.Type != null && typeof(CachedNameCompleter).IsAssignableFrom(p.Type)).ToList();
                var bare = noun.StartsWith("OS", StringComparison.Ordinal) ? noun.Substring(2) : noun;
                return completers.FirstOrDefault(p => p.Name == "Name").Type ??
                       completers.Where(p => bare.StartsWith(p.Name, StringComparison.OrdinalIgnoreCase)).OrderByDescending(p => p.Name.Length).Select(p => p.Type).FirstOrDefault();
            });
            return type == null ? null : (CachedNameCompleter?)Activator.CreateInstance(type);
        }
    }

    /// <summary>
    /// Completes the -Name that <see cref="Infrastructure.GetNamedResourceCmdlet{TClient,T}"/> declares for every Get:
    /// the names of the command's own noun, from the same table as -Id.
    /// </summary>
    public sealed class NameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var completer = IdCompleter.For(commandName);
            return completer == null ? Enumerable.Empty<CompletionResult>() : completer.Complete(wordToComplete, fakeBoundParameters, names: true);
        }
    }
}
