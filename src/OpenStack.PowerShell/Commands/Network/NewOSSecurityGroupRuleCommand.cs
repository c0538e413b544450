using System.Globalization;
using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Adds a rule to a security group (`openstack security group rule create`): ingress by default, a protocol, a
    /// port or range, where from. A port without a protocol, or a range the wrong way round, is refused before any
    /// request (SecurityGroupRuleProtocolRequired, SecurityGroupRulePortRangeInvalid); the same rule twice is Neutron's
    /// 409 (SecurityGroupRuleExists).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OSSecurityGroupRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = AnyPortSet)]
    [OutputType(typeof(SecurityGroupRule))]
    public sealed class NewOSSecurityGroupRuleCommand : ResourceCmdlet<NetworkClient, SecurityGroupRule>
    {
        private const string AnyPortSet = "AnyPort";
        private const string PortSet = "Port";
        private const string RangeSet = "PortRange";

        /// <summary>The group's name or id; a group object (anything with an Id) binds from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SecurityGroupId")]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? SecurityGroup { get; set; }

        [Parameter]
        [ValidateSet("ingress", "egress")]
        public string Direction { get; set; } = "ingress";

        /// <summary>tcp, udp, icmp, any, or a protocol number 0-255.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Protocol { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PortSet)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>"8000-8080" (or "8000:8080").</summary>
        [Parameter(Mandatory = true, ParameterSetName = RangeSet)]
        [ValidateNotNullOrEmpty]
        public string? PortRange { get; set; }

        /// <summary>Where traffic may come from (ingress) or go to (egress): a CIDR such as 0.0.0.0/0.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RemoteIpPrefix { get; set; }

        /// <summary>Members of this group (name or id) instead of an address range.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? RemoteGroup { get; set; }

        /// <summary>IPv4 or IPv6; taken from -RemoteIpPrefix when not given.</summary>
        [Parameter]
        [ValidateSet("IPv4", "IPv6")]
        public string? EtherType { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        protected override ResourceDescriptor<SecurityGroupRule> Resource => SecurityGroupRules.Resource;

        private int? _min, _max;
        private string? _protocol;

        /// <summary>The checks Neutron would make, made first: nothing is sent (or looked up) for a rule it would refuse.</summary>
        protected override void BeginProcessing()
        {
            _protocol = Protocol == null || Protocol.Equals("any", StringComparison.OrdinalIgnoreCase) ? null : Protocol.ToLowerInvariant();
            if (ParameterSetName == PortSet) _min = _max = Port;
            if (ParameterSetName == RangeSet)
            {
                var parts = PortRange!.Split('-', ':');
                if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min) ||
                    !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) || min > 65535 || max > 65535)
                    ThrowTerminatingError(ErrorRecords.Create("SecurityGroupRulePortRangeInvalid", ErrorCategory.InvalidArgument,
                        $"-PortRange '{PortRange}' is not a range of ports like 8000-8080.", PortRange));
                else if (min > max)
                    ThrowTerminatingError(ErrorRecords.Create("SecurityGroupRulePortRangeInvalid", ErrorCategory.InvalidArgument,
                        $"-PortRange '{PortRange}' goes the wrong way round: the first port must not be above the last.", PortRange));
                else (_min, _max) = (min, max);
            }
            if (_min != null && _protocol == null)
                ThrowTerminatingError(ErrorRecords.Create("SecurityGroupRuleProtocolRequired", ErrorCategory.InvalidArgument,
                    "A port needs a protocol: add -Protocol tcp or -Protocol udp.", ParameterSetName == PortSet ? (object)Port : PortRange));
            if (_min != null && _protocol is not ("tcp" or "udp" or "sctp" or "6" or "17" or "132" or "dccp" or "udplite"))
                ThrowTerminatingError(ErrorRecords.Create("SecurityGroupRulePortRangeInvalid", ErrorCategory.InvalidArgument,
                    $"-Port and -PortRange apply to tcp, udp and sctp, not to {Protocol}.", Protocol));
            if (RemoteIpPrefix != null && RemoteGroup != null)
                ThrowTerminatingError(ErrorRecords.Create("SecurityGroupRuleRemoteConflict", ErrorCategory.InvalidArgument,
                    "Give -RemoteIpPrefix or -RemoteGroup, not both.", RemoteGroup));
        }

        protected override void ProcessRecord()
        {
            ForEachInput(SecurityGroup, () =>
            {
                var group = Run(ct => Client.FindInProjectAsync(SecurityGroup!, CurrentSession.ProjectId, ct));
                var remote = RemoteGroup == null ? null : Run(ct => Client.FindInProjectAsync(RemoteGroup, CurrentSession.ProjectId, ct));
                var options = new CreateSecurityGroupRuleOptions
                {
                    SecurityGroupId = group.Id, Direction = Direction, Protocol = _protocol, PortRangeMin = _min, PortRangeMax = _max,
                    RemoteIpPrefix = RemoteIpPrefix, RemoteGroupId = remote?.Id, Description = Description,
                    EtherType = EtherType ?? (RemoteIpPrefix != null && RemoteIpPrefix.Contains(":") ? "IPv6" : "IPv4"),
                };
                var what = $"{Direction} {_protocol ?? "any"}{(_min == null ? "" : " " + (_min == _max ? $"{_min}" : $"{_min}-{_max}"))} from {RemoteIpPrefix ?? remote?.Name ?? "anywhere"}";
                if (!ShouldProcess($"security group {Describe(group)}", "Add rule " + what)) return;
                try
                {
                    WriteObject(Run(ct => Client.CreateAsync(Resource, options, ct)));
                }
                catch (OpenStackApiException ex) when ((int)ex.StatusCode == 409)
                {
                    var record = ErrorRecords.From(ex, ErrorNoun, group);
                    WriteError(new ErrorRecord(ex, "SecurityGroupRuleExists", ErrorCategory.ResourceExists, group) { ErrorDetails = record.ErrorDetails });
                }
            });
        }
    }
}
