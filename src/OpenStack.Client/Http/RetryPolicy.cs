using System.Globalization;
using OpenStack.Client.Auth;

namespace OpenStack.Client.Http
{
    /// <summary>
    /// Which failures are worth another attempt and how long to wait before it: capped exponential backoff
    /// with jitter (so that many clients refused at once do not come back in step), or the server's Retry-After.
    /// </summary>
    internal static class RetryPolicy
    {
        private static readonly ThreadLocal<Random> Jitter = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        /// <summary>Methods whose repetition cannot do anything twice (RFC 9110 §9.2.2); POST is not one of them.</summary>
        public static bool IsIdempotent(HttpMethod method) =>
            method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Delete || method == HttpMethod.Put ||
            method == HttpMethod.Options || string.Equals(method.Method, "PATCH", StringComparison.OrdinalIgnoreCase);

        /// <summary>Answers of an overloaded or restarting service, or of a proxy in front of one.</summary>
        public static bool IsRetryableStatus(HttpStatusCode status) =>
            status == HttpStatusCode.ServiceUnavailable || status == HttpStatusCode.BadGateway ||
            status == HttpStatusCode.GatewayTimeout || (int)status == 429;

        /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
        public static TimeSpan Delay(int nextAttempt, HttpResponseMessage? response, TransportOptions options)
        {
            var cap = options.RetryMaxDelay < TimeSpan.Zero ? TimeSpan.Zero : options.RetryMaxDelay;
            var retryAfter = response == null ? null : RetryAfter(response, DateTimeOffset.UtcNow);
            if (retryAfter.HasValue) return retryAfter.Value > cap ? cap : retryAfter.Value;
            var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(nextAttempt - 2, 16));
            var capped = Math.Min(exponential, cap.TotalMilliseconds);
            // Jitter in [50 %, 100 %] of the step: spread out, yet never much shorter than asked.
            return TimeSpan.FromMilliseconds(capped * (0.5 + Jitter.Value!.NextDouble() / 2));
        }

        /// <summary>Retry-After as delta-seconds or an HTTP date; null when absent or unreadable.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (header?.Date is DateTimeOffset date) return date <= now ? TimeSpan.Zero : date - now;
            // Some servers send fractional seconds, which the typed header refuses.
            if (response.Headers.TryGetValues("Retry-After", out var raw))
            {
                foreach (var value in raw)
                {
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                        return TimeSpan.FromSeconds(Math.Min(seconds, 86400));
                }
            }
            return null;
        }
    }

    /// <summary>
    /// Where the client tells what it does on its own (retries), for the cmdlet running it to show as Verbose.
    /// The listener flows with the async call, so concurrent cmdlets sharing one session each hear their own.
    /// </summary>
    public static class RequestNotices
    {
        private static readonly AsyncLocal<Action<string>?> Listener = new AsyncLocal<Action<string>?>();

        /// <summary>Sends notices of calls started until the returned scope is disposed to <paramref name="listener"/>.</summary>
        public static IDisposable Listen(Action<string> listener)
        {
            var previous = Listener.Value;
            Listener.Value = listener;
            return new Scope(previous);
        }

        internal static void Notify(string message) => Listener.Value?.Invoke(message);

        private sealed class Scope : IDisposable
        {
            private readonly Action<string>? _previous;
            public Scope(Action<string>? previous) => _previous = previous;
            public void Dispose() => Listener.Value = _previous;
        }
    }
}
