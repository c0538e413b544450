using System;
using System.Management.Automation;
using OpenStack.Client;
using OpenStack.Client.Http;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet that talks to a cloud: resolves the session (-Session, else the runspace's
    /// default from Connect-OpenStack) and reports failures as ErrorRecords.
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

        private OpenStackSession ResolveSession()
        {
            var session = Session ?? SessionStore.Default;
            if (session == null)
            {
                ThrowTerminatingError(ErrorRecords.Create("SessionNotConnected", ErrorCategory.ConnectionError,
                    "Not connected to OpenStack: run Connect-OpenStack first, or pass -Session.", null));
            }
            return session!;
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
