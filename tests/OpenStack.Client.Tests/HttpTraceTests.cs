using OpenStack.Client.Http;

namespace OpenStack.Client.Tests;

/// <summary>What the HTTP trace may show of a URL and of an error body: nothing secret, everything else.</summary>
public sealed class HttpTraceTests
{
    [Fact]
    public void Url_DropsUserInfo_MasksSecretQueryValues_KeepsMarkersAndFilters()
    {
        var url = HttpTrace.Url(new Uri("https://alice:hunter2@cloud.example:9292/v2/images?limit=25&marker=abc-1&sort_key=name&name=in:%22x%22&token=t0ken&temp_url_sig=s1g&X-Amz-Signature=zz"));
        Assert.Equal("https://cloud.example:9292/v2/images?limit=25&marker=abc-1&sort_key=name&name=in:%22x%22&token=***&temp_url_sig=***&X-Amz-Signature=***", url);
        Assert.DoesNotContain("hunter2", url);
        Assert.DoesNotContain("alice", url);
    }

    [Theory]
    [InlineData("{\"error\": {\"password\": \"hunter2\"}}", "hunter2")]
    [InlineData("{\"auth\": {\"identity\": {\"application_credential\": {\"id\": \"a1\", \"secret\": \"s3cr3t\"}}}}", "s3cr3t")]
    [InlineData("{\"keypair\": {\"private_key\": \"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjE\\n-----END OPENSSH PRIVATE KEY-----\\n\"}}", "b3BlbnNzaC1rZXktdjE")]
    [InlineData("token gAAAAABnZ2ZmZmZmZmZmZmZmZmZmZmZmZmZm_-ab was refused", "gAAAAABnZ2ZmZmZmZmZmZmZmZmZmZmZmZmZm")]
    [InlineData("X-Auth-Token: 0123456789abcdef refused", "0123456789abcdef")]
    [InlineData("{\"x_auth_token\": 12345678901}", "12345678901")]
    public void Redact_MasksSecrets(string text, string secret)
    {
        var redacted = HttpTrace.Redact(text);
        Assert.DoesNotContain(secret, redacted);
        Assert.Contains("***", redacted);
    }

    [Fact]
    public void Redact_KeepsTheMessage()
    {
        const string body = "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid flavorRef provided.\"}}";
        Assert.Equal(body, HttpTrace.Redact(body));
    }
}
