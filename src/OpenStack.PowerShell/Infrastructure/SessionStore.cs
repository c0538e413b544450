using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using OpenStack.Client;

namespace OpenStack.PowerShell.Infrastructure
{
    /// <summary>
    /// The default session of each runspace. A binary module is loaded once per process and shared by all
    /// runspaces, so a static field would leak one runspace's login into another: key by runspace instead.
    /// </summary>
    internal static class SessionStore
    {
        private sealed class Holder
        {
            public OpenStackSession? Session;
        }

        private static readonly ConditionalWeakTable<Runspace, Holder> Sessions = new ConditionalWeakTable<Runspace, Holder>();

        public static OpenStackSession? Default
        {
            get => Runspace.DefaultRunspace is Runspace r && Sessions.TryGetValue(r, out var h) ? h.Session : null;
            set
            {
                if (Runspace.DefaultRunspace is Runspace r) Sessions.GetOrCreateValue(r).Session = value;
            }
        }
    }
}
