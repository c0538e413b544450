using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Renames or redescribes security groups (`openstack security group set`); a name resolves in the session's project first.</summary>
    [Cmdlet(VerbsCommon.Set, "OSSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecurityGroup))]
    public sealed class SetOSSecurityGroupCommand : SetResourceCmdlet<NetworkClient, SecurityGroup>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? SecurityGroup { get => Targets; set => Targets = value; }

        [Parameter] public SwitchParameter Stateful { get; set; }

        protected override ResourceDescriptor<SecurityGroup> Resource => SecurityGroups.Resource;

        protected override string[] ChangeParameters => new[] { nameof(Name), nameof(Description), nameof(Stateful) };

        protected override RequestOptions Changes() => new UpdateSecurityGroupOptions
        {
            Name = Name, Description = Description, Stateful = Bound(nameof(Stateful), Stateful),
        };

        protected override IReadOnlyList<SecurityGroup> PickTargets(string target) =>
            Run(ct => Client.PickSecurityGroupsAsync(target, CurrentSession.ProjectId, SecurityGroupTargets.Pattern(target), ct));
    }
}
