using System.Collections;
using OpenStack.Client.Auth;

namespace OpenStack.Client.Config
{
    /// <summary>
    /// Connection settings under the names clouds.yaml uses (auth_url, username, project_name, …), gathered
    /// from one source (a clouds.yaml entry or the OS_* variables) and layered: later layers win.
    /// </summary>
    public sealed class CloudSettings
    {
        private readonly Dictionary<string, string> _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Where the settings came from, for messages ("clouds.yaml cloud 'devstack'", "OS_* variables").</summary>
        public string Source { get; set; } = "parameters";

        public string? this[string key]
        {
            get => _values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
            set
            {
                if (value == null) _values.Remove(key);
                else _values[key] = value;
            }
        }

        public bool IsEmpty => _values.Count == 0;

        // OS_* variable → clouds.yaml key. Legacy names (tenant, endpoint_type) map onto the current ones.
        private static readonly (string Variable, string Key)[] EnvironmentNames =
        {
            ("OS_AUTH_URL", "auth_url"), ("OS_USERNAME", "username"), ("OS_USER_ID", "user_id"), ("OS_PASSWORD", "password"),
            ("OS_TENANT_NAME", "project_name"), ("OS_TENANT_ID", "project_id"),
            ("OS_PROJECT_NAME", "project_name"), ("OS_PROJECT_ID", "project_id"),
            ("OS_USER_DOMAIN_NAME", "user_domain_name"), ("OS_USER_DOMAIN_ID", "user_domain_id"),
            ("OS_PROJECT_DOMAIN_NAME", "project_domain_name"), ("OS_PROJECT_DOMAIN_ID", "project_domain_id"),
            ("OS_DOMAIN_NAME", "domain_name"), ("OS_DOMAIN_ID", "domain_id"),
            ("OS_DEFAULT_DOMAIN", "default_domain"),
            ("OS_REGION_NAME", "region_name"), ("OS_ENDPOINT_TYPE", "interface"), ("OS_INTERFACE", "interface"),
            ("OS_AUTH_TYPE", "auth_type"), ("OS_TOKEN", "token"),
            ("OS_APPLICATION_CREDENTIAL_ID", "application_credential_id"),
            ("OS_APPLICATION_CREDENTIAL_NAME", "application_credential_name"),
            ("OS_APPLICATION_CREDENTIAL_SECRET", "application_credential_secret"),
            ("OS_CACERT", "cacert"), ("OS_INSECURE", "insecure"),
        };

        /// <summary>The OS_* variables that are set, as settings.</summary>
        public static CloudSettings FromEnvironment(IDictionary environment)
        {
            var settings = new CloudSettings { Source = "the OS_* environment variables" };
            foreach (var (variable, key) in EnvironmentNames)
            {
                if (environment[variable] is string value && value.Length > 0) settings[key] = value;
            }
            return settings;
        }

        public static CloudSettings FromProcessEnvironment() => FromEnvironment(Environment.GetEnvironmentVariables());

        /// <summary>Copies every value of <paramref name="over"/> onto this one.</summary>
        public CloudSettings Overlay(CloudSettings over)
        {
            foreach (var pair in over._values) _values[pair.Key] = pair.Value;
            return this;
        }

        /// <summary>Turns the settings into auth options, deciding the method as keystoneauth's auth_type does.</summary>
        public AuthOptions ToAuthOptions()
        {
            var authUrl = this["auth_url"];
            Uri? url = null;
            if (authUrl != null && !Uri.TryCreate(authUrl, UriKind.Absolute, out url))
                throw new ArgumentException($"The auth URL '{authUrl}' from {Source} is not a valid absolute URL.");
            var defaultDomain = this["default_domain"];
            var options = new AuthOptions
            {
                AuthUrl = url!,
                Method = MethodOf(this["auth_type"]),
                UserName = this["username"],
                UserId = this["user_id"],
                UserDomainName = this["user_domain_name"] ?? (this["user_domain_id"] == null ? defaultDomain : null),
                UserDomainId = this["user_domain_id"],
                ProjectName = this["project_name"],
                ProjectId = this["project_id"],
                ProjectDomainName = this["project_domain_name"] ?? (this["project_domain_id"] == null ? defaultDomain : null),
                ProjectDomainId = this["project_domain_id"],
                DomainName = this["domain_name"],
                DomainId = this["domain_id"],
                ApplicationCredentialId = this["application_credential_id"],
                ApplicationCredentialName = this["application_credential_name"],
                RegionName = this["region_name"],
                Interface = EndpointSelector.NormalizeInterface(this["interface"] ?? "public"),
            };
            if (this["password"] is string password) options.Password = SecretText.ToSecureString(password);
            if (this["application_credential_secret"] is string secret) options.ApplicationCredentialSecret = SecretText.ToSecureString(secret);
            if (this["token"] is string token) options.Token = SecretText.ToSecureString(token);
            // No auth_type: the secret that is present says which method is meant.
            if (this["auth_type"] == null)
            {
                if (options.ApplicationCredentialSecret != null) options.Method = AuthMethod.ApplicationCredential;
                else if (options.Password == null && options.Token != null) options.Method = AuthMethod.Token;
            }
            options.Transport.SkipCertificateCheck = IsTrue(this["insecure"]) || IsFalse(this["verify"]);
            options.Transport.CACertificatePath = this["cacert"] ?? (this["verify"] is string v && !IsTrue(v) && !IsFalse(v) ? v : null);
            return options;
        }

        private AuthMethod MethodOf(string? authType)
        {
            switch (authType?.ToLowerInvariant())
            {
                case null: case "password": case "v3password": return AuthMethod.Password;
                case "v3applicationcredential": case "applicationcredential": return AuthMethod.ApplicationCredential;
                case "token": case "v3token": case "admin_token": return AuthMethod.Token;
                default: throw new ArgumentException($"The auth type '{authType}' from {Source} is not supported (password, v3applicationcredential, token).");
            }
        }

        private static bool IsTrue(string? value) => value != null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
        private static bool IsFalse(string? value) => value != null && (value.Equals("false", StringComparison.OrdinalIgnoreCase) || value == "0" || value.Equals("no", StringComparison.OrdinalIgnoreCase));

        /// <summary>Never lists values: some are secrets.</summary>
        public override string ToString() => $"settings from {Source}: {string.Join(", ", _values.Keys)}";
    }
}
