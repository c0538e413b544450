using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Json;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>
    /// Nova v2.1. Every request carries an explicit microversion (both headers Nova reads), negotiated once per
    /// session as the lower of the server's maximum (its version document) and <see cref="Microversion.ClientMaximum"/>,
    /// so response shapes are the ones this client was written for whatever the cloud's default.
    /// </summary>
    public sealed partial class ComputeClient : ServiceClient
    {
        public const string ServiceType = "compute";
        internal const string VersionHeader = "OpenStack-API-Version";
        internal const string LegacyVersionHeader = "X-OpenStack-Nova-API-Version";
        private static readonly ConditionalWeakTable<OpenStackSession, Negotiated> NegotiatedVersions = new ConditionalWeakTable<OpenStackSession, Negotiated>();
        private Microversion? _microversion;

        public ComputeClient(OpenStackSession session) : base(session, Urls.Root(session.GetEndpoint(ServiceType))) { }

        /// <summary>The negotiated microversion (after the first call), or null if the cloud has none (plain v2.0).</summary>
        public Microversion? Microversion => _microversion;

        /// <summary>Reads the version document once per session (cached) and picks the microversion to send.</summary>
        public async Task<Microversion?> NegotiateAsync(CancellationToken cancellationToken)
        {
            if (_microversion.HasValue) return _microversion;
            var cached = NegotiatedVersions.GetOrCreateValue(Session);
            if (!cached.Done || cached.Root != Root)
            {
                var doc = await GetJsonAsync(Urls.Version(Root), ComputeJsonContext.Default.VersionEnvelope, cancellationToken).ConfigureAwait(false);
                Microversion? chosen = null;
                if (V2.Microversion.TryParse(doc.Version?.Version, out var max)) chosen = V2.Microversion.Min(max, V2.Microversion.ClientMaximum);
                cached.Root = Root;
                cached.Version = chosen;
                cached.Done = true;
            }
            _microversion = cached.Version;
            return _microversion;
        }

        private bool AtLeast(Microversion version) => _microversion.HasValue && _microversion.Value >= version;

        protected override void PrepareRequest(HttpRequestMessage request)
        {
            // A call that pins its own microversion (keypair generation) has set the headers already.
            if (_microversion == null || request.Headers.Contains(VersionHeader)) return;
            SetVersion(request, _microversion.Value);
        }

        private static void SetVersion(HttpRequestMessage request, Microversion version)
        {
            request.Headers.Remove(VersionHeader);
            request.Headers.Remove(LegacyVersionHeader);
            request.Headers.TryAddWithoutValidation(VersionHeader, "compute " + version);
            request.Headers.TryAddWithoutValidation(LegacyVersionHeader, version.ToString());
        }

        // ------------------------------------------------------------------ servers

        /// <summary>GET /servers/detail, following servers_links rel=next page by page.</summary>
        public Pager<Server> ListServers(ListServersOptions options, CancellationToken cancellationToken) =>
            Paged(options.ToUrl(Root), ComputeJsonContext.Default.ServerListPage, page => (page.Servers, Links.NextOf(page.Links)), cancellationToken);

        /// <summary>A pager whose first fetch negotiates the microversion, so list shapes match the other calls.</summary>
        private Pager<T> Paged<TPage, T>(Uri first, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TPage> pageType,
            Func<TPage, (IReadOnlyList<T> Items, string? Next)> extract, CancellationToken cancellationToken) =>
            new Pager<T>(first, async url =>
            {
                await NegotiateAsync(cancellationToken).ConfigureAwait(false);
                var body = await GetJsonAsync(url, pageType, cancellationToken).ConfigureAwait(false);
                var (items, next) = extract(body);
                return new Pager<T>.Page(items, string.IsNullOrEmpty(next) ? null : Urls.Next(Root, next!));
            });

        public async Task<Server> GetServerAsync(string id, CancellationToken cancellationToken)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            return (await GetJsonAsync(Urls.Server(Root, id), ComputeJsonContext.Default.ServerEnvelope, cancellationToken).ConfigureAwait(false)).Server;
        }

        /// <summary>A server by id, else by exact name (as `openstack server show`): one match, or an error.</summary>
        public async Task<Server> FindServerAsync(string nameOrId, CancellationToken cancellationToken)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            if (Guid.TryParse(nameOrId, out _))
            {
                try
                {
                    return await GetServerAsync(nameOrId, cancellationToken).ConfigureAwait(false);
                }
                catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                {
                    // A server may be named like a UUID: try the name.
                }
            }
            var matches = (await ListServers(new ListServersOptions { ExactName = nameOrId }, cancellationToken).AllAsync().ConfigureAwait(false))
                .Where(s => s.Name == nameOrId).ToList();
            if (matches.Count == 0) throw new ResourceNotFoundException(Resources.LegacyNouns.Server, nameOrId);
            if (matches.Count > 1) throw new AmbiguousNameException(Resources.LegacyNouns.Server, nameOrId, matches.Select(s => s.Id));
            return matches[0];
        }

        /// <summary>
        /// POST /servers. Returns the new server's id (the full record comes from GET); for several servers
        /// (<see cref="CreateServerOptions.Count"/> &gt; 1) the reservation id instead, to list them by.
        /// </summary>
        public async Task<(string? Id, string? ReservationId)> CreateServerAsync(CreateServerOptions o, CancellationToken cancellationToken)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            var server = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["name"] = o.Name,
                ["imageRef"] = o.ImageId,
                ["flavorRef"] = o.FlavorId,
            };
            if (o.NetworkIds.Count > 0) server["networks"] = o.NetworkIds.Select(id => (object)new Dictionary<string, object> { ["uuid"] = id }).ToList();
            else if (AtLeast(V2.Microversion.NetworksAutoNone)) server["networks"] = o.NoNetwork ? "none" : "auto";
            if (o.KeyName != null) server["key_name"] = o.KeyName;
            if (o.SecurityGroups.Count > 0) server["security_groups"] = o.SecurityGroups.Select(g => (object)new Dictionary<string, object> { ["name"] = g }).ToList();
            if (o.UserData != null) server["user_data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(o.UserData));
            if (o.AvailabilityZone != null) server["availability_zone"] = o.AvailabilityZone;
            if (o.Metadata.Count > 0) server["metadata"] = o.Metadata.ToDictionary(p => p.Key, p => (object)p.Value);
            if (o.Count > 1)
            {
                server["min_count"] = o.Count;
                server["max_count"] = o.Count;
                server["return_reservation_id"] = true;
            }
            var body = new Dictionary<string, object> { ["server"] = server };
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Urls.Servers(Root)) { Content = Json(body) }, cancellationToken).ConfigureAwait(false);
            var created = await ReadJsonAsync(response, ComputeJsonContext.Default.CreatedServerEnvelope).ConfigureAwait(false);
            if (created.Server?.Id == null && created.ReservationId == null) throw new OpenStackException("Nova accepted the server but its answer named no server id.");
            return (created.Server?.Id, created.ReservationId);
        }

        public async Task DeleteServerAsync(string id, CancellationToken cancellationToken)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            using var _ = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, Urls.Server(Root, id)), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// POST /servers/{id}/action. Returns the new image's id for CreateImage, else null. A 409 (the server's
        /// state forbids it) becomes <see cref="ServerStateConflictException"/>.
        /// </summary>
        public async Task<string?> RunActionAsync(string id, ServerAction action, ServerActionArguments args, CancellationToken cancellationToken)
        {
            await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            var body = ActionBody(action, args);
            try
            {
                using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Urls.ServerAction(Root, id)) { Content = Json(body) },
                    cancellationToken).ConfigureAwait(false);
                if (action != ServerAction.CreateImage) return null;
                // From 2.45 the id is in the body; before, only in the Location header (.../images/{id}).
                var location = response.Headers.Location?.ToString();
                if (response.Content.Headers.ContentLength > 0)
                {
                    var result = await ReadJsonAsync(response, ComputeJsonContext.Default.CreateImageResult).ConfigureAwait(false);
                    if (result.ImageId != null) return result.ImageId;
                }
                return location?.Substring(location.LastIndexOf('/') + 1);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
            {
                throw new ServerStateConflictException(id, action, ex);
            }
        }

        private Dictionary<string, object> ActionBody(ServerAction action, ServerActionArguments a)
        {
            object? Null() => null;
            var (key, value) = action switch
            {
                ServerAction.Reboot => ("reboot", (object?)new Dictionary<string, object> { ["type"] = "SOFT" }),
                ServerAction.HardReboot => ("reboot", new Dictionary<string, object> { ["type"] = "HARD" }),
                ServerAction.Start => ("os-start", Null()),
                ServerAction.Stop => ("os-stop", Null()),
                ServerAction.Pause => ("pause", Null()),
                ServerAction.Unpause => ("unpause", Null()),
                ServerAction.Suspend => ("suspend", Null()),
                ServerAction.Resume => ("resume", Null()),
                ServerAction.Lock => ("lock", a.LockReason != null && AtLeast(V2.Microversion.LockReason)
                    ? new Dictionary<string, object> { ["locked_reason"] = a.LockReason } : Null()),
                ServerAction.Unlock => ("unlock", Null()),
                ServerAction.Rescue => ("rescue", a.ImageId != null ? new Dictionary<string, object> { ["rescue_image_ref"] = a.ImageId } : Null()),
                ServerAction.Unrescue => ("unrescue", Null()),
                ServerAction.Shelve => ("shelve", Null()),
                ServerAction.Unshelve => ("unshelve", Null()),
                ServerAction.Resize => ("resize", new Dictionary<string, object> { ["flavorRef"] = Require(a.FlavorId, "Resize needs a flavor.") }),
                ServerAction.ConfirmResize => ("confirmResize", Null()),
                ServerAction.RevertResize => ("revertResize", Null()),
                ServerAction.Rebuild => ("rebuild", new Dictionary<string, object> { ["imageRef"] = Require(a.ImageId, "Rebuild needs an image.") }),
                ServerAction.CreateImage => ("createImage", new Dictionary<string, object> { ["name"] = Require(a.ImageName, "CreateImage needs an image name.") }),
                _ => throw new ArgumentOutOfRangeException(nameof(action)),
            };
            return new Dictionary<string, object> { [key] = value! };
        }

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
            var last = "unknown";
            while (true)
            {
                Server server;
                try
                {
                    server = await GetServerAsync(id, cancellationToken).ConfigureAwait(false);
                }
                catch (OpenStackApiException ex) when (untilGone && ex.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }
                onPoll?.Invoke(server);
                last = server.Status + (server.TaskState == null ? "" : $" ({server.TaskState})");
                if (!untilGone && done(server) && server.TaskState == null) return server;
                if (server.Status == "ERROR" && !(untilGone && server.TaskState == "deleting")) throw new ServerFaultException(server);
                if (untilGone && server.Status == "DELETED") return null;
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) throw new ServerWaitTimeoutException(server.Name ?? id, waitingFor, last, timeout);
                // Quick first polls (most actions on a healthy cloud finish in seconds), then up to every 5 s.
                await Task.Delay(delay < left ? delay : left, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }

        private static HttpContent Json(Dictionary<string, object> body)
        {
            var content = new ByteArrayContent(JsonBodyWriter.Write(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }

        private sealed class Negotiated
        {
            public bool Done;
            public Uri? Root;
            public Microversion? Version;
        }
    }
}
