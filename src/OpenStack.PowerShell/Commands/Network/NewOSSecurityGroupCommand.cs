using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Creates a security group (`openstack security group create`); Neutron gives it the two egress rules every new group has.</summary>
    [Cmdlet(VerbsCommon.New, "OSSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SecurityGroup))]
    public sealed class NewOSSecurityGroupCommand : NewResourceCmdlet<NetworkClient, SecurityGroup>
    {
        /// <summary>-Stateful:$false makes a stateless group (Neutron's default is stateful).</summary>
        [Parameter] public SwitchParameter Stateful { get; set; }

        protected override ResourceDescriptor<SecurityGroup> Resource => SecurityGroups.Resource;

        protected override RequestOptions CreateOptions(string name) =>
            new CreateSecurityGroupOptions { Name = name, Description = Description, Stateful = Bound(nameof(Stateful), Stateful) };
    }
}
