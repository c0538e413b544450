using System.Collections;
using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Renames a server, changes its description, sets or removes metadata properties (`openstack server set --name
    /// --description --property`, `server unset --property`): PUT /servers/{id}, POST /servers/{id}/metadata and
    /// DELETE /servers/{id}/metadata/{key}, only for what is given.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameOrIdSet)]
    [OutputType(typeof(Server))]
    public sealed class SetOSServerCommand : ServerTargetCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        /// <summary>Metadata to set: @{ role = 'web' }; other keys are kept.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        /// <summary>Metadata keys to remove.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveProperty { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Name == null && Description == null && Property == null && RemoveProperty == null)
                ThrowTerminatingError(ErrorRecords.Create("ServerNoChangeGiven", ErrorCategory.InvalidArgument,
                    "Nothing to change: give -Name, -Description, -Property or -RemoveProperty.", null));
        }

        protected override void Process(Server server)
        {
            if (!ShouldProcess($"{server.Name} ({server.Id})", "Change server")) return;
            if (Name != null || Description != null)
                Run(ct => Compute.UpdateAsync(Servers.Resource, server.Id, new UpdateServerOptions { Name = Name, Description = Description }, ct));
            if (Property != null && Property.Count > 0)
            {
                var items = new Dictionary<string, string>();
                foreach (DictionaryEntry entry in Property) items[entry.Key.ToString()!] = entry.Value?.ToString() ?? string.Empty;
                Run(ct => Compute.SetMetadataAsync(server.Id, items, ct));
            }
            foreach (var key in RemoveProperty ?? new string[0]) Run(ct => Compute.DeleteMetadataAsync(server.Id, key, ct));
            if (PassThru) WriteObject(Run(ct => Compute.GetAsync(Servers.Resource, server.Id, ct)));
        }
    }
}
