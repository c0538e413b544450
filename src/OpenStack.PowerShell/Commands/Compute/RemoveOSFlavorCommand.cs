using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Deletes flavors (`openstack flavor delete`); admin only. Servers already built keep their copy.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSFlavor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSFlavorCommand : RemoveResourceCmdlet<ComputeClient, Flavor>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(FlavorNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Flavor { get => Targets; set => Targets = value; }

        protected override ResourceDescriptor<Flavor> Resource => Flavors.Resource;

        /// <summary>Private flavors are found too (is_public=None), as the CLI does for an admin.</summary>
        protected override IReadOnlyList<Flavor> PickTargets(string target) => Pick(Resource, target, new ListFlavorsOptions { AllAccess = true });
    }
}
