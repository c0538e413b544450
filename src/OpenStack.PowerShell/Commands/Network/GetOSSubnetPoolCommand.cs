using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Lists subnet pools (`openstack subnet pool list`) or gets them by name, id or wildcard.</summary>
    [Cmdlet(VerbsCommon.Get, "OSSubnetPool", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(SubnetPool))]
    public sealed class GetOSSubnetPoolCommand : GetNamedResourceCmdlet<NetworkClient, SubnetPool>
    {
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("4", "6")]
        public string? IpVersion { get; set; }

        /// <summary>-Shared: only pools every project may use; -Shared:$false only those that are not.</summary>
        [Parameter(ParameterSetName = ListSet)] public SwitchParameter Shared { get; set; }

        protected override ResourceDescriptor<SubnetPool> Resource => SubnetPools.Resource;

        protected override ListOptions Filters() => new ListSubnetPoolsOptions
        {
            IpVersion = IpVersion == null ? (int?)null : int.Parse(IpVersion, System.Globalization.CultureInfo.InvariantCulture),
            Shared = Bound(nameof(Shared), Shared),
            Limit = 1000,
        };
    }
}
