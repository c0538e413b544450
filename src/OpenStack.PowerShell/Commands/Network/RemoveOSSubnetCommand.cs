using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Deletes subnets (`openstack subnet delete`) by name, id, wildcard or piped object.
    /// Neutron refuses (SubnetInUse) while a port
    /// has an address on one.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSSubnet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSSubnetCommand : RemoveResourceCmdlet<NetworkClient, Subnet>
    {
        /// <summary>Names, ids or wildcards; objects with an Id property bind from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(Completers.SubnetNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Subnet { get => Targets; set => Targets = value; }

        protected override ResourceDescriptor<Subnet> Resource => Subnets.Resource;
    }
}
