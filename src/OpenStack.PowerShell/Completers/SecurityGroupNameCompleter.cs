using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>Completes security group names and ids.</summary>
    public sealed class SecurityGroupNameCompleter : NeutronNameCompleter<SecurityGroup>
    {
        private protected override ResourceDescriptor<SecurityGroup> Resource => SecurityGroups.Resource;
    }
}
