using System.Security;
using OpenStack.Client;
using OpenStack.Client.Auth;
using OpenStack.Client.Config;

namespace OpenStack.PowerShell.Commands.Session
{
    /// <summary>
    /// Authenticates against Keystone v3 and makes the session the runspace's default.
    /// Settings come from, lowest first: the OS_* variables (or a clouds.yaml cloud), then these parameters.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "OpenStack", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(OpenStackSession))]
    public sealed class ConnectOpenStackCommand : AsyncCmdlet
    {
        private const string DefaultSet = "Default";
        private const string CredentialSet = "Credential";
        private const string ApplicationCredentialSet = "ApplicationCredential";
        private const string TokenSet = "Token";

        /// <summary>A cloud of clouds.yaml; when absent, OS_CLOUD names one, else the OS_* variables are used.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(CloudNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Cloud { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? AuthUrl { get; set; }

        /// <summary>User name and password.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>Application credential: the user name is its id, the password its secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ApplicationCredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? ApplicationCredential { get; set; }

        /// <summary>An existing token (it cannot be renewed when it expires).</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        [Parameter] public string? UserDomainName { get; set; }
        [Parameter] public string? UserDomainId { get; set; }
        [Parameter] public string? ProjectName { get; set; }
        [Parameter] public string? ProjectId { get; set; }
        [Parameter] public string? ProjectDomainName { get; set; }
        [Parameter] public string? ProjectDomainId { get; set; }

        /// <summary>Scope the token to a domain instead of a project.</summary>
        [Parameter] public string? DomainName { get; set; }
        [Parameter] public string? DomainId { get; set; }

        [Parameter] public string? RegionName { get; set; }

        [Parameter]
        [ValidateSet("public", "internal", "admin", IgnoreCase = true)]
        public string? Interface { get; set; }

        /// <summary>Do not check the server's TLS certificate (as OS_INSECURE=true). Off by default.</summary>
        [Parameter] public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>A PEM file of CA certificates to trust (as OS_CACERT).</summary>
        [Parameter] public string? CACertificatePath { get; set; }

        /// <summary>Retries of an idempotent request after 502/503/504/429 or a dropped connection; 0 disables them.</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int? MaxRetries { get; set; }

        /// <summary>Longest wait between two attempts, the server's Retry-After included.</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public double? RetryMaxDelaySeconds { get; set; }

        protected override void EndProcessing()
        {
            AuthOptions options;
            try
            {
                options = BuildSettings().ToAuthOptions();
                ApplyParameters(options);
                options.Validate();
            }
            catch (Exception ex) when (ex is CloudConfigException || ex is ArgumentException)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, "Connect", AuthUrl));
                return;
            }
            WriteVerbose($"Authenticating ({options.Method}) at {options.AuthUrl}.");
            OpenStackSession session;
            try
            {
                session = Run(ct => OpenStackSession.ConnectAsync(options, ct));
            }
            catch (Exception ex) when (ex is Client.Http.OpenStackException)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, "Connect", options.AuthUrl));
                return;
            }
            WriteVerbose($"Connected as {session.UserName} ({session.Scope}); the token expires at {session.ExpiresAt:u}; the catalog has {session.Catalog.Count} services.");
            SessionStore.SetExplicit(session, Host);
            WriteObject(session);
        }

        private CloudSettings BuildSettings() =>
            EnvironmentConnection.Settings(Cloud, AuthUrl != null, SessionState.Path.CurrentFileSystemLocation.ProviderPath, WriteVerbose);

        private void ApplyParameters(AuthOptions o)
        {
            if (AuthUrl != null) o.AuthUrl = AuthUrl;
            if (Credential != null)
            {
                o.Method = AuthMethod.Password;
                o.UserName = Credential.UserName;
                o.UserId = null;
                o.Password = Credential.Password;
            }
            if (ApplicationCredential != null)
            {
                o.Method = AuthMethod.ApplicationCredential;
                o.ApplicationCredentialId = ApplicationCredential.UserName;
                o.ApplicationCredentialSecret = ApplicationCredential.Password;
            }
            if (Token != null)
            {
                o.Method = AuthMethod.Token;
                o.Token = Token;
            }
            if (UserDomainName != null) (o.UserDomainName, o.UserDomainId) = (UserDomainName, null);
            if (UserDomainId != null) (o.UserDomainId, o.UserDomainName) = (UserDomainId, null);
            // A scope given here replaces the whole scope of the lower layers.
            if (ProjectName != null || ProjectId != null || DomainName != null || DomainId != null)
            {
                o.ProjectName = ProjectName;
                o.ProjectId = ProjectId;
                o.DomainName = DomainName;
                o.DomainId = DomainId;
            }
            if (ProjectDomainName != null) (o.ProjectDomainName, o.ProjectDomainId) = (ProjectDomainName, null);
            if (ProjectDomainId != null) (o.ProjectDomainId, o.ProjectDomainName) = (ProjectDomainId, null);
            if (RegionName != null) o.RegionName = RegionName;
            if (Interface != null) o.Interface = Interface.ToLowerInvariant();
            if (SkipCertificateCheck.IsPresent) o.Transport.SkipCertificateCheck = SkipCertificateCheck.ToBool();
            if (CACertificatePath != null) o.Transport.CACertificatePath = GetUnresolvedProviderPathFromPSPath(CACertificatePath);
            if (MaxRetries.HasValue) o.Transport.MaxRetries = MaxRetries.Value;
            if (RetryMaxDelaySeconds.HasValue) o.Transport.RetryMaxDelay = TimeSpan.FromSeconds(RetryMaxDelaySeconds.Value);
            EnvironmentConnection.CheckCompleteness(o);
        }
    }
}
