using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Releases floating IPs (`openstack floating ip delete`) by address, id or piped object; an associated one is let go of too.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSFloatingIp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSFloatingIpCommand : RemoveResourceCmdlet<NetworkClient, FloatingIp>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "FloatingIpAddress")]
        [ArgumentCompleter(typeof(FloatingIpCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? FloatingIp { get => Targets; set => Targets = value; }

        protected override ResourceDescriptor<FloatingIp> Resource => FloatingIps.Resource;
    }
}
