using System.Diagnostics;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Image.V2;
using OpenStack.Client.Network.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Base of the Nova cmdlets: the compute client (microversion negotiated once per session), turning
    /// "name, id or object" arguments into ids, and waits on a server with a progress bar.
    /// </summary>
    public abstract class ComputeCmdlet : ResourceCmdlet<ComputeClient, Server>
    {
        /// <summary>Default -Timeout of waits, in seconds. The CLI's --wait never gives up; a script should.</summary>
        protected const int DefaultTimeoutSeconds = 600;
        private ImageClient? _images;
        private ServerNames? _names;

        protected override Client.Resources.ResourceDescriptor<Server> Resource => Servers.Resource;

        protected ComputeClient Compute => Client;

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
            return Run(ct => Other<NetworkClient>().FindAsync(Networks.Resource, text, ct)).Id;
        }

        /// <summary>
        /// A security group's id and how to name it: objects by their Id, strings through Neutron, a name in the
        /// session's project first (an admin sees every project's "default"), so Nova is sent an id, never a name
        /// that could mean another project's group.
        /// </summary>
        protected (string Id, string Label) ResolveSecurityGroup(object group)
        {
            var baseObject = group is PSObject ps ? ps.BaseObject : group;
            if (baseObject is SecurityGroup known) return (known.Id, Describe(known));
            var id = IdOf(group);
            if (id != null) return (id, id);
            var found = Run(ct => Other<NetworkClient>().FindInProjectAsync(TextOf(group), CurrentSession.ProjectId, ct));
            return (found.Id, Describe(found));
        }

        /// <summary>A port as Neutron has it now (its device may have changed since an object was read): by object, id or name.</summary>
        protected Port ResolvePort(object port)
        {
            var network = Other<NetworkClient>();
            var id = IdOf(port);
            return id != null ? Run(ct => network.GetAsync(Ports.Resource, id, ct)) : Run(ct => network.FindAsync(Ports.Resource, TextOf(port), ct));
        }

        protected string ResolveFlavorId(object flavor) =>
            IdOf(flavor) ?? Find(Flavors.Resource, TextOf(flavor), AllFlavors).Id;

        /// <summary>Image and flavor names from one list each, fetched the first time a page needs them.</summary>
        protected void FillNames(IReadOnlyCollection<Server> servers) =>
            (_names ??= new ServerNames(() => Run(ct => Images.ListImages(new ListImagesOptions { Limit = 1000 }, ct).AllAsync()).Select(i => (i.Id, i.Name)),
                () => Run(ct => Compute.List(Flavors.Resource, AllFlavors, ct).AllAsync()), WriteVerbose)).Fill(servers);

        /// <summary>Flavors are looked up among the private ones too (is_public=None), as the CLI does for an admin.</summary>
        protected static ListFlavorsOptions AllFlavors => new ListFlavorsOptions { AllAccess = true };

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
