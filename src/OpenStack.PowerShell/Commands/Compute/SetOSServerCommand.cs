using System.Collections;
using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Renames a server, changes its description, sets or removes metadata properties (`openstack server set --name
    /// --description --property`, `server unset --property`): PUT /servers/{id}, POST /servers/{id}/metadata and
    /// DELETE /servers/{id}/metadata/{key}, only for what is given.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Server))]
    public sealed class SetOSServerCommand : SetResourceCmdlet<ComputeClient, Server>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id"), SupportsWildcards, ArgumentCompleter(typeof(ServerNameCompleter)), ValidateNotNullOrEmpty]
        public string[]? Server { get => Targets; set => Targets = value; }

        /// <summary>Metadata to set: @{ role = 'web' }; other keys are kept.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        /// <summary>Metadata keys to remove.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveProperty { get; set; }

        protected override ResourceDescriptor<Server> Resource => Servers.Resource;

        protected override string[] ChangeParameters => new[] { nameof(Name), nameof(Description), nameof(Property), nameof(RemoveProperty) };

        protected override RequestOptions Changes() => new UpdateServerOptions { Name = Name, Description = Description };

        /// <summary>The PUT only for a new name or description; metadata has its own requests.</summary>
        protected override void Process(Server server)
        {
            if (!ShouldProcess(Describe(server), "Change server")) return;
            if (Name != null || Description != null) Run(ct => Client.UpdateAsync(Resource, server.Id, Changes(), ct));
            if (Property != null && Property.Count > 0)
            {
                var items = new Dictionary<string, string>();
                foreach (DictionaryEntry entry in Property) items[entry.Key.ToString()!] = entry.Value?.ToString() ?? string.Empty;
                Run(ct => Client.SetMetadataAsync(server.Id, items, ct));
            }
            foreach (var key in RemoveProperty ?? new string[0]) Run(ct => Client.DeleteMetadataAsync(server.Id, key, ct));
            if (PassThru) WriteObject(Run(ct => Client.GetAsync(Resource, server.Id, ct)));
        }
    }
}
