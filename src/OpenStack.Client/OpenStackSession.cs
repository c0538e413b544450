using OpenStack.Client.Auth;
using OpenStack.Client.Identity.V3;

namespace OpenStack.Client
{
    /// <summary>
    /// An authenticated connection to one cloud: who, which scope, the token (kept private) and the
    /// service catalog. Every service client works through a session; it renews its token when needed.
    /// </summary>
    public sealed class OpenStackSession : IDisposable
    {
        // Renew a little before expiry so that a request does not leave with a token that dies in flight.
        private static readonly TimeSpan RenewMargin = TimeSpan.FromSeconds(60);
        private readonly AuthOptions _options;
        private readonly SemaphoreSlim _renewLock = new SemaphoreSlim(1, 1);
        private volatile IssuedToken _token;
        private bool _revoked;
        private long _changeCount;

        private OpenStackSession(AuthOptions options, HttpTransport transport, IssuedToken token)
        {
            _options = options;
            Transport = transport;
            _token = token;
            IdentityRoot = Urls.V3Root(options.AuthUrl);
        }

        /// <summary>Authenticates against Keystone v3 and returns a ready session.</summary>
        public static async Task<OpenStackSession> ConnectAsync(AuthOptions options, CancellationToken cancellationToken)
        {
            options.Validate();
            var transport = new HttpTransport(options.Transport);
            try
            {
                var token = await TokenIssuer.IssueAsync(transport, options, cancellationToken).ConfigureAwait(false);
                return new OpenStackSession(options, transport, token);
            }
            catch
            {
                transport.Dispose();
                throw;
            }
        }

        public Uri AuthUrl => _options.AuthUrl;
        public AuthMethod AuthMethod => _options.Method;
        public string? UserName => _token.User?.Name;
        public string? UserId => _token.User?.Id;
        public string? UserDomainName => _token.User?.Domain?.Name;
        public string? ProjectName => _token.Project?.Name;
        public string? ProjectId => _token.Project?.Id;
        public string? ProjectDomainName => _token.Project?.Domain?.Name;
        public string? DomainName => _token.Domain?.Name;
        public string? DomainId => _token.Domain?.Id;
        public string? Region => _options.RegionName;
        public string Interface => _options.Interface;
        public DateTimeOffset IssuedAt => _token.IssuedAt;
        public DateTimeOffset ExpiresAt => _token.ExpiresAt;
        public IReadOnlyList<string> Roles => _token.Roles;
        public IReadOnlyList<CatalogService> Catalog => _token.Catalog;
        public bool IsConnected => !_revoked && DateTimeOffset.UtcNow < _token.ExpiresAt;
        /// <summary>Whether Disconnect-OpenStack revoked the token (an expired token may still be renewed: that is not disconnected).</summary>
        public bool IsDisconnected => _revoked;
        /// <summary>"project demo", "domain Default" or "unscoped", for views.</summary>
        public string Scope => ProjectName != null ? $"project {ProjectName}" : DomainName != null ? $"domain {DomainName}" : "unscoped";
        /// <summary>Retries of an idempotent request after 502/503/504/429 or a dropped connection (0 = none).</summary>
        public int MaxRetries => _options.Transport.MaxRetries;
        /// <summary>Longest wait between two attempts, Retry-After included.</summary>
        public TimeSpan RetryMaxDelay => _options.Transport.RetryMaxDelay;
        /// <summary>HTTP requests this session has sent, authentication included.</summary>
        public long RequestCount => Transport.RequestCount;

        /// <summary>Successful changes (POST, PUT, PATCH, DELETE) made through this session: lists cached before one are stale.</summary>
        public long ChangeCount => Interlocked.Read(ref _changeCount);

        internal void NoteChange() => Interlocked.Increment(ref _changeCount);

        internal HttpTransport Transport { get; }
        internal Uri IdentityRoot { get; }
        internal string CurrentToken => _token.Value;
        internal bool CanRenew => _options.Method != AuthMethod.Token;

        /// <summary>The base URL of a service (image, compute, …) for this session's interface and region.</summary>
        public Uri GetEndpoint(string serviceType) =>
            EndpointSelector.Select(Catalog, serviceType, _options.Interface, _options.RegionName);

        /// <summary>A token that will still be valid for a while, renewing first if it is about to expire.</summary>
        internal async Task<string> GetTokenAsync(CancellationToken cancellationToken)
        {
            if (_revoked) throw new OpenStackException("This session was disconnected; connect again with Connect-OpenStack.");
            var token = _token;
            if (CanRenew && DateTimeOffset.UtcNow + RenewMargin >= token.ExpiresAt)
            {
                return await RenewAsync(token.Value, cancellationToken).ConfigureAwait(false);
            }
            return token.Value;
        }

        /// <summary>
        /// Gets a new token after <paramref name="staleToken"/> was refused. Concurrent callers that saw the
        /// same stale token share one renewal: whoever comes second finds the token already replaced.
        /// </summary>
        internal async Task<string> RenewAsync(string staleToken, CancellationToken cancellationToken)
        {
            await _renewLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!ReferenceEquals(_token.Value, staleToken) && _token.Value != staleToken) return _token.Value;
                if (!CanRenew) throw new OpenStackException("The session's token expired and was given by -Token, so it cannot be renewed; connect again.");
                var why = DateTimeOffset.UtcNow + RenewMargin >= _token.ExpiresAt ? "it expires at " + _token.ExpiresAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "it was refused (401)";
                _token = await TokenIssuer.IssueAsync(Transport, _options, cancellationToken).ConfigureAwait(false);
                RequestNotices.Trace($"Token renewed for {UserName} ({why}); the new one expires at {_token.ExpiresAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)}.");
                return _token.Value;
            }
            finally
            {
                _renewLock.Release();
            }
        }

        /// <summary>Revokes the token (DELETE /v3/auth/tokens); the session cannot be used afterwards.</summary>
        public async Task DisconnectAsync(CancellationToken cancellationToken)
        {
            if (_revoked) return;
            var token = _token.Value;
            using var request = new HttpRequestMessage(HttpMethod.Delete, Urls.Tokens(IdentityRoot));
            request.Headers.Add("X-Auth-Token", token);
            request.Headers.Add("X-Subject-Token", token);
            using var response = await Transport.SendAsync(request, HttpCompletionOption.ResponseContentRead, Transport.RequestTimeout, cancellationToken).ConfigureAwait(false);
            // 404: the token had already expired or been revoked; the goal is met either way.
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
            {
                throw await HttpTransport.ToApiExceptionAsync(response).ConfigureAwait(false);
            }
            _revoked = true;
        }

        public override string ToString() => $"{UserName} @ {AuthUrl} ({Scope})";

        public void Dispose()
        {
            Transport.Dispose();
            _renewLock.Dispose();
        }
    }
}
