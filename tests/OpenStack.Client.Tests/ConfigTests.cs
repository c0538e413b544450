using System.Collections;
using OpenStack.Client.Auth;
using OpenStack.Client.Config;

namespace OpenStack.Client.Tests;

/// <summary>OS_* variables and clouds.yaml become the same auth options the CLI would use.</summary>
public sealed class ConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("osps-config").FullName;

    [Fact]
    public void OsVariables_MapOntoAuthOptions()
    {
        var env = new Hashtable
        {
            ["OS_AUTH_URL"] = "http://h:5000/v3", ["OS_USERNAME"] = "u", ["OS_PASSWORD"] = "p", ["OS_PROJECT_NAME"] = "proj",
            ["OS_USER_DOMAIN_NAME"] = "Users", ["OS_PROJECT_DOMAIN_NAME"] = "Projects", ["OS_REGION_NAME"] = "R1", ["OS_INTERFACE"] = "internalURL",
            ["OS_INSECURE"] = "true", ["UNRELATED"] = "x",
        };
        var o = CloudSettings.FromEnvironment(env).ToAuthOptions();
        Assert.Equal(AuthMethod.Password, o.Method);
        Assert.Equal(("u", "proj", "Users", "Projects", "R1", "internal"), (o.UserName, o.ProjectName, o.UserDomainName, o.ProjectDomainName, o.RegionName, o.Interface));
        Assert.Equal("p", SecretText.Reveal(o.Password!));
        Assert.True(o.Transport.SkipCertificateCheck);
    }

    [Fact]
    public void ApplicationCredentialVariables_ChooseThatMethod_AndLegacyTenantNamesWork()
    {
        var o = CloudSettings.FromEnvironment(new Hashtable { ["OS_AUTH_URL"] = "http://h/v3", ["OS_APPLICATION_CREDENTIAL_ID"] = "id", ["OS_APPLICATION_CREDENTIAL_SECRET"] = "s" }).ToAuthOptions();
        Assert.Equal(AuthMethod.ApplicationCredential, o.Method);
        o.Validate();
        Assert.Equal("t", CloudSettings.FromEnvironment(new Hashtable { ["OS_TENANT_NAME"] = "t" }).ToAuthOptions().ProjectName);
    }

    [Fact]
    public void ToString_NeverShowsValues()
    {
        var settings = CloudSettings.FromEnvironment(new Hashtable { ["OS_PASSWORD"] = "hunter2-secret" });
        Assert.DoesNotContain("hunter2", settings.ToString());
        Assert.DoesNotContain("hunter2", settings.ToAuthOptions().ToString());
    }

    [Fact]
    public void Validate_NamesTheMissingSetting()
    {
        Assert.Contains("OS_AUTH_URL", Assert.Throws<ArgumentException>(() => new AuthOptions().Validate()).Message);
        Assert.Contains("OS_PASSWORD", Assert.Throws<ArgumentException>(() => new AuthOptions { AuthUrl = new Uri("http://h"), UserName = "u" }.Validate()).Message);
        Assert.Throws<ArgumentException>(() => CloudSettings.FromEnvironment(new Hashtable { ["OS_AUTH_URL"] = "not a url" }).ToAuthOptions());
        Assert.Throws<ArgumentException>(() => CloudSettings.FromEnvironment(new Hashtable { ["OS_AUTH_TYPE"] = "saml2" }).ToAuthOptions());
    }

    [Fact]
    public void CloudsYaml_IsReadWithSecureYamlLaidOver()
    {
        File.WriteAllText(Path.Combine(_dir, "clouds.yaml"), """
            clouds:
              devstack:
                auth:
                  auth_url: http://h/identity
                  username: demo
                  password: from-clouds
                  project_name: demo
                  user_domain_id: default
                region_name: RegionOne
                verify: false
              appcred:
                auth_type: v3applicationcredential
                auth:
                  auth_url: http://h/identity
                  application_credential_id: abc
                  application_credential_secret: s
            """);
        File.WriteAllText(Path.Combine(_dir, "secure.yaml"), "clouds:\n  devstack:\n    auth:\n      password: from-secure\n");
        var o = CloudsYaml.Load("devstack", _dir).ToAuthOptions();
        Assert.Equal(("demo", "demo", "default", "RegionOne"), (o.UserName, o.ProjectName, o.UserDomainId, o.RegionName));
        Assert.Equal("from-secure", SecretText.Reveal(o.Password!));
        Assert.True(o.Transport.SkipCertificateCheck);
        Assert.Equal(AuthMethod.ApplicationCredential, CloudsYaml.Load("appcred", _dir).ToAuthOptions().Method);
        Assert.Equal(new[] { "appcred", "devstack" }, CloudsYaml.CloudNames(_dir));
    }

    [Fact]
    public void CloudsYaml_Errors_AreClassified()
    {
        Assert.Equal(CloudConfigProblem.CloudNotFound, Record(() =>
        {
            File.WriteAllText(Path.Combine(_dir, "clouds.yaml"), "clouds:\n  a:\n    auth: {}\n");
            CloudsYaml.Load("b", _dir);
        }));
        Assert.Equal(CloudConfigProblem.Malformed, Record(() =>
        {
            File.WriteAllText(Path.Combine(_dir, "clouds.yaml"), "clouds: [unclosed");
            CloudsYaml.Load("a", _dir);
        }));
        Assert.Equal(CloudConfigProblem.Malformed, Record(() =>
        {
            File.WriteAllText(Path.Combine(_dir, "clouds.yaml"), "something: else\n");
            CloudsYaml.Load("a", _dir);
        }));
    }

    private static CloudConfigProblem Record(Action action) => Assert.Throws<CloudConfigException>(action).Problem;

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
