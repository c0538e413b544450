using System.IO;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using OpenStack.Client.Auth;

namespace OpenStack.Client.Http
{
    /// <summary>
    /// One HttpClient per session (connections are pooled across every service of the cloud), TLS rules,
    /// timeouts, the translation of transport failures into <see cref="OpenStackConnectionException"/>, and
    /// the HTTP trace of every request (<see cref="HttpTrace"/>, heard through <see cref="RequestNotices"/>).
    /// </summary>
    internal sealed class HttpTransport : IDisposable
    {
        private const string RequestIdHeader = "x-openstack-request-id";
        private readonly HttpClient _client;
        private readonly TransportOptions _options;
        private long _requestCount;

        public HttpTransport(TransportOptions options)
        {
            _options = options;
            var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
            if (options.SkipCertificateCheck)
            {
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
            }
            else if (!string.IsNullOrEmpty(options.CACertificatePath))
            {
                var extraRoots = LoadCertificates(options.CACertificatePath!);
                handler.ServerCertificateCustomValidationCallback = (_, cert, _, errors) => ValidateWithExtraRoots(cert, errors, extraRoots);
            }
            if (options.Proxy != null)
            {
                // -Proxy: this session only, whatever HTTP_PROXY/NO_PROXY say (those stay the default).
                handler.Proxy = new WebProxy(options.Proxy) { Credentials = options.ProxyCredential };
                handler.UseProxy = true;
            }
            // Timeouts are applied per request: an upload of a large image must not be cut at a fixed time.
            _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        }

        /// <summary>HTTP requests sent so far (benchmarks count round trips with it).</summary>
        public long RequestCount => Interlocked.Read(ref _requestCount);

        public TimeSpan RequestTimeout => _options.RequestTimeout;

        public TransportOptions Options => _options;

        /// <summary>
        /// Sends a request. <paramref name="timeout"/> bounds the time to the response headers only when
        /// <paramref name="completion"/> is ResponseHeadersRead, so that streaming bodies can take as long as they need.
        /// </summary>
        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion,
            TimeSpan? timeout, CancellationToken cancellationToken)
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (timeout.HasValue && timeout.Value != Timeout.InfiniteTimeSpan) timeoutSource.CancelAfter(timeout.Value);
            Interlocked.Increment(ref _requestCount);
            var tracing = RequestNotices.IsTracing;
            var clock = tracing ? System.Diagnostics.Stopwatch.StartNew() : null;
            try
            {
                var response = await _client.SendAsync(request, completion, timeoutSource.Token).ConfigureAwait(false);
                if (clock != null) RequestNotices.Trace(HttpTrace.Request(request, response, clock.Elapsed));
                return response;
            }
            catch (Exception ex) when (clock != null && TraceFailure(request, ex, clock.Elapsed))
            {
                throw; // not reached: TraceFailure returns false
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new OpenStackConnectionException(
                    $"{request.Method} {Redact(request.RequestUri!)} timed out after {timeout?.TotalSeconds:0} s.", request.RequestUri!) { IsTransient = true };
            }
            catch (HttpRequestException ex)
            {
                if (IsCertificateFailure(ex))
                {
                    throw new OpenStackConnectionException(
                        $"{request.Method} {Redact(request.RequestUri!)} failed: the server's TLS certificate is not trusted ({Innermost(ex).Message}). " +
                        "Trust its CA with -CACertificatePath or OS_CACERT, or (for a test cloud only) pass -SkipCertificateCheck.",
                        request.RequestUri!, ex) { IsCertificateError = true };
                }
                throw new OpenStackConnectionException(
                    $"{request.Method} {Redact(request.RequestUri!)} failed: {Innermost(ex).Message}", request.RequestUri!, ex) { IsTransient = IsTransientFailure(ex) };
            }
        }

        /// <summary>Reads an error response into an exception carrying the service's message and request id.</summary>
        public static async Task<OpenStackApiException> ToApiExceptionAsync(HttpResponseMessage response, string? hint = null)
        {
            var request = response.RequestMessage!;
            byte[] body;
            try
            {
                body = response.Content == null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
            {
                body = Array.Empty<byte>();
            }
            if (RequestNotices.IsTracing) RequestNotices.Trace(HttpTrace.ErrorBody(response, body));
            var contentType = response.Content?.Headers.ContentType?.MediaType;
            var message = ErrorBodyParser.ExtractMessage(body, contentType);
            if (hint != null) message = string.IsNullOrWhiteSpace(message) ? hint : message!.TrimEnd() + " " + hint;
            return new OpenStackApiException(response.StatusCode, request.Method.Method, Redact(request.RequestUri!), message, RequestIdOf(response));
        }

        public static string? RequestIdOf(HttpResponseMessage response) =>
            response.Headers.TryGetValues(RequestIdHeader, out var values) ? values.FirstOrDefault() :
            response.Headers.TryGetValues("x-compute-request-id", out var compute) ? compute.FirstOrDefault() : null;

        /// <summary>The URL without user info or query, as it may appear in messages.</summary>
        public static Uri Redact(Uri uri) => new Uri(uri.GetLeftPart(UriPartial.Path));

        private static bool TraceFailure(HttpRequestMessage request, Exception ex, TimeSpan elapsed)
        {
            RequestNotices.Trace(HttpTrace.Failure(request, ex, elapsed));
            return false;
        }

        private static bool IsCertificateFailure(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (e is System.Security.Authentication.AuthenticationException) return true;
            }
            return false;
        }

        /// <summary>Refused, reset, aborted or timed-out connections, and responses cut short; not unknown hosts.</summary>
        private static bool IsTransientFailure(Exception ex)
        {
            for (var e = ex.InnerException; e != null; e = e.InnerException)
            {
                if (e is System.Net.Sockets.SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case System.Net.Sockets.SocketError.ConnectionRefused:
                        case System.Net.Sockets.SocketError.ConnectionReset:
                        case System.Net.Sockets.SocketError.ConnectionAborted:
                        case System.Net.Sockets.SocketError.TimedOut:
                        case System.Net.Sockets.SocketError.Shutdown:
                        case System.Net.Sockets.SocketError.NetworkReset:
                            return true;
                        default:
                            return false;
                    }
                }
            }
            // "The response ended prematurely" and other breaks of an established connection.
            return ex.InnerException is IOException;
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        private static X509Certificate2Collection LoadCertificates(string path)
        {
            var collection = new X509Certificate2Collection();
            try
            {
                collection.Import(path);
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException || ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new OpenStackException($"Cannot read the CA certificate file '{path}': {ex.Message}", ex);
            }
            return collection;
        }

        private static bool ValidateWithExtraRoots(X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
        {
            if (errors == SslPolicyErrors.None) return true;
            if (certificate == null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
            chain.ChainPolicy.ExtraStore.AddRange(roots);
            if (!chain.Build(certificate)) return false;
            // The chain built only because unknown roots were allowed: accept it only if its root is one of ours.
            var root = chain.ChainElements[chain.ChainElements.Count - 1].Certificate;
            return roots.Cast<X509Certificate2>().Any(r => r.RawData.SequenceEqual(root.RawData));
        }

        public void Dispose() => _client.Dispose();
    }
}
