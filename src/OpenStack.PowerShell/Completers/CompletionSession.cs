using System.Collections;
using System.Threading;
using OpenStack.Client;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>
    /// The session completion reads from: the command line's -Session, else the session the cmdlet would use
    /// (SessionStore's order), else the first-use session from OS_CLOUD / OS_AUTH_URL, connected now if need
    /// be (the cmdlet then finds it made). Never longer than <see cref="LookupTimeout"/>, never an error.
    /// </summary>
    internal static class CompletionSession
    {
        public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

        public static OpenStackSession? Resolve(IDictionary fakeBoundParameters)
        {
            var given = fakeBoundParameters?["Session"];
            if ((given is PSObject wrapped ? wrapped.BaseObject : given) is OpenStackSession explicitSession) return explicitSession;
            var currentDirectory = CurrentDirectory();
            var session = SessionStore.DefaultOrConnected(currentDirectory);
            if (session != null || !EnvironmentConnection.NamesACloud) return session;
            try
            {
                var options = EnvironmentConnection.Options(currentDirectory, _ => { });
                var connecting = SessionStore.ConnectOnFirstUse(currentDirectory, () => OpenStackSession.ConnectAsync(options, CancellationToken.None), out _);
                return connecting != null && connecting.Wait(LookupTimeout) ? connecting.Result : null;
            }
            catch (Exception ex) when (ex is AggregateException || ex is ArgumentException || ex is Client.Config.CloudConfigException || ex is Client.Http.OpenStackException)
            {
                return null;
            }
        }

        private static string CurrentDirectory() => CloudNameCompleter.CurrentLocation();
    }
}
