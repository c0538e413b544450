using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Deletes routers (`openstack router delete`) by name, id, wildcard or piped object.
    /// Neutron refuses (RouterInUse) while interfaces
    /// remain.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSRouter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSRouterCommand : RemoveResourceCmdlet<NetworkClient, Router>
    {
        /// <summary>Names, ids or wildcards; objects with an Id property bind from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(Completers.RouterNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Router { get => Targets; set => Targets = value; }

        protected override ResourceDescriptor<Router> Resource => Routers.Resource;
    }
}
