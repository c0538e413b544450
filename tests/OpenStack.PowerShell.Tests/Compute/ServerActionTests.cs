using System.Management.Automation;
using System.Text.Json;
using OpenStack.Client.Compute.V2;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>Invoke-OSServerAction: each action's request body, the state -Wait waits for, and failures per server.</summary>
public sealed class ServerActionTests : ComputeTest
{
    public ServerActionTests(FakeCloudFixture fixture) : base(fixture) { }

    [Theory]
    [InlineData("Reboot", "active", "{\"reboot\": {\"type\": \"SOFT\"}}", "ACTIVE")]
    [InlineData("HardReboot", "stopped", "{\"reboot\": {\"type\": \"HARD\"}}", "ACTIVE")]
    [InlineData("Start", "stopped", "{\"os-start\": null}", "ACTIVE")]
    [InlineData("Stop", "active", "{\"os-stop\": null}", "SHUTOFF")]
    [InlineData("Pause", "active", "{\"pause\": null}", "PAUSED")]
    [InlineData("Unpause", "paused", "{\"unpause\": null}", "ACTIVE")]
    [InlineData("Suspend", "active", "{\"suspend\": null}", "SUSPENDED")]
    [InlineData("Resume", "suspended", "{\"resume\": null}", "ACTIVE")]
    [InlineData("Unlock", "active", "{\"unlock\": null}", "ACTIVE")]
    [InlineData("Rescue", "active", "{\"rescue\": null}", "RESCUE")]
    [InlineData("Unrescue", "rescued", "{\"unrescue\": null}", "ACTIVE")]
    [InlineData("Shelve", "active", "{\"shelve\": null}", "SHELVED_OFFLOADED")]
    [InlineData("Unshelve", "shelved_offloaded", "{\"unshelve\": null}", "ACTIVE")]
    [InlineData("ConfirmResize", "resized", "{\"confirmResize\": null}", "ACTIVE")]
    [InlineData("RevertResize", "resized", "{\"revertResize\": null}", "ACTIVE")]
    public void Action_SendsNovasBody_AndWaitReachesItsState(string action, string fromState, string expectedBody, string expectedStatus)
    {
        var server = SeedServer(vmState: fromState);
        var result = Ps.Run("Invoke-OSServerAction $n -Action $a -Wait -PassThru", new() { ["n"] = server.Name, ["a"] = action });
        var after = result.Single<Server>();
        Assert.Equal(expectedStatus, after.Status);
        Assert.Null(after.TaskState);
        var post = NovaRequests().Single(r => r.Method == "POST");
        Assert.Equal($"/compute/v2.1/servers/{server.Id}/action", post.PathAndQuery);
        Assert.Equal(action == "Rescue" ? 200 : 202, post.Status);   // rescue answers 200 with the adminPass
        AssertMicroversion(post);
        Assert.Equal(expectedBody, System.Text.Encoding.UTF8.GetString(post.Body).Replace(":", ": ").Replace(",", ", "));
    }

    [Fact]
    public void Lock_WithReason_SendsLockedReason_AndWaitSeesTheLock()
    {
        var server = SeedServer();
        var after = Ps.Run("Invoke-OSServerAction $n Lock -Reason 'maintenance window' -Wait -PassThru", new() { ["n"] = server.Name }).Single<Server>();
        Assert.True(after.Locked);
        Assert.Equal("maintenance window", after.LockedReason);
        var body = Body(NovaRequests().Single(r => r.Method == "POST"));
        Assert.Equal("maintenance window", body.GetProperty("lock").GetProperty("locked_reason").GetString());
    }

    [Fact]
    public void Resize_ThenConfirm_ByFlavorName()
    {
        var server = SeedServer();
        var resized = Ps.Run("Invoke-OSServerAction $n Resize -Flavor m1.small -Wait -PassThru", new() { ["n"] = server.Name }).Single<Server>();
        Assert.Equal("VERIFY_RESIZE", resized.Status);
        Assert.Equal("m1.small", resized.FlavorName);
        var post = NovaRequests().Single(r => r.Method == "POST");
        Assert.Equal("2", Body(post).GetProperty("resize").GetProperty("flavorRef").GetString());
        Ps.Run("Get-OSServer -Id $id | Invoke-OSServerAction -Action ConfirmResize -Wait", new() { ["id"] = server.Id }).AssertNoErrors();
        Assert.Equal("active", Cloud.Nova.Servers.Single(s => s.Id == server.Id).VmState);
    }

    [Fact]
    public void Rebuild_SendsTheImageId_ResolvedFromItsName()
    {
        var server = SeedServer();
        var image = SeedImage(Unique("rebuild"));
        var after = Ps.Run("Invoke-OSServerAction $n Rebuild -Image $i -Wait -PassThru", new() { ["n"] = server.Name, ["i"] = image.Name }).Single<Server>();
        Assert.Equal("ACTIVE", after.Status);
        Assert.Equal(image.Id, after.ImageId);
        Assert.Equal(image.Id, Body(NovaRequests().Single(r => r.Method == "POST")).GetProperty("rebuild").GetProperty("imageRef").GetString());
    }

    [Fact]
    public void CreateImage_ReturnsTheNewImage()
    {
        var server = SeedServer();
        var name = Unique("snap");
        var image = Ps.Run("Invoke-OSServerAction $n CreateImage -ImageName $i -Wait", new() { ["n"] = server.Name, ["i"] = name }).Single<ImageModel>();
        Assert.Equal(name, image.Name);
        Assert.Equal("snapshot", image.Properties["image_type"]);
        Assert.Equal(name, Body(NovaRequests().Single(r => r.Method == "POST")).GetProperty("createImage").GetProperty("name").GetString());
        Assert.Contains($"GET /image/v2/images/{image.Id}", RequestLines());
    }

    [Theory]
    [InlineData("Resize", "-Flavor")]
    [InlineData("Rebuild", "-Image")]
    [InlineData("CreateImage", "-ImageName")]
    public void ActionsThatNeedAnArgument_FailBeforeAnyRequest(string action, string parameter)
    {
        var error = Ps.Run("Invoke-OSServerAction some-server -Action $a", new() { ["a"] = action }).SingleError("ServerActionArgumentMissing");
        Assert.Contains(parameter, error.Exception.Message);
        Assert.Empty(NovaRequests());
    }

    [Fact]
    public void Resize_ToAnUnknownFlavor_StopsOnce_WithoutActingOnAnyServer()
    {
        var a = SeedServer();
        var b = SeedServer();
        var result = Ps.Run("$ids | Invoke-OSServerAction -Action Resize -Flavor m9.nope", new() { ["ids"] = new[] { a.Id, b.Id } });
        var error = result.SingleError("FlavorNotFound");
        Assert.Contains("m9.nope", error.Exception.Message);
        Assert.DoesNotContain(NovaRequests(), r => r.Method == "POST");
    }

    [Fact]
    public void ActionNotAllowedInTheState_IsServerStateConflict_NamingTheState()
    {
        var server = SeedServer(vmState: "active");
        var error = Ps.Run("Invoke-OSServerAction $n Start", new() { ["n"] = server.Name }).SingleError("ServerStateConflict");
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("vm_state active", error.Exception.Message);
        Assert.Contains("Start", error.Exception.Message);
        Assert.Contains("request id req-", error.Exception.Message);
        Assert.Equal(409, NovaRequests().Single(r => r.Method == "POST").Status);
    }

    [Fact]
    public void ManyServers_OneFailure_IsReported_AndTheOthersStillAct()
    {
        var stopped = SeedServer(vmState: "stopped");
        var active1 = SeedServer();
        var active2 = SeedServer();
        var result = Ps.Run("$ids | Invoke-OSServerAction -Action Stop", new() { ["ids"] = new[] { active1.Id, stopped.Id, active2.Id } });
        var error = result.SingleError("ServerStateConflict");
        Assert.Equal(stopped.Id, error.TargetObject);
        Assert.Equal(3, NovaRequests().Count(r => r.Method == "POST"));
        Assert.Equal(new[] { 202, 409, 202 }, NovaRequests().Where(r => r.Method == "POST").Select(r => r.Status));
    }

    [Fact]
    public void ActionOnAnUnknownServer_IsServerNotFound_AndAnAmbiguousNameListsTheIds()
    {
        Ps.Run("Invoke-OSServerAction no-such-server Reboot").SingleError("ServerNotFound");
        var name = Unique("twin");
        var a = SeedServer(name);
        var b = SeedServer(name);
        var error = Ps.Run("Invoke-OSServerAction $n Reboot", new() { ["n"] = name }).SingleError("ServerNameAmbiguous");
        Assert.Contains(a.Id, error.Exception.Message);
        Assert.Contains(b.Id, error.Exception.Message);
        Assert.DoesNotContain(NovaRequests(), r => r.Method == "POST");
    }

    [Fact]
    public void ActionParameter_CompletesTheActions()
    {
        var completions = Ps.Complete("Invoke-OSServerAction vm -Action Re");
        Assert.Contains("Reboot", completions);
        Assert.Contains("Resume", completions);
        Assert.Contains("RevertResize", completions);
        Assert.DoesNotContain("Stop", completions);
    }
}
