using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Deletes networks (`openstack network delete`) by name, id, wildcard or piped object.
    /// Neutron deletes their subnets too, and refuses (NetworkInUse)
    /// while any port, such as a router interface, is on them.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSNetworkCommand : RemoveResourceCmdlet<NetworkClient, Client.Network.V2.Network>
    {
        /// <summary>Names, ids or wildcards; objects with an Id property bind from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(Completers.NetworkNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Network { get => Targets; set => Targets = value; }

        protected override ResourceDescriptor<Client.Network.V2.Network> Resource => Networks.Resource;
    }
}
