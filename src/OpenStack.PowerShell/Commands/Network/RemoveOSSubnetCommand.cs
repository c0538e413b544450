using System.Management.Automation;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Deletes subnets (`openstack subnet delete`); Neutron refuses (409) while a port has an address on one.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSSubnet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSSubnetCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(Completers.SubnetNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Subnet { get; set; }

        protected override string ErrorNoun => "Subnet";

        protected override void ProcessRecord()
        {
            foreach (var nameOrId in Subnet!)
            {
                ForEachInput(nameOrId, () =>
                {
                    var subnet = FindSubnet(nameOrId);
                    if (!ShouldProcess(Describe(subnet.Name, subnet.Id), "Delete subnet")) return;
                    Run(ct => Client.DeleteSubnetAsync(subnet.Id, ct));
                    WriteVerbose($"Deleted subnet {Describe(subnet.Name, subnet.Id)}.");
                });
            }
        }
    }
}
