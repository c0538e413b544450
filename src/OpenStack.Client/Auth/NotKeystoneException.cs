namespace OpenStack.Client.Auth
{
    /// <summary>
    /// The auth URL answered, but not as Keystone v3 does: a 404 for /v3/auth/tokens, an HTML page, or a
    /// success without a token. Usually the URL of another service, or a proxy's page.
    /// </summary>
    public sealed class NotKeystoneException : OpenStackException
    {
        public NotKeystoneException(Uri authUrl, string detail)
            : base($"{authUrl} does not look like a Keystone v3 endpoint ({detail}). Check the auth URL: it usually ends in /v3 or /identity/v3.")
        {
            AuthUrl = authUrl;
        }

        public Uri AuthUrl { get; }
    }
}
