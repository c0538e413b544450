using System.Security;

namespace OpenStack.Client.Auth
{
    public enum AuthMethod
    {
        Password,
        ApplicationCredential,
        Token,
    }

    /// <summary>
    /// Everything needed to get (and later renew) a Keystone v3 token. Secrets are kept as
    /// <see cref="SecureString"/> and are only turned into text while the request body is written.
    /// </summary>
    public sealed class AuthOptions
    {
        public Uri AuthUrl { get; set; } = null!;
        public AuthMethod Method { get; set; } = AuthMethod.Password;

        public string? UserName { get; set; }
        public string? UserId { get; set; }
        public string? UserDomainName { get; set; }
        public string? UserDomainId { get; set; }
        public SecureString? Password { get; set; }

        public string? ApplicationCredentialId { get; set; }
        public string? ApplicationCredentialName { get; set; }
        public SecureString? ApplicationCredentialSecret { get; set; }

        public SecureString? Token { get; set; }

        // Scope: a project (by id, or by name within a domain), a domain, or nothing (unscoped).
        public string? ProjectName { get; set; }
        public string? ProjectId { get; set; }
        public string? ProjectDomainName { get; set; }
        public string? ProjectDomainId { get; set; }
        public string? DomainName { get; set; }
        public string? DomainId { get; set; }

        public string? RegionName { get; set; }
        public string Interface { get; set; } = "public";

        public TransportOptions Transport { get; set; } = new TransportOptions();

        public bool IsProjectScoped => !string.IsNullOrEmpty(ProjectId) || !string.IsNullOrEmpty(ProjectName);
        public bool IsDomainScoped => !IsProjectScoped && (!string.IsNullOrEmpty(DomainId) || !string.IsNullOrEmpty(DomainName));

        /// <summary>Checks that the options are complete before anything is sent.</summary>
        /// <exception cref="ArgumentException">What is missing, in the words of the OS_* variables.</exception>
        public void Validate()
        {
            if (AuthUrl == null) throw new ArgumentException("No auth URL: set -AuthUrl, OS_AUTH_URL or auth_url in clouds.yaml.");
            if (AuthUrl.Scheme != Uri.UriSchemeHttp && AuthUrl.Scheme != Uri.UriSchemeHttps)
                throw new ArgumentException($"The auth URL '{AuthUrl}' is not an http or https URL.");
            switch (Method)
            {
                case AuthMethod.Password:
                    if (string.IsNullOrEmpty(UserId) && string.IsNullOrEmpty(UserName))
                        throw new ArgumentException("No user name: set -Credential, OS_USERNAME or username in clouds.yaml.");
                    if (Password == null || Password.Length == 0)
                        throw new ArgumentException("No password: set -Credential, OS_PASSWORD or password in clouds.yaml.");
                    break;
                case AuthMethod.ApplicationCredential:
                    if (string.IsNullOrEmpty(ApplicationCredentialId) && string.IsNullOrEmpty(ApplicationCredentialName))
                        throw new ArgumentException("No application credential id: set -ApplicationCredential or OS_APPLICATION_CREDENTIAL_ID.");
                    if (string.IsNullOrEmpty(ApplicationCredentialId) && string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(UserId))
                        throw new ArgumentException("An application credential given by name needs its user (OS_USERNAME).");
                    if (ApplicationCredentialSecret == null || ApplicationCredentialSecret.Length == 0)
                        throw new ArgumentException("No application credential secret: set -ApplicationCredential or OS_APPLICATION_CREDENTIAL_SECRET.");
                    break;
                case AuthMethod.Token:
                    if (Token == null || Token.Length == 0)
                        throw new ArgumentException("No token: set -Token or OS_TOKEN.");
                    break;
            }
        }

        public override string ToString() => $"{Method} auth at {AuthUrl} as {UserName ?? UserId ?? ApplicationCredentialId ?? "token"}";
    }

    /// <summary>How HTTPS and timeouts behave for a session.</summary>
    public sealed class TransportOptions
    {
        /// <summary>Skip TLS certificate validation (OS_INSECURE, -SkipCertificateCheck). Off unless asked for.</summary>
        public bool SkipCertificateCheck { get; set; }
        /// <summary>A PEM file of CA certificates to trust in addition to the system's (OS_CACERT).</summary>
        public string? CACertificatePath { get; set; }
        /// <summary>Time allowed for a request that carries no large body.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);
        /// <summary>
        /// Retries of an idempotent request after 502/503/504/429 or a dropped connection (-MaxRetries);
        /// 0 disables them. POSTs and streamed uploads are never retried.
        /// </summary>
        public int MaxRetries { get; set; } = 3;
        /// <summary>Longest wait between two attempts, Retry-After included (-RetryMaxDelaySeconds).</summary>
        public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
        /// <summary>First backoff step; each retry doubles it (with jitter) up to <see cref="RetryMaxDelay"/>.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(0.5);
        public string UserAgent { get; set; } = "OpenStack.PowerShell";
    }
}
