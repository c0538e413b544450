using System.Threading;
using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>Completes security group names and ids.</summary>
    public sealed class SecurityGroupNameCompleter : NeutronNameCompleter
    {
        private protected override IEnumerable<(string Id, string? Name)> List(NetworkClient client, CancellationToken cancellationToken) =>
            (client.List(SecurityGroups.Resource, new ListSecurityGroupsOptions { Limit = 1000 }, cancellationToken).NextPageAsync().GetAwaiter().GetResult()
             ?? new List<SecurityGroup>()).Select(g => (g.Id, g.Name));
    }
}
