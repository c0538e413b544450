using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Lists the user's keypairs (`openstack keypair list`); a plain name gets that one keypair (`keypair show`).</summary>
    [Cmdlet(VerbsCommon.Get, "OSKeypair", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Keypair))]
    public sealed class GetOSKeypairCommand : GetNamedResourceCmdlet<ComputeClient, Keypair>
    {
        protected override ResourceDescriptor<Keypair> Resource => Keypairs.Resource;

        protected override ListOptions Filters() => new AllOptions();
    }
}
