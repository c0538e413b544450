using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Creates a security group (`openstack security group create`); Neutron gives it the two egress rules every new group has.</summary>
    [Cmdlet(VerbsCommon.New, "OSSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SecurityGroup))]
    public sealed class NewOSSecurityGroupCommand : ResourceCmdlet<NetworkClient, SecurityGroup>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        /// <summary>-Stateful:$false makes a stateless group (Neutron's default is stateful).</summary>
        [Parameter] public SwitchParameter Stateful { get; set; }

        protected override ResourceDescriptor<SecurityGroup> Resource => SecurityGroups.Resource;

        protected override void ProcessRecord()
        {
            foreach (var name in Name!)
            {
                ForEachInput(name, () =>
                {
                    if (!ShouldProcess(name, "Create security group")) return;
                    var options = new CreateSecurityGroupOptions { Name = name, Description = Description, Stateful = Bound(nameof(Stateful), Stateful) };
                    WriteObject(Run(ct => Client.CreateAsync(Resource, options, ct)));
                });
            }
        }
    }
}
