using System.Management.Automation;
using System.Security;
using OpenStack.FakeCloud;

namespace OpenStack.PowerShell.TestCloud;

/// <summary>
/// A running test cloud. Its public properties are named as Connect-OpenStack's parameters, so
/// <c>$cloud | Connect-OpenStack</c> connects as the cloud's admin; <see cref="DemoCredential"/> is a non-admin user.
/// </summary>
public sealed class OSTestCloud
{
    internal OSTestCloud(OpenStack.FakeCloud.FakeCloud fake, string seed, string adminPassword)
    {
        Fake = fake;
        Seed = seed;
        AuthUrl = new Uri(fake.AuthUrl);
        Port = fake.BaseUri.Port;
        Credential = new PSCredential("admin", ToSecure(adminPassword));
        DemoCredential = new PSCredential("demo", ToSecure(FakeIdentity.DemoPassword));
    }

    /// <summary>The fake itself: internal, so that ConvertTo-Json and Format-List show only what a user needs.</summary>
    internal OpenStack.FakeCloud.FakeCloud Fake { get; }

    public Uri AuthUrl { get; }
    public int Port { get; }
    public PSCredential Credential { get; }
    public string ProjectName => "admin";
    public string UserDomainName => "Default";
    public string ProjectDomainName => "Default";
    public string RegionName => "RegionOne";
    /// <summary>The non-admin user "demo" of project "demo" (connect with -Credential $cloud.DemoCredential -ProjectName demo).</summary>
    public PSCredential DemoCredential { get; }
    public string Seed { get; }
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.Now;
    public bool Running { get; internal set; } = true;

    public override string ToString() => AuthUrl.ToString();

    private static SecureString ToSecure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
