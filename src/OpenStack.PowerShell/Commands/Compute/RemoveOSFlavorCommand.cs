using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Deletes flavors (`openstack flavor delete`); admin only. Servers already built keep their copy.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSFlavor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NameOrIdSet)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSFlavorCommand : ComputeCmdlet
    {
        private const string NameOrIdSet = "NameOrId";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameOrIdSet, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Flavor { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.IdCompleter))]
        public string[]? Id { get; set; }

        protected override string ErrorNoun => "Flavor";

        protected override void ProcessRecord()
        {
            foreach (var value in (ParameterSetName == IdSet ? Id : Flavor) ?? Array.Empty<string>())
            {
                ForEachInput(value, () =>
                {
                    var flavors = ParameterSetName == IdSet ? new[] { Run(ct => Compute.GetAsync(Flavors.Resource, value, ct)) } : Pick(Flavors.Resource, value, AllFlavors);
                    foreach (var flavor in flavors)
                    {
                        if (!ShouldProcess(Describe(flavor), "Delete flavor")) continue;
                        Run(ct => Compute.DeleteAsync(Flavors.Resource, flavor.Id, ct));
                        WriteVerbose($"Deleted flavor {Describe(flavor)}.");
                    }
                });
            }
        }
    }
}
