using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Points a floating IP at a server or port (`openstack floating ip set --port`), or lets go of it with -Detach (`floating ip unset --port`).</summary>
    [Cmdlet(VerbsCommon.Set, "OSFloatingIp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FloatingIp))]
    public sealed class SetOSFloatingIpCommand : FloatingIpAssociationCmdlet
    {
        private const string DetachSet = "Detach";

        /// <summary>The floating IP: its address, id, or the object (from the pipeline).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "FloatingIpAddress")]
        [ArgumentCompleter(typeof(FloatingIpCompleter))]
        [ValidateNotNullOrEmpty]
        public string? FloatingIp { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DetachSet)]
        public SwitchParameter Detach { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForEachInput(FloatingIp, () =>
            {
                var fip = Find(Resource, FloatingIp!);
                var options = new UpdateFloatingIpOptions { Detach = Detach };
                var what = "Detach floating IP";
                if (!Detach)
                {
                    var target = Target(fip.FloatingNetworkId);
                    if (target == null) return;
                    options.PortId = target.Port.Id;
                    options.FixedIpAddress = target.FixedIpAddress.Length == 0 ? null : target.FixedIpAddress;
                    what = $"Associate floating IP with port {Describe(target.Port)}" + (options.FixedIpAddress == null ? "" : $" ({options.FixedIpAddress})");
                }
                if (!ShouldProcess(Describe(fip), what)) return;
                var updated = Send(ct => Client.UpdateAsync(Resource, fip.Id, options, ct), fip);
                if (PassThru && updated != null) WriteObject(updated);
            });
        }
    }
}
