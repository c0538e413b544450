using System.Management.Automation;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Completers;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Adds or removes a router's interface on a subnet: both resolved by name or id first.</summary>
    public abstract class RouterInterfaceCmdlet : NeutronCmdlet
    {
        /// <summary>The router's name or id; a router object binds from the pipeline by its Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(RouterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Router { get; set; }

        /// <summary>The subnet's name or id.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(SubnetNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Subnet { get; set; }

        protected override string ErrorNoun => "Router";

        protected override void ProcessRecord()
        {
            ForEachInput(Router, () =>
            {
                var router = FindRouter(Router!);
                var subnet = FindSubnet(Subnet!);
                Process(router, subnet);
            });
        }

        protected abstract void Process(Router router, Subnet subnet);
    }

    /// <summary>Plugs a router into a subnet (`openstack router add subnet`): a port on the subnet's gateway address.</summary>
    [Cmdlet(VerbsCommon.Add, "OSRouterInterface", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(RouterInterface))]
    public sealed class AddOSRouterInterfaceCommand : RouterInterfaceCmdlet
    {
        protected override void Process(Router router, Subnet subnet)
        {
            if (!ShouldProcess($"{Describe(router.Name, router.Id)} on subnet {Describe(subnet.Name, subnet.Id)}", "Add router interface")) return;
            WriteObject(Run(ct => Client.AddRouterInterfaceAsync(router.Id, subnet.Id, ct)));
        }
    }

    /// <summary>Unplugs a router from a subnet (`openstack router remove subnet`).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSRouterInterface", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSRouterInterfaceCommand : RouterInterfaceCmdlet
    {
        protected override void Process(Router router, Subnet subnet)
        {
            if (!ShouldProcess($"{Describe(router.Name, router.Id)} on subnet {Describe(subnet.Name, subnet.Id)}", "Remove router interface")) return;
            Run(ct => Client.RemoveRouterInterfaceAsync(router.Id, subnet.Id, ct));
            WriteVerbose($"Removed the interface of router {Describe(router.Name, router.Id)} on subnet {Describe(subnet.Name, subnet.Id)}.");
        }
    }
}
