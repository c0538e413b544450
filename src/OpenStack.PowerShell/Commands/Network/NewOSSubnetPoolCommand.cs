using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Creates a subnet pool (`openstack subnet pool create --pool-prefix`), from which subnets take their ranges.</summary>
    [Cmdlet(VerbsCommon.New, "OSSubnetPool", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SubnetPool))]
    public sealed class NewOSSubnetPoolCommand : NewResourceCmdlet<NetworkClient, SubnetPool>
    {
        /// <summary>The address ranges of the pool, e.g. 10.10.0.0/16 (all of one IP version).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Prefix { get; set; }

        /// <summary>The prefix length a subnet gets when it asks for none.</summary>
        [Parameter, ValidateRange(0, 128)] public int DefaultPrefixLength { get; set; }

        [Parameter, ValidateRange(0, 128)] public int MinPrefixLength { get; set; }

        [Parameter, ValidateRange(0, 128)] public int MaxPrefixLength { get; set; }

        /// <summary>Share the pool with every project (admins only by default policy).</summary>
        [Parameter] public SwitchParameter Shared { get; set; }

        /// <summary>Make it the default pool of its IP version (admins only).</summary>
        [Parameter] public SwitchParameter Default { get; set; }

        protected override ResourceDescriptor<SubnetPool> Resource => SubnetPools.Resource;

        protected override string Describe(string name) => $"{name} ({string.Join(", ", Prefix!)})";

        protected override RequestOptions CreateOptions(string name) => new CreateSubnetPoolOptions
        {
            Name = name, Description = Description, Prefixes = Prefix,
            DefaultPrefixLength = Given(nameof(DefaultPrefixLength), DefaultPrefixLength),
            MinPrefixLength = Given(nameof(MinPrefixLength), MinPrefixLength),
            MaxPrefixLength = Given(nameof(MaxPrefixLength), MaxPrefixLength),
            Shared = Bound(nameof(Shared), Shared), IsDefault = Bound(nameof(Default), Default),
        };
    }
}
