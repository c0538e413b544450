using System.Management.Automation;
using OpenStack.PowerShell.Completers;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Deletes keypairs (`openstack keypair delete`). Servers built with the key keep it.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSKeypair", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSKeypairCommand : ComputeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(KeypairNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override string ErrorNoun => "Keypair";

        protected override void ProcessRecord()
        {
            foreach (var name in Name!)
            {
                ForEachInput(name, () =>
                {
                    if (!ShouldProcess(name, "Delete keypair")) return;
                    Run(ct => Compute.DeleteKeypairAsync(name, ct));
                    WriteVerbose($"Deleted keypair {name}.");
                });
            }
        }
    }
}
