using System.Collections;
using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Creates a port on a network (`openstack port create`): addresses in given subnets, its security groups (or none),
    /// port security off. The network may come from the pipeline: <c>Get-OSNetwork n | New-OSPort -Name p</c>.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OSPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PortParameters.SecurityGroupSet)]
    [OutputType(typeof(Port))]
    public sealed class NewOSPortCommand : ResourceCmdlet<NetworkClient, Port>
    {
        private IReadOnlyList<FixedIpRequest> _fixedIps = new FixedIpRequest[0];
        private List<string>? _groupIds;

        /// <summary>The network's name or id; a network object (or anything with an Id) binds from the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "NetworkId")]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Network { get; set; }

        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        /// <summary>Addresses: @{ Subnet = 'sub1'; IpAddress = '10.0.0.5' }, either key alone; the subnet is looked up in the network.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Hashtable[]? FixedIp { get; set; }

        /// <summary>Names, ids or objects; a name resolves in the session's project first. None: the project's default group.</summary>
        [Parameter(ParameterSetName = PortParameters.SecurityGroupSet)]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public object[]? SecurityGroup { get; set; }

        /// <summary>No security group at all (not even default).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PortParameters.NoSecurityGroupSet)]
        public SwitchParameter NoSecurityGroup { get; set; }

        /// <summary>Turns port security off: no groups and no anti-spoofing rules (Neutron then gives the port no group).</summary>
        [Parameter] public SwitchParameter DisablePortSecurity { get; set; }

        /// <summary>Unset: Neutron makes one.</summary>
        [Parameter]
        [ValidatePattern("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$")]
        public string? MacAddress { get; set; }

        protected override ResourceDescriptor<Port> Resource => Ports.Resource;

        protected override void BeginProcessing()
        {
            _fixedIps = PortParameters.Check(DisablePortSecurity, SecurityGroup, FixedIp, out var error);
            if (error != null) ThrowTerminatingError(error);
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            ForEachInput(Network, () =>
            {
                var network = Find(Networks.Resource, Network!);
                var options = new CreatePortOptions
                {
                    NetworkId = network.Id, Name = Name, Description = Description, MacAddress = MacAddress,
                    SecurityGroups = NoSecurityGroup ? new List<string>() : SecurityGroup == null ? null : _groupIds ??= PortParameters.GroupIds(SecurityGroup, FindGroup),
                    PortSecurityEnabled = DisablePortSecurity ? false : (bool?)null,
                };
                foreach (var ip in PortParameters.Resolve(_fixedIps, network.Id, (subnet, scope) => Find(Subnets.Resource, subnet, scope))) options.FixedIps.Add(ip);
                if (!ShouldProcess($"{Name ?? "(no name)"} on network {Describe(network)}", "Create port")) return;
                try
                {
                    WriteObject(Run(ct => Client.CreateAsync(Resource, options, ct)));
                }
                catch (OpenStackApiException ex) when (PortParameters.Refusal(ex, network) is { } refusal)
                {
                    WriteError(refusal);
                }
            });
        }

        private SecurityGroup FindGroup(string nameOrId) => Run(ct => Client.FindInProjectAsync(nameOrId, CurrentSession.ProjectId, ct));
    }
}
