using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Adds security groups to servers (`openstack server add security group`): Nova applies each to every port of
    /// the server. A group the server already has is Nova's 400 (ServerSecurityGroupAlreadyAssociated).
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "OSServerSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameOrIdSet)]
    [OutputType(typeof(Server))]
    public sealed class AddOSServerSecurityGroupCommand : ServerSecurityGroupCmdlet
    {
        protected override string Doing => "Add security group";

        protected override Task Send(string serverId, string groupId, CancellationToken cancellationToken) =>
            Compute.AddSecurityGroupAsync(serverId, groupId, cancellationToken);

        // Nova passes on Neutron's words: "Invalid input for security_groups. Reason: Duplicate items in the list: '<id>'."
        protected override (string Id, ErrorCategory Category)? Refusal(OpenStackApiException ex) =>
            (int)ex.StatusCode == 400 && ex.Message.Contains("Duplicate items in the list")
                ? ("ServerSecurityGroupAlreadyAssociated", ErrorCategory.ResourceExists) : null;
    }
}
