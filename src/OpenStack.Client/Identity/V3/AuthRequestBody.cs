using System.IO;
using OpenStack.Client.Auth;

namespace OpenStack.Client.Identity.V3
{
    /// <summary>
    /// Writes the body of POST /v3/auth/tokens. Written by hand rather than serialised from a model so
    /// that the secret exists as text only inside this method, never in an object that could be logged.
    /// </summary>
    internal static class AuthRequestBody
    {
        public static byte[] Build(AuthOptions options)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteStartObject("auth");
                w.WriteStartObject("identity");
                switch (options.Method)
                {
                    case AuthMethod.Password: WritePassword(w, options); break;
                    case AuthMethod.ApplicationCredential: WriteApplicationCredential(w, options); break;
                    case AuthMethod.Token: WriteToken(w, options); break;
                }
                w.WriteEndObject();
                // Application credentials carry their own scope: Keystone rejects a scope beside them.
                if (options.Method != AuthMethod.ApplicationCredential) WriteScope(w, options);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            return buffer.ToArray();
        }

        private static void WritePassword(Utf8JsonWriter w, AuthOptions o)
        {
            w.WriteStartArray("methods");
            w.WriteStringValue("password");
            w.WriteEndArray();
            w.WriteStartObject("password");
            w.WriteStartObject("user");
            WriteUser(w, o);
            w.WriteString("password", SecretText.Reveal(o.Password!));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static void WriteApplicationCredential(Utf8JsonWriter w, AuthOptions o)
        {
            w.WriteStartArray("methods");
            w.WriteStringValue("application_credential");
            w.WriteEndArray();
            w.WriteStartObject("application_credential");
            if (!string.IsNullOrEmpty(o.ApplicationCredentialId))
            {
                w.WriteString("id", o.ApplicationCredentialId);
            }
            else
            {
                w.WriteString("name", o.ApplicationCredentialName);
                w.WriteStartObject("user");
                WriteUser(w, o);
                w.WriteEndObject();
            }
            w.WriteString("secret", SecretText.Reveal(o.ApplicationCredentialSecret!));
            w.WriteEndObject();
        }

        private static void WriteToken(Utf8JsonWriter w, AuthOptions o)
        {
            w.WriteStartArray("methods");
            w.WriteStringValue("token");
            w.WriteEndArray();
            w.WriteStartObject("token");
            w.WriteString("id", SecretText.Reveal(o.Token!));
            w.WriteEndObject();
        }

        private static void WriteUser(Utf8JsonWriter w, AuthOptions o)
        {
            if (!string.IsNullOrEmpty(o.UserId))
            {
                w.WriteString("id", o.UserId);
                return;
            }
            w.WriteString("name", o.UserName);
            WriteDomain(w, o.UserDomainId, o.UserDomainName ?? (o.UserDomainId == null ? "Default" : null));
        }

        private static void WriteScope(Utf8JsonWriter w, AuthOptions o)
        {
            if (o.IsProjectScoped)
            {
                w.WriteStartObject("scope");
                w.WriteStartObject("project");
                if (!string.IsNullOrEmpty(o.ProjectId))
                {
                    w.WriteString("id", o.ProjectId);
                }
                else
                {
                    w.WriteString("name", o.ProjectName);
                    // As keystoneauth: the project's domain defaults to the user's.
                    var domainId = o.ProjectDomainId ?? (o.ProjectDomainName == null ? o.UserDomainId : null);
                    var domainName = o.ProjectDomainName ?? (domainId == null ? o.UserDomainName ?? "Default" : null);
                    WriteDomain(w, domainId, domainName);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            else if (o.IsDomainScoped)
            {
                w.WriteStartObject("scope");
                w.WriteStartObject("domain");
                if (!string.IsNullOrEmpty(o.DomainId)) w.WriteString("id", o.DomainId);
                else w.WriteString("name", o.DomainName);
                w.WriteEndObject();
                w.WriteEndObject();
            }
        }

        private static void WriteDomain(Utf8JsonWriter w, string? id, string? name)
        {
            w.WriteStartObject("domain");
            if (!string.IsNullOrEmpty(id)) w.WriteString("id", id);
            else w.WriteString("name", name);
            w.WriteEndObject();
        }
    }
}
