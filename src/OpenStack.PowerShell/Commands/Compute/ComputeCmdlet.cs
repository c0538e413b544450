using System;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics;
using System.Management.Automation;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Image.V2;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Base of the Nova cmdlets: the compute client (microversion negotiated once per session), turning
    /// "name, id or object" arguments into ids, and waits on a server with a progress bar.
    /// </summary>
    public abstract class ComputeCmdlet : OpenStackCmdlet
    {
        /// <summary>Default -Timeout of waits, in seconds. The CLI's --wait never gives up; a script should.</summary>
        protected const int DefaultTimeoutSeconds = 600;
        private ComputeClient? _compute;
        private ImageClient? _images;
        private NetworkClient? _networks;
        private Dictionary<string, string?>? _imageNames;
        private Dictionary<string, string>? _flavorNames;

        protected override string ErrorNoun => "Server";

        protected ComputeClient Compute => _compute ??= CreateClient(s => new ComputeClient(s));

        protected ImageClient Images => _images ??= CreateClient(s => new ImageClient(s));

        /// <summary>
        /// The id carried by an argument that may be an object (an Image, a Flavor, a Network, or any object with an
        /// Id property), or null when it is a string (a name or id to look up).
        /// </summary>
        internal static string? IdOf(object? value)
        {
            var baseObject = value is PSObject ps ? ps.BaseObject : value;
            // Strings, and numbers such as -Flavor 2, are names or ids to look up.
            if (baseObject == null || baseObject is string || baseObject.GetType().IsPrimitive) return null;
            var id = PSObject.AsPSObject(value).Properties["Id"]?.Value?.ToString();
            if (string.IsNullOrEmpty(id)) throw new ArgumentException($"A {baseObject.GetType().Name} was given, but it has no Id property.");
            return id;
        }

        internal static string TextOf(object value) => (value is PSObject ps ? ps.BaseObject : value)?.ToString() ?? string.Empty;

        protected string ResolveImageId(object image) =>
            IdOf(image) ?? Run(ct => Images.FindImageAsync(TextOf(image), ct)).Id;

        /// <summary>
        /// A network's id: objects (Get-OSNetwork's, or any with an Id) and UUIDs as they are — Nova checks them and
        /// answers "Network … could not be found." — and names through Neutron (`openstack server create --network`).
        /// </summary>
        protected string ResolveNetworkId(object network)
        {
            var id = IdOf(network);
            if (id != null) return id;
            var text = TextOf(network);
            if (Guid.TryParse(text, out _)) return text;
            _networks ??= CreateClient(s => new NetworkClient(s));
            return Run(ct => _networks.FindAsync(Networks.Resource, text, ct)).Id;
        }

        protected string ResolveFlavorId(object flavor) =>
            IdOf(flavor) ?? Run(ct => Compute.FindFlavorAsync(TextOf(flavor), ct)).Id;

/// <summary>Image and flavor names from one list each, fetched the first time a page needs them.</summary>
        protected void FillNames(IReadOnlyCollection<Server> servers)
        {
            if (servers.Any(s => s.ImageId != null) && _imageNames == null)
            {
                _imageNames = new Dictionary<string, string?>();
                // A cloud without Glance in the catalog, or a failed list, leaves ids in place of names.
                try
                {
                    foreach (var image in Run(ct => Images.ListImages(new ListImagesOptions { Limit = 1000 }, ct).AllAsync())) _imageNames[image.Id] = image.Name;
                }
                catch (Exception ex) when (IsReportable(ex))
                {
                    WriteVerbose($"Image names not resolved: {ex.Message}");
                }
            }
            if (servers.Any(s => s.FlavorRef?.OriginalName == null && s.FlavorId != null) && _flavorNames == null)
            {
                _flavorNames = Run(ct => Compute.ListFlavors(true, ct).AllAsync()).ToDictionary(f => f.Id, f => f.Name);
            }
            foreach (var server in servers)
            {
                if (server.ImageId != null && _imageNames != null && _imageNames.TryGetValue(server.ImageId, out var imageName)) server.ImageName = imageName;
                if (server.FlavorRef?.OriginalName != null) server.FlavorName = server.FlavorRef.OriginalName;
                else if (server.FlavorId != null && _flavorNames != null && _flavorNames.TryGetValue(server.FlavorId, out var flavorName)) server.FlavorName = flavorName;
            }
        }

        protected static string Describe(Server server) => string.IsNullOrEmpty(server.Name) ? server.Id : $"{server.Name} ({server.Id})";

        /// <summary>Waits for a server, showing its status in a progress bar; errors as exceptions (ServerFault, ServerWaitTimeout).</summary>
        protected Server? WaitForServer(string id, string label, string waitingFor, Func<Server, bool> done, int timeoutSeconds, bool untilGone = false)
        {
            var activity = $"Waiting for server {label} to become {waitingFor}";
            var clock = Stopwatch.StartNew();
            string status = "starting", shown = string.Empty;
            var lastWrite = TimeSpan.Zero;
            var task = Compute.WaitAsync(id, waitingFor, done, TimeSpan.FromSeconds(timeoutSeconds),
                s => status = s.Status + (s.TaskState == null ? "" : $" ({s.TaskState})"), CancellationToken, untilGone);
            try
            {
                // Checked often so that each new status shows at once; otherwise refreshed once a second for the clock.
                return Wait(task, () =>
                {
                    var current = status;
                    if (current == shown && clock.Elapsed - lastWrite < TimeSpan.FromSeconds(1)) return;
                    shown = current;
                    lastWrite = clock.Elapsed;
                    WriteProgress(new ProgressRecord(2, activity, $"{current}, {clock.Elapsed.TotalSeconds:0} s")
                    {
                        PercentComplete = (int)Math.Min(99, clock.Elapsed.TotalSeconds * 100 / timeoutSeconds),
                        SecondsRemaining = (int)Math.Max(0, timeoutSeconds - clock.Elapsed.TotalSeconds),
                    });
                }, 50);
            }
            finally
            {
                WriteProgress(new ProgressRecord(2, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
