using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Adds security groups to servers (`openstack server add security group`): Nova applies each to every port of
    /// the server. A group the server already has is Nova's 400 (ServerSecurityGroupAlreadyAssociated).
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "OSServerSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Server))]
    public sealed class AddOSServerSecurityGroupCommand : ServerSecurityGroupCmdlet
    {
        public AddOSServerSecurityGroupCommand() : base(add: true) { }
    }
}
