using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Removes security groups from servers (`openstack server remove security group`), from every port of the
    /// server. A group the server does not have is Nova's 404 (ServerSecurityGroupNotAssociated).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSServerSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Server))]
    public sealed class RemoveOSServerSecurityGroupCommand : ServerSecurityGroupCmdlet
    {
        public RemoveOSServerSecurityGroupCommand() : base(add: false) { }
    }
}
