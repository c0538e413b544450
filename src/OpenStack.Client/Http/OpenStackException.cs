namespace OpenStack.Client.Http
{
    /// <summary>Base of every error the client raises on purpose.</summary>
    public class OpenStackException : Exception
    {
        public OpenStackException(string message, Exception? inner = null) : base(message, inner) { }

        /// <summary>
        /// The request id the service's logs are keyed by, when a service answered: its own, or that of the
        /// OpenStack error it wraps (an upload that failed, a delete refused as in use).
        /// </summary>
        public virtual string? RequestId => (InnerException as OpenStackException)?.RequestId;
    }

    /// <summary>
    /// The service answered with an error status. Carries what an operator needs to chase it:
    /// the status, the service's own message and the request id its logs are keyed by.
    /// </summary>
    public sealed class OpenStackApiException : OpenStackException
    {
        public OpenStackApiException(HttpStatusCode statusCode, string method, Uri requestUri, string? serverMessage, string? requestId)
            : base(Compose(statusCode, method, requestUri, serverMessage, requestId))
        {
            StatusCode = statusCode;
            Method = method;
            RequestUri = requestUri;
            ServerMessage = serverMessage;
            _requestId = requestId;
        }

        public HttpStatusCode StatusCode { get; }
        public string Method { get; }
        /// <summary>The URL without its query string (filters may be long and are rarely what went wrong).</summary>
        public Uri RequestUri { get; }
        public string? ServerMessage { get; }
        private readonly string? _requestId;

        public override string? RequestId => _requestId;

        private static string Compose(HttpStatusCode status, string method, Uri uri, string? serverMessage, string? requestId)
        {
            var text = $"{method} {uri.GetLeftPart(UriPartial.Path)} failed with {(int)status} {Describe(status)}";
            if (!string.IsNullOrWhiteSpace(serverMessage)) text += ": " + serverMessage;
            if (!string.IsNullOrEmpty(requestId)) text += $" (request id {requestId})";
            return text;
        }

        private static string Describe(HttpStatusCode status) => (int)status switch
        {
            413 => "Request Entity Too Large",
            429 => "Too Many Requests",
            _ => status.ToString(),
        };
    }

    /// <summary>The request never got an HTTP answer: refused, unresolvable, TLS failure, timed out.</summary>
    public sealed class OpenStackConnectionException : OpenStackException
    {
        public OpenStackConnectionException(string message, Uri requestUri, Exception? inner = null) : base(message, inner)
        {
            RequestUri = requestUri;
        }

        public Uri RequestUri { get; }

        /// <summary>Refused, reset, cut or timed out: another attempt may well succeed.</summary>
        public bool IsTransient { get; internal set; }

        /// <summary>The server's TLS certificate was not trusted (self-signed, unknown CA, wrong name, expired).</summary>
        public bool IsCertificateError { get; internal set; }
    }
}
