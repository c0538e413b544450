using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client;
using OpenStack.Client.Auth;
using OpenStack.Client.Config;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet that talks to a cloud: resolves the session (-Session, else the default, else one
    /// connected on first use from OS_CLOUD / OS_AUTH_URL; see <see cref="SessionStore"/>) and reports failures as ErrorRecords.
    /// </summary>
    public abstract class OpenStackCmdlet : AsyncCmdlet
    {
        private OpenStackSession? _session;

        /// <summary>The session to use instead of the default one made by Connect-OpenStack.</summary>
        [Parameter]
        [ValidateNotNull]
        public OpenStackSession? Session { get; set; }

        /// <summary>Noun used in error ids, e.g. "Image" for ImageNotFound.</summary>
        protected abstract string ErrorNoun { get; }

        protected OpenStackSession CurrentSession => _session ??= ResolveSession();

        /// <summary>Whether this cmdlet may connect from OS_CLOUD / OS_AUTH_URL when there is no session (not Disconnect-OpenStack).</summary>
        protected virtual bool ConnectsOnFirstUse => true;

        // Which session: -Session, else SessionStore's order (this runspace's, the host runspace's, the
        // first-use one), else a first-use connection; about_OpenStack.PowerShell states the same rule.
        private OpenStackSession ResolveSession()
        {
            if (Session != null) return Session;
            var currentDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            var session = SessionStore.DefaultOrConnected(currentDirectory) ?? (ConnectsOnFirstUse ? ConnectOnFirstUse(currentDirectory) : null);
            if (session == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("SessionNotConnected", ErrorCategory.ConnectionError,
                    "Not connected to OpenStack: run Connect-OpenStack first, pass -Session, or set OS_CLOUD or OS_AUTH_URL.", null));
            }
            return session!;
        }

        /// <summary>Connects as `Connect-OpenStack` with no arguments would, once per process for the current OS_* values.</summary>
        private OpenStackSession? ConnectOnFirstUse(string currentDirectory)
        {
            AuthOptions options;
            try
            {
                if (!EnvironmentConnection.NamesACloud) return null;
                options = EnvironmentConnection.Options(currentDirectory, WriteNotice);
            }
            catch (Exception ex) when (ex is CloudConfigException || ex is ArgumentException)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, "Connect", null));
                return null;
            }
            try
            {
                var started = false;
                var session = Run(ct =>
                {
                    var shared = SessionStore.ConnectOnFirstUse(currentDirectory, () => OpenStackSession.ConnectAsync(options, CancellationToken.None), out started)!;
                    if (started) WriteNotice($"No session: connecting on first use from {EnvironmentConnection.Source} ({options.Method} at {options.AuthUrl}), as Connect-OpenStack with no arguments would.");
                    return WhenDone(shared, ct);
                });
                if (started) WriteNotice($"Connected as {session.UserName} ({session.Scope}); every runspace of this process without a session of its own now uses this one.");
                return session;
            }
            catch (OpenStackException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, "Connect", options.AuthUrl));
                return null;
            }
        }

        /// <summary>Waits for a connection shared with other runspaces; Ctrl+C stops this wait, not their connection.</summary>
        private static async Task<OpenStackSession> WhenDone(Task<OpenStackSession> shared, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>();
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                await Task.WhenAny(shared, cancelled.Task).ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
            return await shared.ConfigureAwait(false);
        }

        /// <summary>A non-terminating error for one input (the pipeline goes on to the next).</summary>
        protected void WriteFailure(Exception exception, object? target) => WriteError(ErrorRecords.From(exception, ErrorNoun, target));

        /// <summary>
        /// Runs <paramref name="action"/> for one input; client failures become non-terminating errors.
        /// <paramref name="naming"/> (("Creating image", "web-1")) leads the message when the exception does not name
        /// what failed (a refused POST names only the URL), so that in a loop of creates each error says which one.
        /// </summary>
        protected void ForEachInput(object? target, Action action, (string Doing, string Name)? naming = null)
        {
            try
            {
                action();
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                var record = ErrorRecords.From(ex, ErrorNoun, target);
                if (naming is { } n) ErrorRecords.Name(record, n.Doing, n.Name);
                WriteError(record);
            }
        }

        /// <summary>Creates a service client, or stops the cmdlet if the catalog has no such service.</summary>
        protected T CreateClient<T>(Func<OpenStackSession, T> create)
        {
            try
            {
                return create(CurrentSession);
            }
            catch (Exception ex) when (IsReportable(ex))
            {
                ThrowTerminatingError(ErrorRecords.From(ex, ErrorNoun, null));
                throw;
            }
        }

        protected static bool IsReportable(Exception ex) =>
            ex is OpenStackException || ex is ArgumentException || ex is System.IO.IOException || ex is UnauthorizedAccessException;
    }
}
