using System.Management.Automation;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Deletes routers (`openstack router delete`); Neutron refuses (409 RouterInUse) while interfaces remain.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSRouter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSRouterCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(Completers.RouterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Router { get; set; }

        protected override string ErrorNoun => "Router";

        protected override void ProcessRecord()
        {
            foreach (var nameOrId in Router!)
            {
                ForEachInput(nameOrId, () =>
                {
                    var router = FindRouter(nameOrId);
                    if (!ShouldProcess(Describe(router.Name, router.Id), "Delete router")) return;
                    Run(ct => Client.DeleteRouterAsync(router.Id, ct));
                    WriteVerbose($"Deleted router {Describe(router.Name, router.Id)}.");
                });
            }
        }
    }
}
