using System.Management.Automation;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Changes networks (`openstack network set`) with one PUT of the given fields.</summary>
    [Cmdlet(VerbsCommon.Set, "OSNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Client.Network.V2.Network))]
    public sealed class SetOSNetworkCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(Completers.NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Network { get; set; }

        /// <summary>The new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        [Parameter] public SwitchParameter AdminStateUp { get; set; }

        [Parameter] public SwitchParameter Shared { get; set; }

        [Parameter] public SwitchParameter External { get; set; }

        [Parameter]
        [ValidateRange(68, 65535)]
        public int? Mtu { get; set; }

        /// <summary>Write the network as it is after the change.</summary>
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override string ErrorNoun => "Network";

        protected override void BeginProcessing()
        {
            if (Changes().IsEmpty)
            {
                ThrowTerminatingError(ErrorRecords.Create("NetworkNoChangeGiven", ErrorCategory.InvalidArgument,
                    "Nothing to change: give -Name, -Description, -AdminStateUp, -Shared, -External or -Mtu.", null));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var nameOrId in Network!)
            {
                ForEachInput(nameOrId, () =>
                {
                    var network = FindNetwork(nameOrId);
                    if (!ShouldProcess(Describe(network.Name, network.Id), "Change network")) return;
                    var updated = Run(ct => Client.UpdateNetworkAsync(network.Id, Changes(), ct));
                    if (PassThru) WriteObject(updated);
                });
            }
        }

        private UpdateNetworkOptions Changes() => new UpdateNetworkOptions
        {
            Name = Name,
            Description = Description,
            AdminStateUp = Bound(nameof(AdminStateUp), AdminStateUp),
            Shared = Bound(nameof(Shared), Shared),
            External = Bound(nameof(External), External),
            Mtu = Mtu,
        };

        private bool? Bound(string name, SwitchParameter value) => MyInvocation.BoundParameters.ContainsKey(name) ? value.IsPresent : (bool?)null;
    }
}
