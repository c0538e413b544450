using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStack.Client.Http
{
    /// <summary>
    /// What every service client shares: the token on each request, one renewal and retry after a 401,
    /// error responses turned into <see cref="OpenStackApiException"/>, JSON in and out.
    /// </summary>
    public abstract class ServiceClient
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
        /// Sends a request built by <paramref name="build"/>, which is called again for the retry after a 401
        /// (so it must produce fresh content each time). Returns the successful response, or throws.
        /// </summary>
        internal async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken,
            HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, bool replayable = true, TimeSpan? timeout = null)
        {
            var token = await Session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var response = await SendOnceAsync(build, token, completion, timeout, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && replayable && Session.CanRenew)
            {
                // The token was refused before it should have expired (revoked, or the clock is off): renew once.
                response.Dispose();
                token = await Session.RenewAsync(token, cancellationToken).ConfigureAwait(false);
                response = await SendOnceAsync(build, token, completion, timeout, cancellationToken).ConfigureAwait(false);
            }
            if (!response.IsSuccessStatusCode)
            {
                using (response) throw await HttpTransport.ToApiExceptionAsync(response).ConfigureAwait(false);
            }
            return response;
        }

        private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> build, string token,
            HttpCompletionOption completion, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            var request = build();
            request.Headers.Add("X-Auth-Token", token);
            PrepareRequest(request);
            if (request.Headers.Accept.Count == 0) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await Session.Transport.SendAsync(request, completion, timeout ?? Session.Transport.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Adds service-wide headers (Nova's microversion) to every request, retries included.</summary>
        protected virtual void PrepareRequest(HttpRequestMessage request) { }

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
                var value = JsonSerializer.Deserialize(bytes, typeInfo);
                if (value == null) throw new JsonException("empty body");
                return value;
            }
            catch (JsonException ex)
            {
                var uri = response.RequestMessage?.RequestUri;
                throw new OpenStackException(
                    $"{response.RequestMessage?.Method} {(uri == null ? "" : HttpTransport.Redact(uri).ToString())} answered with a body that is not the expected JSON: {ex.Message}", ex);
            }
        }

        internal static HttpContent JsonContent<T>(T value, JsonTypeInfo<T> typeInfo, string mediaType = "application/json")
        {
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return content;
        }
    }
}
