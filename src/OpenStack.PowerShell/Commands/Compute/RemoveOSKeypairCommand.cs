using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Deletes keypairs (`openstack keypair delete`). Servers built with the key keep it.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSKeypair", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSKeypairCommand : ComputeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
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
                    foreach (var keypair in Pick(Keypairs.Resource, name))
                    {
                        if (!ShouldProcess(keypair.Name, "Delete keypair")) continue;
                        Run(ct => Compute.DeleteAsync(Keypairs.Resource, keypair.Name, ct));
                        WriteVerbose($"Deleted keypair {keypair.Name}.");
                    }
                });
            }
        }
    }
}
