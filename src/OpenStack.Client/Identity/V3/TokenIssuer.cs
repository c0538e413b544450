using System.Net.Http.Headers;
using OpenStack.Client.Auth;
using OpenStack.Client.Json;

namespace OpenStack.Client.Identity.V3
{
    /// <summary>A token and what Keystone said about it.</summary>
    internal sealed class IssuedToken
    {
        public string Value { get; set; } = string.Empty;
        public DateTimeOffset ExpiresAt { get; set; }
        public DateTimeOffset IssuedAt { get; set; }
        public NamedRef? User { get; set; }
        public NamedRef? Project { get; set; }
        public NamedRef? Domain { get; set; }
        public IReadOnlyList<string> Roles { get; set; } = Array.Empty<string>();
        public IReadOnlyList<CatalogService> Catalog { get; set; } = Array.Empty<CatalogService>();

        // The token is a secret: it must never reach a log or a view through ToString.
        public override string ToString() => $"token for {User?.Name} expiring {ExpiresAt:u}";
    }

    /// <summary>POST /v3/auth/tokens: one round trip gives the token and the catalog.</summary>
    internal static class TokenIssuer
    {
        /// <summary>
        /// Why the answer cannot be Keystone's, or null. Keystone answers its errors in JSON with an "error"
        /// member (its 404 for an unknown token included); a redirect or version list (3xx), a 404/405 of
        /// another shape, or an HTML page where a token should be comes from something else. A proxy's HTML
        /// error page (502…) stays what it is: the proxy could not reach Keystone.
        /// </summary>
        private static async Task<string?> NotKeystoneReasonAsync(HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            var mediaType = response.Content?.Headers.ContentType?.MediaType ?? "";
            var isHtml = mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0;
            if (status >= 300 && status < 400) return "";
            if (isHtml && status < 300) return " with an HTML page";
            if (status != 404 && status != 405) return null;
            await response.Content!.LoadIntoBufferAsync().ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var keystoneShaped = mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0 && body.IndexOf("\"error\"", StringComparison.Ordinal) >= 0;
            return keystoneShaped ? null : "";
        }

        public static async Task<IssuedToken> IssueAsync(HttpTransport transport, AuthOptions options, CancellationToken cancellationToken)
        {
            var url = Urls.Tokens(Urls.V3Root(options.AuthUrl));
            using var request = new HttpRequestMessage(HttpMethod.Post, url);
            var content = new ByteArrayContent(AuthRequestBody.Build(options));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Content = content;
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await transport.SendAsync(request, HttpCompletionOption.ResponseContentRead, transport.RequestTimeout, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var notKeystone = await NotKeystoneReasonAsync(response).ConfigureAwait(false);
            if (notKeystone != null)
            {
                throw new NotKeystoneException(HttpTransport.Redact(options.AuthUrl), $"POST {HttpTransport.Redact(url)} answered {status}{notKeystone}" +
                    (HttpTransport.RequestIdOf(response) is string id ? $", request id {id}" : ""));
            }
            if (!response.IsSuccessStatusCode) throw await HttpTransport.ToApiExceptionAsync(response).ConfigureAwait(false);

            if (!response.Headers.TryGetValues("X-Subject-Token", out var values) || string.IsNullOrEmpty(values.FirstOrDefault()))
            {
                throw new NotKeystoneException(HttpTransport.Redact(options.AuthUrl), $"POST {HttpTransport.Redact(url)} answered {status} without an X-Subject-Token header");
            }
            TokenBody? body;
            try
            {
                var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                body = JsonSerializer.Deserialize(bytes, ClientJsonContext.Default.TokenEnvelope)?.Token;
            }
            catch (JsonException ex)
            {
                throw new NotKeystoneException(HttpTransport.Redact(options.AuthUrl), $"POST {HttpTransport.Redact(url)} did not answer with a Keystone v3 token: {ex.Message}");
            }
            if (body == null) throw new OpenStackException($"{HttpTransport.Redact(url)} did not answer with a Keystone v3 token.");
            return new IssuedToken
            {
                Value = values.First(),
                ExpiresAt = body.ExpiresAt,
                IssuedAt = body.IssuedAt,
                User = body.User,
                Project = body.Project,
                Domain = body.Domain,
                Roles = body.Roles?.Select(r => r.Name ?? r.Id ?? string.Empty).ToList() ?? new List<string>(),
                Catalog = body.Catalog ?? new List<CatalogService>(),
            };
        }
    }
}
