using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Unplugs a router from a subnet (`openstack router remove subnet`).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSRouterInterface", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSRouterInterfaceCommand : RouterInterfaceCmdlet
    {
        protected override void Process(Router router, Subnet subnet)
        {
            if (!ShouldProcess($"{Describe(router)} on subnet {Describe(subnet)}", "Remove router interface")) return;
            Run(ct => Client.RemoveRouterInterfaceAsync(router.Id, subnet.Id, ct));
            WriteVerbose($"Removed the interface of router {Describe(router)} on subnet {Describe(subnet)}.");
        }
    }
}
