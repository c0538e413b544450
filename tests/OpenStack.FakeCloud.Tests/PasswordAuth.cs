using System.Text;
using System.Text.Json.Nodes;

namespace OpenStack.FakeCloud.Tests;

/// <summary>Project-scoped password tokens from the fake Keystone, for tests that talk HTTP themselves.</summary>
internal static class PasswordAuth
{
    public static string Body(string user, string password, string project) => new JsonObject
    {
        ["auth"] = new JsonObject
        {
            ["identity"] = new JsonObject
            {
                ["methods"] = new JsonArray("password"),
                ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = user, ["domain"] = new JsonObject { ["name"] = "Default" }, ["password"] = password } },
            },
            ["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["name"] = "Default" } } },
        },
    }.ToJsonString();

    public static async Task<string> TokenAsync(HttpClient http, FakeCloud cloud, string user, string password, string project)
    {
        using var response = await http.PostAsync(cloud.AuthUrl + "/auth/tokens", new StringContent(Body(user, password, project), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("X-Subject-Token").Single();
    }
}
