using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>Changes subnet pools (`openstack subnet pool set`) with one PUT of the given fields.</summary>
    [Cmdlet(VerbsCommon.Set, "OSSubnetPool", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SubnetPool))]
    public sealed class SetOSSubnetPoolCommand : SetResourceCmdlet<NetworkClient, SubnetPool>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(SubnetPoolNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? SubnetPool { get => Targets; set => Targets = value; }

        /// <summary>The whole new list of prefixes: Neutron lets a pool grow, never shrink.</summary>
        [Parameter, ValidateNotNullOrEmpty] public string[]? Prefix { get; set; }

        [Parameter, ValidateRange(0, 128)] public int DefaultPrefixLength { get; set; }

        [Parameter, ValidateRange(0, 128)] public int MinPrefixLength { get; set; }

        [Parameter, ValidateRange(0, 128)] public int MaxPrefixLength { get; set; }

        /// <summary>-Default makes it the default pool of its IP version, -Default:$false no longer (admins only).</summary>
        [Parameter] public SwitchParameter Default { get; set; }

        protected override ResourceDescriptor<SubnetPool> Resource => SubnetPools.Resource;

        protected override string[] ChangeParameters => new[]
        {
            nameof(Name), nameof(Description), nameof(Prefix), nameof(DefaultPrefixLength), nameof(MinPrefixLength), nameof(MaxPrefixLength), nameof(Default),
        };

        protected override RequestOptions Changes() => new UpdateSubnetPoolOptions
        {
            Name = Name, Description = Description, Prefixes = Prefix,
            DefaultPrefixLength = Given(nameof(DefaultPrefixLength), DefaultPrefixLength),
            MinPrefixLength = Given(nameof(MinPrefixLength), MinPrefixLength),
            MaxPrefixLength = Given(nameof(MaxPrefixLength), MaxPrefixLength),
            IsDefault = Bound(nameof(Default), Default),
        };
    }
}
