using System.Management.Automation;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Completers;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Lists subnets (`openstack subnet list`) or gets them by id; -Network filters by network.</summary>
    [Cmdlet(VerbsCommon.Get, "OSSubnet", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Subnet))]
    public sealed class GetOSSubnetCommand : NeutronCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SubnetNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Only the subnets of this network (name or id).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Network { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("4", "6")]
        public string? IpVersion { get; set; }

        protected override string ErrorNoun => "Subnet";

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            foreach (var id in Id!)
            {
                ForEachInput(id, () => WriteObject(Run(ct => Client.GetSubnetAsync(id, ct))));
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet) return;
            string? networkId = null;
            if (Network != null)
            {
                try
                {
                    networkId = FindNetwork(Network).Id;
                }
                catch (System.Exception ex) when (IsReportable(ex))
                {
                    WriteFailure(ex, Network);
                    return;
                }
            }
            WriteMatching("subnet", Name, (name, ct) => Client.ListSubnets(new ListSubnetsOptions
            {
                Name = name,
                NetworkId = networkId,
                IpVersion = IpVersion == null ? (int?)null : int.Parse(IpVersion, System.Globalization.CultureInfo.InvariantCulture),
                Limit = 1000,
            }, ct), Client.GetSubnetAsync, s => s.Name, s => s.Id);
        }
    }
}
