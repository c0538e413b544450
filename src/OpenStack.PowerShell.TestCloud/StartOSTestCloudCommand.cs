using System.Management.Automation;

namespace OpenStack.PowerShell.TestCloud;

/// <summary>Starts the project's fake Keystone, Glance, Nova and Neutron on 127.0.0.1 in this process; data lives in memory only.</summary>
[Cmdlet(VerbsLifecycle.Start, "OSTestCloud")]
[OutputType(typeof(OSTestCloud))]
public sealed class StartOSTestCloudCommand : PSCmdlet
{
    /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    [Parameter(Position = 0)]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>The data set to start with: Default (images, networks, a server) or Empty.</summary>
    [Parameter]
    [ValidateSet(TestCloudSeed.Default, TestCloudSeed.Empty, IgnoreCase = true)]
    public string Seed { get; set; } = TestCloudSeed.Default;

    protected override void EndProcessing()
    {
        if (AspNetCoreResolver.Directory == null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("Start-OSTestCloud needs the ASP.NET Core 10 runtime (Microsoft.AspNetCore.App 10.0) beside the .NET runtime " +
                    "pwsh runs on; install the .NET 10 SDK or aspnetcore-runtime-10.0, or set DOTNET_ROOT to a .NET installation that has it."),
                "TestCloudRuntimeMissing", ErrorCategory.NotInstalled, null));
        }
        var options = new OpenStack.FakeCloud.FakeCloudOptions { Port = Port };
        OpenStack.FakeCloud.FakeCloud fake;
        try
        {
            fake = OpenStack.FakeCloud.FakeCloud.StartAsync(options).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "TestCloudPortInUse", ErrorCategory.ResourceUnavailable, Port));
            return;
        }
        var canonical = string.Equals(Seed, TestCloudSeed.Empty, StringComparison.OrdinalIgnoreCase) ? TestCloudSeed.Empty : TestCloudSeed.Default;
        TestCloudSeed.Apply(fake, canonical);
        WriteVerbose($"Test cloud at {fake.AuthUrl} (seed {canonical}); connect with: `$cloud | Connect-OpenStack");
        WriteObject(new OSTestCloud(fake, canonical, options.AdminPassword));
    }
}
