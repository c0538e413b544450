using System.Text.Json;
using OpenStack.Client.Auth;
using OpenStack.Client.Identity.V3;
using OpenStack.Client.Image.V2;

namespace OpenStack.Client.Tests;

/// <summary>The JSON bodies the client sends, against the shapes of the api-ref's examples.</summary>
public sealed class RequestBodyTests
{
    private static JsonElement Auth(AuthOptions o) => JsonDocument.Parse(AuthRequestBody.Build(o)).RootElement.GetProperty("auth");

    [Fact]
    public void PasswordProjectScope_DefaultsTheDomainsLikeKeystoneauth()
    {
        var auth = Auth(new AuthOptions { AuthUrl = new Uri("http://h/v3"), UserName = "u", Password = SecretText.ToSecureString("p"), ProjectName = "proj", UserDomainName = "Users" });
        Assert.Equal("""{"methods":["password"],"password":{"user":{"name":"u","domain":{"name":"Users"},"password":"p"}}}""", auth.GetProperty("identity").GetRawText());
        Assert.Equal("""{"project":{"name":"proj","domain":{"name":"Users"}}}""", auth.GetProperty("scope").GetRawText());
    }

    [Fact]
    public void DomainScope_ProjectById_AndUnscoped()
    {
        var baseOptions = new AuthOptions { AuthUrl = new Uri("http://h/v3"), UserId = "uid", Password = SecretText.ToSecureString("p") };
        baseOptions.DomainId = "d1";
        Assert.Equal("""{"domain":{"id":"d1"}}""", Auth(baseOptions).GetProperty("scope").GetRawText());
        baseOptions.ProjectId = "p1";
        Assert.Equal("""{"project":{"id":"p1"}}""", Auth(baseOptions).GetProperty("scope").GetRawText());
        Assert.Equal("""{"id":"uid","password":"p"}""", Auth(baseOptions).GetProperty("identity").GetProperty("password").GetProperty("user").GetRawText());
        Assert.False(Auth(new AuthOptions { AuthUrl = new Uri("http://h/v3"), UserName = "u", Password = SecretText.ToSecureString("p") }).TryGetProperty("scope", out _));
    }

    [Fact]
    public void ApplicationCredential_HasNoScope()
    {
        var auth = Auth(new AuthOptions { AuthUrl = new Uri("http://h/v3"), Method = AuthMethod.ApplicationCredential, ApplicationCredentialId = "ac", ApplicationCredentialSecret = SecretText.ToSecureString("s"), ProjectName = "ignored" });
        Assert.Equal("""{"methods":["application_credential"],"application_credential":{"id":"ac","secret":"s"}}""", auth.GetProperty("identity").GetRawText());
        Assert.False(auth.TryGetProperty("scope", out _));
    }

    [Fact]
    public void Token_Method()
    {
        var auth = Auth(new AuthOptions { AuthUrl = new Uri("http://h/v3"), Method = AuthMethod.Token, Token = SecretText.ToSecureString("tok"), ProjectId = "p" });
        Assert.Equal("""{"methods":["token"],"token":{"id":"tok"}}""", auth.GetProperty("identity").GetRawText());
    }

    [Fact]
    public void ImagePatch_ReplacesKnownFields_AddsProperties_RemovesOnlyExisting_AndReplacesTagsWhole()
    {
        var current = JsonSerializer.Deserialize("""{"id":"i","name":"a","status":"active","tags":["x","y"],"os_distro":"cirros"}""", Image.V2.ImageJson.Default.Image)!;
        var changes = new UpdateImageOptions { Name = "b", Visibility = "public", Protected = true, MinRam = 512 };
        changes.SetProperties["hw_disk_bus"] = "virtio";
        changes.SetProperties["a/b"] = "slash";
        changes.RemoveProperties.Add("os_distro");
        changes.RemoveProperties.Add("missing");
        changes.AddTags.Add("z");
        changes.RemoveTags.Add("x");
        var patch = System.Text.Encoding.UTF8.GetString(ImagePatch.Build(current, changes));
        Assert.Equal("""[{"op":"replace","path":"/name","value":"b"},{"op":"replace","path":"/visibility","value":"public"},{"op":"replace","path":"/protected","value":true},{"op":"replace","path":"/min_ram","value":512},{"op":"add","path":"/hw_disk_bus","value":"virtio"},{"op":"add","path":"/a~1b","value":"slash"},{"op":"remove","path":"/os_distro"},{"op":"replace","path":"/tags","value":["y","z"]}]""", patch);
    }

    [Fact]
    public void ListOptions_BecomeGlanceQueryParameters()
    {
        var options = new ListImagesOptions { Name = "a b", Status = "active", Visibility = "all", Limit = 10 };
        options.Tags.Add("t");
        Assert.Equal("http://h/v2/images?limit=10&name=a%20b&status=active&visibility=all&tag=t", Http.ServiceClient.ListUrl(new Uri("http://h/"), Images.Resource, options, options.Name).AbsoluteUri);
    }
}
