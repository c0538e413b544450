using System.Collections;
using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Creates servers (`openstack server create`). Image, flavor, networks, ports and security groups are names, ids
    /// or objects with an Id (Get-OSImage, Get-OSFlavor, Get-OSNetwork, Get-OSPort, Get-OSSecurityGroup), all resolved
    /// before the create request, so a wrong one makes nothing; an image can come down the pipeline. With -Wait it returns
    /// the server once ACTIVE, or fails naming Nova's fault if it goes to ERROR, or after -Timeout seconds.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = AutoNetworkSet)]
    [OutputType(typeof(Server))]
    public sealed class NewOSServerCommand : ComputeCmdlet
    {
        private const string AutoNetworkSet = "AutoNetwork";
        private const string NetworkSet = "Network";
        private const string NoNetworkSet = "NoNetwork";
        private const string PortSet = "Port";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Image name, id, or image object (from the pipeline too).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNull]
        public object? Image { get; set; }

        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        [ValidateNotNull]
        public object? Flavor { get; set; }

        /// <summary>Networks (names, ids or objects with an Id) to attach, one port each.</summary>
        [Parameter(Mandatory = true, ParameterSetName = NetworkSet)]
        [Parameter(ParameterSetName = PortSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.NetworkNameCompleter))]
        public object[]? Network { get; set; }

        /// <summary>Existing ports (names, ids or objects) to attach, after the -Network ones; each must be unused.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PortSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.PortNameCompleter))]
        public object[]? Port { get; set; }

        /// <summary>No network at all (networks: none); without -Network or -NoNetwork Nova picks one (networks: auto).</summary>
        [Parameter(Mandatory = true, ParameterSetName = NoNetworkSet)]
        public SwitchParameter NoNetwork { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(KeypairNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? KeyName { get; set; }

        /// <summary>Security groups (names, ids or objects), resolved through Neutron (a name in the session's project first) and sent as ids.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.SecurityGroupNameCompleter))]
        public object[]? SecurityGroup { get; set; }

        /// <summary>User data (cloud-init) as text; it is base64-encoded for Nova.</summary>
        [Parameter]
        [ValidateNotNull]
        public string? UserData { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AvailabilityZone { get; set; }

        /// <summary>Server metadata, e.g. @{ role = 'web' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        /// <summary>How many servers to create in one request; Nova names them Name-1, Name-2, ….</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int Count { get; set; } = 1;

        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Seconds -Wait waits before failing with ServerWaitTimeout.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int Timeout { get; set; } = DefaultTimeoutSeconds;

        protected override void ProcessRecord()
        {
            ForEachInput(Image, () =>
            {
                if (!ShouldProcess(Name, "Create server")) return;
                var options = new CreateServerOptions
                {
                    Name = Name!, ImageId = ResolveImageId(Image!), FlavorId = ResolveFlavorId(Flavor!), NoNetwork = NoNetwork,
                    KeyName = KeyName, UserData = UserData, AvailabilityZone = AvailabilityZone, Count = Count,
                };
                foreach (var network in Network ?? Array.Empty<object>()) options.NetworkIds.Add(ResolveNetworkId(network));
                foreach (var port in Port ?? Array.Empty<object>()) options.PortIds.Add(ResolvePort(port).Id);
                foreach (var group in SecurityGroup ?? Array.Empty<object>()) options.SecurityGroups.Add(ResolveSecurityGroup(group).Id);
                if (Property != null)
                {
                    foreach (DictionaryEntry pair in Property) options.Metadata[pair.Key.ToString()!] = pair.Value?.ToString() ?? string.Empty;
                }
                var (id, reservation) = Run(ct => Compute.CreateServerAsync(options, ct));
                var ids = id != null ? new List<string> { id }
                    : Run(ct => Compute.List(Servers.Resource, new ListServersOptions { ReservationId = reservation }, ct).AllAsync()).Select(s => s.Id).ToList();
                foreach (var serverId in ids) ForEachInput(serverId, () => Finish(serverId));
            }, ("Creating server", Name!));
        }

        private void Finish(string id)
        {
            WriteVerbose($"Nova accepted server {id}.");
            var server = Wait
                ? WaitForServer(id, Name!, "ACTIVE", s => s.Status == "ACTIVE", Timeout)!
                : Run(ct => Compute.GetAsync(Servers.Resource, id, ct));
            FillNames(new[] { server });
            WriteObject(server);
        }
    }
}
