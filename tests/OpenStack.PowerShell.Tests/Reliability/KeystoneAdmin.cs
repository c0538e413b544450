using System.Reflection;
using System.Text.Json;
using OpenStack.Client;

namespace OpenStack.PowerShell.Tests.Reliability;

/// <summary>
/// What an operator does to a session from the outside, over plain HTTP with its own admin token: revoke a token
/// (DELETE /v3/auth/tokens), issue one. Used by the real-cloud reliability tests; never through the module under test.
/// </summary>
internal static class KeystoneAdmin
{
    private static readonly HttpClient Http = new(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A project-scoped token for the user in the variables (OS_USERNAME/OS_PASSWORD/OS_PROJECT_NAME).</summary>
    public static string IssueToken(IReadOnlyDictionary<string, string> os)
    {
        var body = new
        {
            auth = new
            {
                identity = new { methods = new[] { "password" }, password = new { user = new { name = os["OS_USERNAME"], domain = new { name = os.GetValueOrDefault("OS_USER_DOMAIN_NAME", "Default") }, password = os["OS_PASSWORD"] } } },
                scope = new { project = new { name = os["OS_PROJECT_NAME"], domain = new { name = os.GetValueOrDefault("OS_PROJECT_DOMAIN_NAME", "Default") } } },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, TokensUrl(os)) { Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json") };
        using var response = Http.Send(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    /// <summary>Revokes <paramref name="token"/> as the admin in <paramref name="os"/>; Keystone answers 204.</summary>
    public static void Revoke(IReadOnlyDictionary<string, string> os, string token)
    {
        var admin = IssueToken(os);
        using var request = new HttpRequestMessage(HttpMethod.Delete, TokensUrl(os));
        request.Headers.Add("X-Auth-Token", admin);
        request.Headers.Add("X-Subject-Token", token);
        using var response = Http.Send(request);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        // Keystone itself refuses the token at once (404 on validation).
        using var check = new HttpRequestMessage(HttpMethod.Get, TokensUrl(os));
        check.Headers.Add("X-Auth-Token", admin);
        check.Headers.Add("X-Subject-Token", token);
        using var checkResponse = Http.Send(check);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, checkResponse.StatusCode);
    }

    /// <summary>The token a session holds right now (internal to the client: tests read it to revoke it).</summary>
    public static string TokenOf(OpenStackSession session) =>
        (string)typeof(OpenStackSession).GetProperty("CurrentToken", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(session)!;

    private static Uri TokensUrl(IReadOnlyDictionary<string, string> os) => new(os["OS_AUTH_URL"].TrimEnd('/') + "/auth/tokens");

    public static JsonElement Json(HttpResponseMessage response) => JsonDocument.Parse(response.Content.ReadAsStringAsync().Result).RootElement.Clone();
}
