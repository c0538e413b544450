using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// Which session a cmdlet uses when it is given no -Session, in this order:
    /// 1. the session Connect-OpenStack last made in this runspace;
    /// 2. the session Connect-OpenStack made in the host's own runspace (the pwsh prompt or script), for the
    ///    process's other runspaces (ForEach-Object -Parallel, Start-ThreadJob);
    /// 3. the session connected on first use from OS_CLOUD or OS_AUTH_URL: one per process for one set of
    ///    OS_* values (and, with OS_CLOUD, one current directory), shared by every runspace.
    /// A binary module is loaded once per process, so a plain static field would let one runspace's explicit
    /// login leak into another (in a test host, into another test): explicit choices are kept per runspace,
    /// and only the host's own runspace, which a test host's runspaces never are, shares its choice.
    /// </summary>
    internal static class SessionStore
    {
        private sealed class Holder
        {
            public OpenStackSession? Session;
        }

        private static readonly ConditionalWeakTable<Runspace, Holder> Sessions = new ConditionalWeakTable<Runspace, Holder>();
        private static readonly object Gate = new object();
        private static OpenStackSession? _hostDefault;
        // Keyed by a hash of what Connect-OpenStack with no arguments would read; a task so that runspaces
        // starting at once share one authentication (one token) instead of racing to make their own.
        private static readonly Dictionary<string, Task<OpenStackSession>> FirstUse = new Dictionary<string, Task<OpenStackSession>>(StringComparer.Ordinal);

        /// <summary>This runspace's own session, else the host runspace's (no connection is made).</summary>
        public static OpenStackSession? Default => Own ?? Usable(Volatile.Read(ref _hostDefault));

        /// <summary>What a cmdlet uses: <see cref="Default"/>, else a first-use session already connected for the current OS_* values.</summary>
        public static OpenStackSession? DefaultOrConnected(string currentDirectory)
        {
            var session = Default;
            if (session != null || FirstUseKey(currentDirectory) is not string key) return session;
            lock (Gate)
            {
                return FirstUse.TryGetValue(key, out var task) && task.Status == TaskStatus.RanToCompletion ? Usable(task.Result) : null;
            }
        }

        private static OpenStackSession? Own =>
            Runspace.DefaultRunspace is Runspace r && Sessions.TryGetValue(r, out var h) ? Usable(h.Session) : null;

        /// <summary>Makes <paramref name="session"/> this runspace's default (Connect-OpenStack), and the process's when run in the host's own runspace.</summary>
        public static void SetExplicit(OpenStackSession session, PSHost? host)
        {
            if (Runspace.DefaultRunspace is Runspace r) Sessions.GetOrCreateValue(r).Session = session;
            if (host != null && IsHostRunspace(host)) Volatile.Write(ref _hostDefault, session);
        }

        /// <summary>Forgets <paramref name="session"/> wherever it is a default (Disconnect-OpenStack).</summary>
        public static void Forget(OpenStackSession session)
        {
            if (Runspace.DefaultRunspace is Runspace r && Sessions.TryGetValue(r, out var h) && ReferenceEquals(h.Session, session)) h.Session = null;
            Interlocked.CompareExchange(ref _hostDefault, null, session);
            lock (Gate)
            {
                foreach (var key in FirstUse.Where(p => p.Value.Status == TaskStatus.RanToCompletion && ReferenceEquals(p.Value.Result, session)).Select(p => p.Key).ToList())
                {
                    FirstUse.Remove(key);
                }
            }
        }

        /// <summary>
        /// The first-use connection for the current OS_* values: the one under way or made already, else a new
        /// one from <paramref name="connect"/> (<paramref name="started"/> says which). Null when neither
        /// OS_CLOUD nor OS_AUTH_URL is set. A failed connection is forgotten so that the next cmdlet tries again.
        /// </summary>
        public static Task<OpenStackSession>? ConnectOnFirstUse(string currentDirectory, Func<Task<OpenStackSession>> connect, out bool started)
        {
            started = false;
            if (FirstUseKey(currentDirectory) is not string key) return null;
            lock (Gate)
            {
                if (FirstUse.TryGetValue(key, out var existing) && !existing.IsFaulted && !existing.IsCanceled &&
                    (existing.Status != TaskStatus.RanToCompletion || Usable(existing.Result) != null))
                {
                    return existing;
                }
                started = true;
                var task = connect();
                FirstUse[key] = task;
                task.ContinueWith(t =>
                {
                    lock (Gate)
                    {
                        if (FirstUse.TryGetValue(key, out var current) && ReferenceEquals(current, t)) FirstUse.Remove(key);
                    }
                }, CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
                return task;
            }
        }

        /// <summary>
        /// A hash of every OS_* variable (and, with OS_CLOUD, the current directory, where clouds.yaml is looked
        /// for first): a changed variable means another session. Null when the environment names no cloud.
        /// </summary>
        private static string? FirstUseKey(string currentDirectory)
        {
            var variables = Environment.GetEnvironmentVariables();
            if (string.IsNullOrEmpty(variables["OS_CLOUD"] as string) && string.IsNullOrEmpty(variables["OS_AUTH_URL"] as string)) return null;
            // Only clouds.yaml is looked for relative to the location: without OS_CLOUD, runspaces in other folders share.
            var text = new StringBuilder(string.IsNullOrEmpty(variables["OS_CLOUD"] as string) ? "" : currentDirectory).Append('\n');
            foreach (var name in variables.Keys.OfType<string>().Where(k => k.StartsWith("OS_", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal))
            {
                text.Append(name).Append('=').Append(variables[name] as string).Append('\n');
            }
            using var sha = SHA256.Create();
            return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
        }

        /// <summary>Whether the cmdlet runs in the host's own runspace (pwsh's prompt or script), not one it started.</summary>
        private static bool IsHostRunspace(PSHost host)
        {
            try
            {
                return host is IHostSupportsInteractiveSession interactive && interactive.Runspace is Runspace own &&
                       ReferenceEquals(own, Runspace.DefaultRunspace);
            }
            catch (Exception ex) when (ex is NotImplementedException || ex is InvalidOperationException || ex is NotSupportedException)
            {
                // The engine's wrapper throws when the host does not support interactive sessions (test hosts).
                return false;
            }
        }

        private static OpenStackSession? Usable(OpenStackSession? session) => session != null && !session.IsDisconnected ? session : null;
    }
}
