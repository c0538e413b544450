namespace OpenStack.Client.Identity.V3
{
    /// <summary>
    /// Keystone v3 calls beyond authentication, at the auth URL the session was opened with. Projects (and domains)
    /// are in Projects/ and served by the generic operations.
    /// </summary>
    public sealed class IdentityClient : ServiceClient
    {
        public IdentityClient(OpenStackSession session) : base(session, session.IdentityRoot) { }

        /// <summary>Keystone's "links.next" are absolute; a relative one is a reference against the v3 root.</summary>
        protected override LinkStyle RelativeLinks => LinkStyle.Rfc3986;
    }
}
