using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>How the security group cmdlets pick their groups: wildcards match names, a name resolves in the session's project first.</summary>
    internal static class SecurityGroupTargets
    {
        public static System.Func<string?, bool>? Pattern(string target)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(target)) return null;
            var pattern = new WildcardPattern(target, WildcardOptions.IgnoreCase);
            return name => name != null && pattern.IsMatch(name);
        }
    }
}
