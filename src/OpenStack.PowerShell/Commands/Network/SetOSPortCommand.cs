using System.Collections;
using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Changes ports (`openstack port set`) with one PUT each: name, description, the whole list of addresses, the whole
    /// list of security groups (or none), port security on or off. <c>Get-OSPort p* | Set-OSPort -NoSecurityGroup</c>.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OSPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PortParameters.SecurityGroupSet)]
    [OutputType(typeof(Port))]
    public sealed class SetOSPortCommand : SetResourceCmdlet<NetworkClient, Port>
    {
        private IReadOnlyList<FixedIpRequest> _fixedIps = new FixedIpRequest[0];
        private List<string>? _groupIds;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(PortNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Port { get => Targets; set => Targets = value; }

        /// <summary>The port's new addresses, all of them (Neutron releases those left out): @{ Subnet = 'sub1'; IpAddress = '10.0.0.6' }.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Hashtable[]? FixedIp { get; set; }

        /// <summary>The port's new security groups, all of them (names, ids or objects; a name resolves in the session's project first).</summary>
        [Parameter(ParameterSetName = PortParameters.SecurityGroupSet)]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public object[]? SecurityGroup { get; set; }

        /// <summary>Removes every security group from the port.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PortParameters.NoSecurityGroupSet)]
        public SwitchParameter NoSecurityGroup { get; set; }

        /// <summary>Turns port security off; a port with groups needs -NoSecurityGroup too (Neutron refuses it otherwise).</summary>
        [Parameter] public SwitchParameter DisablePortSecurity { get; set; }

        [Parameter] public SwitchParameter EnablePortSecurity { get; set; }

        protected override ResourceDescriptor<Port> Resource => Ports.Resource;

        protected override string[] ChangeParameters => new[]
        {
            nameof(Name), nameof(Description), nameof(FixedIp), nameof(SecurityGroup), nameof(NoSecurityGroup), nameof(DisablePortSecurity), nameof(EnablePortSecurity),
        };

        protected override void BeginProcessing()
        {
            if (DisablePortSecurity && EnablePortSecurity)
                ThrowTerminatingError(ErrorRecords.Create("PortSecurityConflict", ErrorCategory.InvalidArgument,
                    "Give -DisablePortSecurity or -EnablePortSecurity, not both.", null));
            _fixedIps = PortParameters.Check(DisablePortSecurity, SecurityGroup, FixedIp, out var error);
            if (error != null) ThrowTerminatingError(error);
            base.BeginProcessing();
        }

        protected override RequestOptions Changes() => new UpdatePortOptions
        {
            Name = Name,
            Description = Description,
            SecurityGroups = NoSecurityGroup ? new List<string>() : SecurityGroup == null ? null
                : _groupIds ??= PortParameters.GroupIds(SecurityGroup, g => Run(ct => Client.FindInProjectAsync(g, CurrentSession.ProjectId, ct))),
            PortSecurityEnabled = DisablePortSecurity ? false : EnablePortSecurity ? true : (bool?)null,
        };

        /// <summary>The addresses' subnets are looked up in this port's network; Neutron's refusals are read as the port's.</summary>
        protected override Port? Update(Port port)
        {
            var changes = (UpdatePortOptions)Changes();
            if (FixedIp != null) changes.FixedIps = PortParameters.Resolve(_fixedIps, port.NetworkId, (subnet, scope) => Find(Subnets.Resource, subnet, scope));
            try
            {
                return Run(ct => Client.UpdateAsync(Resource, port.Id, changes, ct));
            }
            catch (OpenStackApiException ex) when (PortParameters.Refusal(ex, port) is { } refusal)
            {
                WriteError(refusal);
                return null;
            }
        }
    }
}
