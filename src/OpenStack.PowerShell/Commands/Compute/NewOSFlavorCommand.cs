using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>Creates a flavor (`openstack flavor create`); admin only.</summary>
    [Cmdlet(VerbsCommon.New, "OSFlavor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Flavor))]
    public sealed class NewOSFlavorCommand : ComputeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateRange(1, int.MaxValue)]
        public int VCpus { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateRange(1, int.MaxValue)]
        public int RamMB { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateRange(0, int.MaxValue)]
        public int DiskGB { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int EphemeralGB { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int SwapMB { get; set; }

        /// <summary>Visible to every project (the default, as the CLI's --public); -Public:$false makes it private.</summary>
        [Parameter]
        public SwitchParameter Public { get; set; } = true;

        /// <summary>An id to give the flavor (default: Nova makes a UUID).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        protected override string ErrorNoun => "Flavor";

        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Name, "Create flavor")) return;
            var options = new CreateFlavorOptions
            {
                Name = Name!, VCpus = VCpus, RamMB = RamMB, DiskGB = DiskGB, EphemeralGB = EphemeralGB, SwapMB = SwapMB,
                IsPublic = Public.IsPresent, Id = Id, Description = Description,
            };
            ForEachInput(Name, () => WriteObject(Run(ct => Compute.CreateAsync(Flavors.Resource, options, ct))));
        }
    }
}
