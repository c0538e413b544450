using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Plugs a router into a subnet (`openstack router add subnet`): a port on the subnet's gateway address.</summary>
    [Cmdlet(VerbsCommon.Add, "OSRouterInterface", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(RouterInterface))]
    public sealed class AddOSRouterInterfaceCommand : RouterInterfaceCmdlet
    {
        protected override void Process(Router router, Subnet subnet)
        {
            if (!ShouldProcess($"{Describe(router)} on subnet {Describe(subnet)}", "Add router interface")) return;
            WriteObject(Run(ct => Client.AddRouterInterfaceAsync(router.Id, subnet.Id, ct)));
        }
    }
}
