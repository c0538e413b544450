using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Deletes subnet pools (`openstack subnet pool delete`). Neutron refuses while a subnet takes from one, with a 400
    /// SubnetPoolDeleteError ("…has existing allocations"), not a 409: it is reported as SubnetPoolInUse all the same.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "OSSubnetPool", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSSubnetPoolCommand : RemoveResourceCmdlet<NetworkClient, SubnetPool>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(SubnetPoolNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? SubnetPool { get => Targets; set => Targets = value; }

        protected override ResourceDescriptor<SubnetPool> Resource => SubnetPools.Resource;

        protected override bool Delete(SubnetPool pool)
        {
            try
            {
                return base.Delete(pool);
            }
            catch (OpenStackApiException ex) when ((int)ex.StatusCode == 400 && ex.Message.Contains("existing allocations"))
            {
                var record = ErrorRecords.From(ex, ErrorNoun, pool);
                WriteError(new ErrorRecord(ex, "SubnetPoolInUse", ErrorCategory.ResourceBusy, pool) { ErrorDetails = record.ErrorDetails });
                return false;
            }
        }
    }
}
