using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Lists security groups (`openstack security group list`) or gets them by name, id or wildcard; -Project narrows an admin's list.</summary>
    [Cmdlet(VerbsCommon.Get, "OSSecurityGroup", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(SecurityGroup))]
    public sealed class GetOSSecurityGroupCommand : GetNamedResourceCmdlet<NetworkClient, SecurityGroup>
    {
        /// <summary>Only the groups of this project (id), for admins who see every project's.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        protected override ResourceDescriptor<SecurityGroup> Resource => SecurityGroups.Resource;

        protected override ListOptions Filters() => new ListSecurityGroupsOptions { ProjectId = ProjectId, Limit = 1000 };
    }
}
