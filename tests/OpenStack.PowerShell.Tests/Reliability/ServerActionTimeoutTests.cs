using System.Diagnostics;
using System.Management.Automation;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Reliability;

/// <summary>
/// -Wait's -Timeout bounds the whole action, its POST included: a Nova whose message queue is down holds the action
/// request open (the real case is DisruptiveTests' RabbitMQ one); the fake holds it with a delay.
/// </summary>
public sealed class ServerActionTimeoutTests : CloudTest
{
    public ServerActionTimeoutTests(FakeCloudFixture fixture) : base(fixture) { }

    [Fact]
    public void ActionRequestThatHangs_EndsAtTheTimeout_WithTheServersLastState()
    {
        var image = Cloud.Glance.AddImage("timeout-img");
        var id = Ps.Run("(New-OSServer -Name timeout-vm -Image $i -Flavor m1.tiny -NoNetwork -Wait).Id", new() { ["i"] = image.Id }).Single<string>();
        var hang = new FaultRule { Method = "POST", PathContains = $"/servers/{id}/action", DelayMs = 30_000, Times = 1 };
        Cloud.InjectFault(hang);
        try
        {
            var clock = Stopwatch.StartNew();
            var error = Ps.Run("Invoke-OSServerAction $id Stop -Wait -Timeout 2", new() { ["id"] = id }).SingleError("ServerWaitTimeout");
            clock.Stop();
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains("its Stop request got no answer", error.Exception.Message);
            Assert.Contains("did not become SHUTOFF within 2 s; it is ACTIVE", error.Exception.Message);
            Assert.InRange(clock.Elapsed.TotalSeconds, 1.9, 10);
            Assert.Equal(1, hang.Hits);
        }
        finally
        {
            Cloud.ClearFaults();
        }
    }
}
