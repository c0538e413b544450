using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Deletes security groups (`openstack security group delete`). A name resolves in the session's project first.
    /// Neutron refuses a group a port uses (SecurityGroupInUse) and, to members, a project's "default" group
    /// (SecurityGroupDefaultNotRemovable).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSSecurityGroupCommand : RemoveResourceCmdlet<NetworkClient, SecurityGroup>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? SecurityGroup { get => Targets; set => Targets = value; }

        protected override ResourceDescriptor<SecurityGroup> Resource => SecurityGroups.Resource;

        protected override IReadOnlyList<SecurityGroup> PickTargets(string target) =>
            Run(ct => Client.PickSecurityGroupsAsync(target, CurrentSession.ProjectId, SecurityGroupTargets.Pattern(target), ct));

        protected override bool Delete(SecurityGroup group)
        {
            try
            {
                return base.Delete(group);
            }
            catch (ResourceInUseException ex) when (ex.Message.Contains("default security group"))
            {
                // Neutron says 409 for both; only the message tells "in use" from "members may not remove default".
                var record = ErrorRecords.From(ex, ErrorNoun, group);
                WriteError(new ErrorRecord(ex, "SecurityGroupDefaultNotRemovable", ErrorCategory.PermissionDenied, group) { ErrorDetails = record.ErrorDetails });
                return false;
            }
        }
    }
}
