using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Lists servers' interfaces (`openstack port list --server`, as Nova sees them: os-interface): port, network, MAC, state, addresses.</summary>
    [Cmdlet(VerbsCommon.Get, "OSServerInterface")]
    [OutputType(typeof(ServerInterface))]
    public sealed class GetOSServerInterfaceCommand : ServerTargetCmdlet
    {
        protected override void Process(Server server)
        {
            foreach (var attachment in Run(ct => Compute.ListInterfacesAsync(server.Id, ct))) WriteObject(attachment);
        }
    }
}
