using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Deletes ports (`openstack port delete`) by name, id, wildcard or piped object; a floating IP on one is let go of.
    /// Neutron refuses router ports (delete those with Remove-OSRouterInterface).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSPortCommand : RemoveResourceCmdlet<NetworkClient, Port>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Port { get => Targets; set => Targets = value; }

        protected override ResourceDescriptor<Port> Resource => Ports.Resource;
    }
}
