using System.Management.Automation;

namespace OpenStack.PowerShell.TestCloud;

/// <summary>Stops a test cloud started by Start-OSTestCloud; its data is gone with it.</summary>
[Cmdlet(VerbsLifecycle.Stop, "OSTestCloud", SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class StopOSTestCloudCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public OSTestCloud? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        var cloud = InputObject!;
        if (!cloud.Running || !ShouldProcess(cloud.AuthUrl.ToString(), "Stop test cloud")) return;
        cloud.Fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
        cloud.Running = false;
    }
}
