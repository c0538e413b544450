using System.Text;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>What servers need beyond the generic operations: a create that answers an id, the actions, and waiting.</summary>
    public sealed partial class ComputeClient
    {
        /// <summary>
        /// POST /servers. Returns the new server's id (the full record comes from GET); for several servers
        /// (<see cref="CreateServerOptions.Count"/> &gt; 1) the reservation id instead, to list them by.
        /// </summary>
        public async Task<(string? Id, string? ReservationId)> CreateServerAsync(CreateServerOptions o, CancellationToken cancellationToken)
        {
            var server = new BodyMap().Set("name", o.Name).Set("imageRef", o.ImageId).Set("flavorRef", o.FlavorId);
            if (o.NetworkIds.Count + o.PortIds.Count > 0)
                server["networks"] = o.NetworkIds.Select(id => (object)new BodyMap().Set("uuid", id)).Concat(o.PortIds.Select(id => (object)new BodyMap().Set("port", id))).ToList();
            else if (await AtLeastAsync(V2.Microversion.NetworksAutoNone, cancellationToken).ConfigureAwait(false)) server["networks"] = o.NoNetwork ? "none" : "auto";
            server.Set("key_name", o.KeyName)
                .Set("security_groups", o.SecurityGroups.Count > 0 ? o.SecurityGroups.Select(g => (object)new BodyMap().Set("name", g)).ToList() : null)
                .Set("user_data", o.UserData == null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(o.UserData)))
                .Set("availability_zone", o.AvailabilityZone)
                .Set("metadata", o.Metadata.Count > 0 ? o.Metadata.ToDictionary(p => p.Key, p => (object)p.Value) : null);
            if (o.Count > 1) server.Set("min_count", o.Count).Set("max_count", o.Count).Set("return_reservation_id", true);
            using var response = await SendJsonAsync(HttpMethod.Post, Servers.Resource.CollectionUrl(Root), new BodyMap().Set("server", server), cancellationToken).ConfigureAwait(false);
            var created = await ReadJsonAsync(response, ServerJson.Default.CreatedServerEnvelope).ConfigureAwait(false);
            if (created.Server?.Id == null && created.ReservationId == null) throw new OpenStackException("Nova accepted the server but its answer named no server id.");
            return (created.Server?.Id, created.ReservationId);
        }

        /// <summary>
        /// POST /servers/{id}/action. Returns the new image's id for CreateImage, else null. A 409 (the server's
        /// state forbids it) becomes <see cref="ServerStateConflictException"/>.
        /// </summary>
        public async Task<string?> RunActionAsync(string id, ServerAction action, ServerActionArguments args, CancellationToken cancellationToken)
        {
            var lockReason = args.LockReason != null && await AtLeastAsync(V2.Microversion.LockReason, cancellationToken).ConfigureAwait(false);
            var body = ActionBody(action, args, lockReason);
            try
            {
                using var response = await SendJsonAsync(HttpMethod.Post, Servers.Resource.ActionUrl(Root, id, "action"), body, cancellationToken).ConfigureAwait(false);
                if (action != ServerAction.CreateImage) return null;
                // From 2.45 the id is in the body; before, only in the Location header (.../images/{id}).
                var location = response.Headers.Location?.ToString();
                if (response.Content.Headers.ContentLength > 0)
                {
                    var result = await ReadJsonAsync(response, ServerJson.Default.CreateImageResult).ConfigureAwait(false);
                    if (result.ImageId != null) return result.ImageId;
                }
                return location?.Substring(location.LastIndexOf('/') + 1);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
            {
                throw new ServerStateConflictException(id, action, ex);
            }
        }

        private static BodyMap ActionBody(ServerAction action, ServerActionArguments a, bool withLockReason)
        {
            var (key, value) = action switch
            {
                ServerAction.Reboot => ("reboot", new BodyMap().Set("type", "SOFT")),
                ServerAction.HardReboot => ("reboot", new BodyMap().Set("type", "HARD")),
                ServerAction.Start => ("os-start", null),
                ServerAction.Stop => ("os-stop", null),
                ServerAction.Pause => ("pause", null),
                ServerAction.Unpause => ("unpause", null),
                ServerAction.Suspend => ("suspend", null),
                ServerAction.Resume => ("resume", null),
                ServerAction.Lock => ("lock", withLockReason ? new BodyMap().Set("locked_reason", a.LockReason) : null),
                ServerAction.Unlock => ("unlock", null),
                ServerAction.Rescue => ("rescue", a.ImageId != null ? new BodyMap().Set("rescue_image_ref", a.ImageId) : null),
                ServerAction.Unrescue => ("unrescue", null),
                ServerAction.Shelve => ("shelve", null),
                ServerAction.Unshelve => ("unshelve", null),
                ServerAction.Resize => ("resize", new BodyMap().Set("flavorRef", Require(a.FlavorId, "Resize needs a flavor."))),
                ServerAction.ConfirmResize => ("confirmResize", null),
                ServerAction.RevertResize => ("revertResize", null),
                ServerAction.Rebuild => ("rebuild", new BodyMap().Set("imageRef", Require(a.ImageId, "Rebuild needs an image."))),
                ServerAction.CreateImage => ("createImage", new BodyMap().Set("name", Require(a.ImageName, "CreateImage needs an image name."))),
                _ => throw new ArgumentOutOfRangeException(nameof(action)),
            };
            // Actions without arguments are sent as {"os-start": null}, as the CLI does.
            return value == null ? new BodyMap().Null(key) : new BodyMap().Set(key, value);
        }

        /// <summary>How long a server seen as DELETED may stay readable before a wait for it to be gone ends anyway.</summary>
        internal static readonly TimeSpan DeletedGrace = TimeSpan.FromSeconds(15);

        private static string Require(string? value, string message) => value ?? throw new ArgumentException(message);

        /// <summary>
        /// Polls GET /servers/{id} until <paramref name="done"/> holds (and no task is running), throwing
        /// <see cref="ServerFaultException"/> on ERROR and <see cref="ServerWaitTimeoutException"/> after
        /// <paramref name="timeout"/>. <paramref name="onPoll"/> sees each state (for progress).
        /// With <paramref name="untilGone"/> it waits for 404 instead and returns null.
        /// </summary>
        public async Task<Server?> WaitAsync(string id, string waitingFor, Func<Server, bool> done, TimeSpan timeout, Action<Server>? onPoll,
            CancellationToken cancellationToken, bool untilGone = false)
        {
            var deadline = DateTime.UtcNow + timeout;
            var delay = TimeSpan.FromMilliseconds(250);
            DateTime? deletedSince = null;
            while (true)
            {
                Server server;
                try
                {
                    server = await GetAsync(Servers.Resource, id, cancellationToken).ConfigureAwait(false);
                }
                catch (OpenStackApiException ex) when (untilGone && ex.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }
                onPoll?.Invoke(server);
                var last = server.Status + (server.TaskState == null ? "" : $" ({server.TaskState})");
                if (!untilGone && done(server) && server.TaskState == null) return server;
                if (server.Status == "ERROR" && !(untilGone && server.TaskState == "deleting")) throw new ServerFaultException(server);
                // DELETED is on the way to 404: the record stays readable a moment after the delete (a GET right after
                // the wait would still find it), so the 404 is waited for, a few seconds at most for clouds that keep it.
                if (untilGone && server.Status == "DELETED")
                {
                    deletedSince ??= DateTime.UtcNow;
                    if (DateTime.UtcNow - deletedSince.Value > DeletedGrace) return null;
                }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) throw new ServerWaitTimeoutException(server.Name ?? id, waitingFor, last, timeout);
                // Quick first polls (most actions on a healthy cloud finish in seconds), then up to every 5 s.
                await Task.Delay(delay < left ? delay : left, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    /// <summary>What POST /servers answers: the id (and adminPass), not the whole server.</summary>
    internal sealed class CreatedServer
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("adminPass")] public string? AdminPass { get; set; }
    }

    internal sealed class CreatedServerEnvelope
    {
        [JsonPropertyName("server")] public CreatedServer? Server { get; set; }
        /// <summary>With return_reservation_id (multiple create) Nova answers only this.</summary>
        [JsonPropertyName("reservation_id")] public string? ReservationId { get; set; }
    }

    internal sealed class CreateImageResult
    {
        [JsonPropertyName("image_id")] public string? ImageId { get; set; }
    }
}
