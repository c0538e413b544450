using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Deletes keypairs (`openstack keypair delete`). Servers built with the key keep it.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSKeypair", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSKeypairCommand : RemoveResourceCmdlet<ComputeClient, Keypair>
    {
        /// <summary>Keypair names or wildcards (a keypair's name is its id); Get-OSKeypair's objects bind by Name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Keypair", "Id"), SupportsWildcards, ArgumentCompleter(typeof(KeypairNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Name { get => Targets; set => Targets = value; }

        protected override ResourceDescriptor<Keypair> Resource => Keypairs.Resource;
    }
}
