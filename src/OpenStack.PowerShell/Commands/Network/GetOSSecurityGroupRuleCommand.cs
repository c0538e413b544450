using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Lists security group rules (`openstack security group rule list [group]`), or gets them by id. -SecurityGroup
    /// (a name, id or object; a group piped in) lists that group's rules.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSSecurityGroupRule", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(SecurityGroupRule))]
    public sealed class GetOSSecurityGroupRuleCommand : GetResourceCmdlet<NetworkClient, SecurityGroupRule>
    {
        private string? _groupId;

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? SecurityGroup { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("ingress", "egress")]
        public string? Direction { get; set; }

        protected override ResourceDescriptor<SecurityGroupRule> Resource => SecurityGroupRules.Resource;

        protected override string[]? Names => null;

        protected override bool BeforeListing()
        {
            if (SecurityGroup == null || _groupId != null) return true;
            ForEachInput(SecurityGroup, () => _groupId = Run(ct => Client.FindInProjectAsync(SecurityGroup, CurrentSession.ProjectId, ct)).Id);
            return _groupId != null;
        }

        protected override ListOptions Filters() => new ListSecurityGroupRulesOptions { SecurityGroupId = _groupId, Direction = Direction, Limit = 1000 };

        protected override ListOptions? ScopeFor(object input) =>
            input is Client.Network.V2.SecurityGroup group ? new ListSecurityGroupRulesOptions { SecurityGroupId = group.Id, Direction = Direction, Limit = 1000 } : null;
    }
}
