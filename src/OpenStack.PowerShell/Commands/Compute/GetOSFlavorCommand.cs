using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Lists flavors (`openstack flavor list`, with -All also private ones) or gets them by name, id or wildcard.</summary>
    [Cmdlet(VerbsCommon.Get, "OSFlavor", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Flavor))]
    public sealed class GetOSFlavorCommand : GetNamedResourceCmdlet<ComputeClient, Flavor>
    {
        /// <summary>Private flavors too (admin), the CLI's --all.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter All { get; set; }

        protected override ResourceDescriptor<Flavor> Resource => Flavors.Resource;

        protected override ListOptions Filters() => new ListFlavorsOptions { AllAccess = All };
    }
}
