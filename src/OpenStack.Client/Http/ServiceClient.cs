using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;

namespace OpenStack.Client.Http
{
    /// <summary>
    /// What every service client shares: the token on each request, one renewal and retry after a 401,
    /// error responses turned into <see cref="OpenStackApiException"/>, JSON in and out.
    /// </summary>
    public abstract partial class ServiceClient
    {
        protected ServiceClient(OpenStackSession session, Uri root)
        {
            Session = session;
            Root = root;
        }

        public OpenStackSession Session { get; }

        /// <summary>The service's versioned root, ending in '/', e.g. http://host:9292/ for Glance.</summary>
        public Uri Root { get; }

        /// <summary>
        /// Sends a request built by <paramref name="build"/>, which is called again for each new attempt (so it
        /// must produce fresh content each time). Returns the successful response, or throws.
        /// A 401 renews the token once. An idempotent, replayable request is retried after 502/503/504/429 or a
        /// dropped connection, up to the session's MaxRetries; <paramref name="replayable"/> = false (a streamed
        /// body) or a POST is sent once, since a second attempt could do the work twice.
        /// </summary>
        internal async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken,
            HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, bool replayable = true, TimeSpan? timeout = null)
        {
            var options = Session.Transport.Options;
            var maxRetries = Math.Max(0, options.MaxRetries);
            var token = await Session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var renewed = false;
            for (var attempt = 1; ; attempt++)
            {
                var request = build();
                var retryable = replayable && RetryPolicy.IsIdempotent(request.Method) && attempt <= maxRetries;
                HttpResponseMessage response;
                try
                {
                    response = await SendOnceAsync(request, token, completion, timeout, cancellationToken).ConfigureAwait(false);
                }
                catch (OpenStackConnectionException ex) when (retryable && ex.IsTransient)
                {
                    await PauseAsync(request, "a connection failure", attempt, maxRetries, RetryPolicy.Delay(attempt + 1, null, options), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.Unauthorized && replayable && !renewed && Session.CanRenew)
                {
                    // The token was refused before it should have expired (revoked, or the clock is off): renew once.
                    // A second 401 with the fresh token is an answer, not a stale token: it is reported.
                    response.Dispose();
                    renewed = true;
                    token = await Session.RenewAsync(token, cancellationToken).ConfigureAwait(false);
                    attempt--;
                    continue;
                }
                if (retryable && RetryPolicy.IsRetryableStatus(response.StatusCode))
                {
                    var delay = RetryPolicy.Delay(attempt + 1, response, options);
                    var status = (int)response.StatusCode;
                    response.Dispose();
                    await PauseAsync(request, status.ToString(System.Globalization.CultureInfo.InvariantCulture), attempt, maxRetries, delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    using (response) throw await HttpTransport.ToApiExceptionAsync(response).ConfigureAwait(false);
                }
                if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head) Session.NoteChange();
                return response;
            }
        }

        private static Task PauseAsync(HttpRequestMessage request, string cause, int attempt, int maxRetries, TimeSpan delay, CancellationToken cancellationToken)
        {
            // The URL is redacted (no query, no user info) and no header is quoted: the token never reaches a stream.
            var notice = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "Retrying {0} {1} after {2} (attempt {3} of {4}), waiting {5:0.0} s.",
                request.Method, HttpTransport.Redact(request.RequestUri!), cause, attempt + 1, maxRetries + 1, delay.TotalSeconds);
            RequestNotices.Notify(notice);
            RequestNotices.Trace("HTTP " + notice);
            request.Dispose();
            return Task.Delay(delay, cancellationToken);
        }

        private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, string token,
            HttpCompletionOption completion, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Auth-Token", token);
            await PrepareRequestAsync(request, cancellationToken).ConfigureAwait(false);
            if (request.Headers.Accept.Count == 0) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await Session.Transport.SendAsync(request, completion, timeout ?? Session.Transport.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Adds service-wide headers to every request, retries included: the one place Nova's microversion is applied,
        /// so no call can forget it.
        /// </summary>
        protected virtual Task PrepareRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.CompletedTask;

        internal async Task<T> GetJsonAsync<T>(Uri url, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        {
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
            return await ReadJsonAsync(response, typeInfo).ConfigureAwait(false);
        }

        internal static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            try
            {
                return JsonSerializer.Deserialize(bytes, typeInfo) ?? throw new JsonException("empty body");
            }
            catch (JsonException ex)
            {
                throw UnexpectedBody(response, ex);
            }
        }
    }
}
