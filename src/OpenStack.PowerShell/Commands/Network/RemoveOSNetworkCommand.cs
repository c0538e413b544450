using System.Management.Automation;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Deletes networks (`openstack network delete`). Neutron deletes their subnets too, and refuses
    /// (NetworkInUse, from 409 NetworkInUse) while any port, such as a router interface, is on them.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSNetworkCommand : NeutronCmdlet
    {
        /// <summary>Names or ids; objects with an Id property bind from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(Completers.NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Network { get; set; }

        protected override string ErrorNoun => "Network";

        protected override void ProcessRecord()
        {
            foreach (var nameOrId in Network!)
            {
                ForEachInput(nameOrId, () =>
                {
                    var network = FindNetwork(nameOrId);
                    if (!ShouldProcess(Describe(network.Name, network.Id), "Delete network")) return;
                    Run(ct => Client.DeleteNetworkAsync(network.Id, ct));
                    WriteVerbose($"Deleted network {Describe(network.Name, network.Id)}.");
                });
            }
        }
    }
}
