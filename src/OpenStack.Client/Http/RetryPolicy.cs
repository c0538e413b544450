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
    /// Where the client tells what it does on its own, for the cmdlet running it: notices (retries, pages) for
    /// Verbose, and the HTTP trace (one line per request, retry and token renewal; error bodies, redacted) for Debug.
    /// The listener flows with the async call, so concurrent cmdlets sharing one session each hear their own.
    /// </summary>
    public static class RequestNotices
    {
        private sealed class Listener
        {
            public Listener(Action<string> notice, Action<string>? trace) => (Notice, Trace) = (notice, trace);
            public Action<string> Notice { get; }
            public Action<string>? Trace { get; }
        }

        private static readonly AsyncLocal<Listener?> Current = new AsyncLocal<Listener?>();

        /// <summary>Sends notices of calls started until the returned scope is disposed to <paramref name="listener"/>.</summary>
        public static IDisposable Listen(Action<string> listener) => Listen(listener, null);

        /// <summary>As <see cref="Listen(Action{string})"/>, with the HTTP trace to <paramref name="trace"/> (null: no trace is made).</summary>
        public static IDisposable Listen(Action<string> listener, Action<string>? trace)
        {
            var previous = Current.Value;
            Current.Value = new Listener(listener, trace);
            return new Scope(previous);
        }

        internal static void Notify(string message) => Current.Value?.Notice(message);

        /// <summary>Whether someone hears the trace: lines are only formatted then.</summary>
        internal static bool IsTracing => Current.Value?.Trace != null;

        internal static void Trace(string line) => Current.Value?.Trace?.Invoke(line);

        private sealed class Scope : IDisposable
        {
            private readonly Listener? _previous;
            public Scope(Listener? previous) => _previous = previous;
            public void Dispose() => Current.Value = _previous;
        }
    }
}
