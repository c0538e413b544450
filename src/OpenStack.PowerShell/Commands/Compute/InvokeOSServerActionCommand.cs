using System.Threading;
using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Runs a server action (reboot, stop, pause, resize, rebuild, create image, …): `openstack server reboot|stop|…`.
    /// With -Wait it waits for the state the action leads to. Each server is handled on its own: a refusal
    /// (ServerStateConflict, naming the state Nova saw) is reported and the next server is still acted on.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "OSServerAction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Server), typeof(Client.Image.V2.Image))]
    public sealed class InvokeOSServerActionCommand : ServerTargetCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        public ServerAction Action { get; set; }

        /// <summary>The new flavor for Resize (name, id or flavor object).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        [ValidateNotNull]
        public object? Flavor { get; set; }

        /// <summary>The image for Rebuild (and, optionally, the rescue image for Rescue).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNull]
        public object? Image { get; set; }

        /// <summary>The snapshot's name for CreateImage.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ImageName { get; set; }

        /// <summary>Why the server is locked (Lock; shown as locked_reason from microversion 2.73).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Reason { get; set; }

        /// <summary>Wait until the action has taken effect (the state it leads to, with no task running).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Seconds -Wait waits before failing with ServerWaitTimeout.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int Timeout { get; set; } = DefaultTimeoutSeconds;

        /// <summary>Write the server after the action (CreateImage always writes the new image).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private ServerActionArguments? _arguments;

        protected override void BeginProcessing()
        {
            var needs = Action switch
            {
                ServerAction.Resize when Flavor == null => "-Flavor",
                ServerAction.Rebuild when Image == null => "-Image",
                ServerAction.CreateImage when ImageName == null => "-ImageName",
                _ => null,
            };
            if (needs != null)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"The {Action} action needs {needs}."), "ServerActionArgumentMissing",
                    ErrorCategory.InvalidArgument, Action));
            }
        }

        protected override void Process(Server server)
        {
            if (!ShouldProcess(Describe(server), Action.ToString())) return;
            // Flavor and image are resolved once, on the first server, and reused for the others; a bad name stops
            // the cmdlet rather than failing again for every server.
            if (_arguments == null)
            {
                try
                {
                    _arguments = new ServerActionArguments
                    {
                        FlavorId = Flavor == null ? null : ResolveFlavorId(Flavor),
                        ImageId = Image == null ? null : ResolveImageId(Image),
                        ImageName = ImageName,
                        LockReason = Reason,
                    };
                }
                catch (Exception ex) when (IsReportable(ex))
                {
                    ThrowTerminatingError(ErrorRecords.From(ex, ErrorNoun, Flavor ?? Image));
                }
            }
            var arguments = _arguments!;
            // With -Wait, -Timeout bounds the whole action, the request included: a Nova that cannot pass the action
            // on (its message queue down) holds the POST open, and a script must still get its answer in time.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var imageId = Wait ? RunActionWithin(server, arguments) : Run(ct => Compute.RunActionAsync(server.Id, Action, arguments, ct));
            var left = Math.Max(1, Timeout - (int)clock.Elapsed.TotalSeconds);
            WriteVerbose($"{Action} accepted for server {Describe(server)}.");
            if (Action == ServerAction.Lock && Reason != null && !(Compute.Microversion >= Microversion.LockReason))
            {
                WriteWarning($"The cloud's compute API ({Compute.Microversion?.ToString() ?? "2.0"}) is older than 2.73: the lock reason was not sent.");
            }
            if (Action == ServerAction.CreateImage)
            {
                if (!Wait)
                {
                    WriteObject(Run(ct => Images.GetImageAsync(imageId!, ct)));
                    return;
                }
                WaitForServer(server.Id, Describe(server), "idle after the snapshot", s => true, left);
                if (WaitForImage(imageId!, Math.Max(1, Timeout - (int)clock.Elapsed.TotalSeconds)) is { } active) WriteObject(active);
                return;
            }
            if (!Wait && !PassThru) return;
            var result = Wait
                ? WaitForServer(server.Id, Describe(server), TargetOf(Action), Reached(Action), left)!
                : Run(ct => Compute.GetAsync(Servers.Resource, server.Id, ct));
            if (PassThru)
            {
                FillNames(new[] { result });
                WriteObject(result);
            }
        }

        /// <summary>
        /// Waits for a snapshot to become active (Nova uploads it after the server is idle again). A snapshot that
        /// ends killed or deleted, or is still not active after the timeout, is an error naming its state.
        /// </summary>
        private Client.Image.V2.Image? WaitForImage(string imageId, int timeoutSeconds)
        {
            var activity = $"Waiting for snapshot {imageId} to become active";
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                while (true)
                {
                    var image = Run(ct => Images.GetImageAsync(imageId, ct));
                    var label = $"'{image.Name}' ({image.Id})";
                    switch (image.Status)
                    {
                        case "active":
                            WriteVerbose($"Snapshot {label} is active.");
                            return image;
                        case "killed":
                        case "deleted":
                        case "pending_delete":
                            WriteError(ErrorRecords.Create("ImageNotActive", ErrorCategory.InvalidResult,
                                $"The snapshot {label} ended '{image.Status}' instead of 'active'.", image));
                            return null;
                    }
                    if (clock.Elapsed.TotalSeconds >= timeoutSeconds)
                    {
                        WriteError(ErrorRecords.Create("ImageWaitTimeout", ErrorCategory.OperationTimeout,
                            $"The snapshot {label} is still '{image.Status}' after {timeoutSeconds} s; it may yet become active (see Get-OSImage {image.Id}).", image));
                        return null;
                    }
                    WriteProgress(new ProgressRecord(3, activity, $"{image.Status}, {clock.Elapsed.TotalSeconds:0} s")
                    {
                        PercentComplete = (int)Math.Min(99, clock.Elapsed.TotalSeconds * 100 / timeoutSeconds),
                    });
                    Run(ct => System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(Math.Min(2, 0.25 + clock.Elapsed.TotalSeconds / 10)), ct));
                }
            }
            finally
            {
                WriteProgress(new ProgressRecord(3, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        private string? RunActionWithin(Server server, ServerActionArguments arguments)
        {
            var limit = TimeSpan.FromSeconds(Timeout);
            try
            {
                return Run(async ct =>
                {
                    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    deadline.CancelAfter(limit);
                    try
                    {
                        return await Compute.RunActionAsync(server.Id, Action, arguments, deadline.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        throw new TimeoutException();
                    }
                });
            }
            catch (TimeoutException)
            {
                var last = Run(ct => Compute.GetAsync(Servers.Resource, server.Id, ct));
                throw new ServerWaitTimeoutException(Describe(server) + $" (its {Action} request got no answer)", TargetOf(Action),
                    last.Status + (last.TaskState == null ? "" : $" ({last.TaskState})"), limit);
            }
        }

        /// <summary>The state each action leads to, as -Wait's progress bar and timeout message name it.</summary>
        internal static string TargetOf(ServerAction action) => action switch
        {
            ServerAction.Stop => "SHUTOFF",
            ServerAction.Pause => "PAUSED",
            ServerAction.Suspend => "SUSPENDED",
            ServerAction.Rescue => "RESCUE",
            ServerAction.Shelve => "SHELVED_OFFLOADED",
            ServerAction.Resize => "VERIFY_RESIZE",
            ServerAction.Lock => "locked",
            ServerAction.Unlock => "unlocked",
            ServerAction.ConfirmResize or ServerAction.RevertResize => "ACTIVE or SHUTOFF",
            _ => "ACTIVE",
        };

        private static Func<Server, bool> Reached(ServerAction action) => action switch
        {
            ServerAction.Shelve => s => s.Status == "SHELVED" || s.Status == "SHELVED_OFFLOADED",
            // Before microversion 2.9 Nova does not show the lock: nothing to wait for then.
            ServerAction.Lock => s => s.Locked != false,
            ServerAction.Unlock => s => s.Locked != true,
            ServerAction.ConfirmResize or ServerAction.RevertResize => s => s.Status == "ACTIVE" || s.Status == "SHUTOFF",
            _ => s => s.Status == TargetOf(action),
        };
    }
}
