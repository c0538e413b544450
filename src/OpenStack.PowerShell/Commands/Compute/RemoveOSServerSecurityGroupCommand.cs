using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Removes security groups from servers (`openstack server remove security group`), from every port of the
    /// server. A group the server does not have is Nova's 404 (ServerSecurityGroupNotAssociated).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSServerSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameOrIdSet)]
    [OutputType(typeof(Server))]
    public sealed class RemoveOSServerSecurityGroupCommand : ServerSecurityGroupCmdlet
    {
        protected override string Doing => "Remove security group";

        protected override Task Send(string serverId, string groupId, CancellationToken cancellationToken) =>
            Compute.RemoveSecurityGroupAsync(serverId, groupId, cancellationToken);

        // "Security group <name or id> not associated with the instance <id>"
        protected override (string Id, ErrorCategory Category)? Refusal(OpenStackApiException ex) =>
            (int)ex.StatusCode == 404 && ex.Message.Contains("not associated with the instance")
                ? ("ServerSecurityGroupNotAssociated", ErrorCategory.ObjectNotFound) : null;
    }
}
