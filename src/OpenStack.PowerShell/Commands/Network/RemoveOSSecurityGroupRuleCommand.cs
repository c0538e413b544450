using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Deletes security group rules by id or piped rule (`openstack security group rule delete`).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSSecurityGroupRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSSecurityGroupRuleCommand : RemoveResourceCmdlet<NetworkClient, SecurityGroupRule>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get => Targets; set => Targets = value; }

        protected override ResourceDescriptor<SecurityGroupRule> Resource => SecurityGroupRules.Resource;
    }
}
