using System.Management.Automation;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>New-OSServer's bad input and failed waits: one specific ErrorRecord each, and no server made when the input was wrong.</summary>
public sealed class ServerErrorTests : ComputeTest
{
    public ServerErrorTests(FakeCloudFixture fixture) : base(fixture) { }

    private void AssertNoServerCreated() => Assert.DoesNotContain(NovaRequests(), r => r.Method == "POST");

    [Fact]
    public void UnknownImageName_IsImageNotFound_BeforeAnyServerIsCreated()
    {
        var error = Ps.Run("New-OSServer -Name x -Image no-such-image -Flavor m1.tiny -NoNetwork").SingleError("ImageNotFound");
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("no-such-image", error.Exception.Message);
        AssertNoServerCreated();
    }

    [Fact]
    public void UnknownFlavorName_IsFlavorNotFound()
    {
        var image = SeedImage();
        var error = Ps.Run("New-OSServer -Name x -Image $i -Flavor m9.huge -NoNetwork", new() { ["i"] = image.Id }).SingleError("FlavorNotFound");
        Assert.Contains("m9.huge", error.Exception.Message);
        AssertNoServerCreated();
    }

    [Fact]
    public void AmbiguousImageName_ListsTheIds()
    {
        var name = Unique("dup");
        var a = SeedImage(name);
        var b = SeedImage(name);
        var error = Ps.Run("New-OSServer -Name x -Image $i -Flavor m1.tiny -NoNetwork", new() { ["i"] = name }).SingleError("ImageNameAmbiguous");
        Assert.Contains(a.Id, error.Exception.Message);
        Assert.Contains(b.Id, error.Exception.Message);
        AssertNoServerCreated();
    }

    [Fact]
    public void AmbiguousFlavorName_IsFlavorNameAmbiguous()
    {
        var name = Unique("flv");
        Cloud.Nova.AddFlavor(name);
        Cloud.Nova.AddFlavor(name);
        Ps.Run("New-OSServer -Name x -Image $i -Flavor $f -NoNetwork", new() { ["i"] = SeedImage().Id, ["f"] = name }).SingleError("FlavorNameAmbiguous");
        AssertNoServerCreated();
    }

    [Fact]
    public void UnknownFlavorId_IsNovasBadRequest_WithItsMessage()
    {
        // An object with an Id is trusted without a lookup: Nova's own 400 reaches the user.
        var error = Ps.Run("New-OSServer -Name x -Image $i -Flavor ([pscustomobject]@{ Id = '99' }) -NoNetwork", new() { ["i"] = SeedImage().Id })
            .SingleError("ServerRequestInvalid");
        Assert.Contains("Flavor 99 could not be found.", error.Exception.Message);
    }

    [Fact]
    public void ServerGoingToError_StopsTheWait_NamingTheFault()
    {
        Cloud.Nova.FailNextBuild = "No valid host was found. There are not enough hosts available.";
        var result = Ps.Run("New-OSServer -Name broken -Image $i -Flavor m1.tiny -NoNetwork -Wait", new() { ["i"] = SeedImage().Id });
        var error = result.SingleError("ServerFault");
        Assert.Contains("went to ERROR", error.Exception.Message);
        Assert.Contains("No valid host was found", error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void WaitThatRunsOut_IsServerWaitTimeout_NamingTheLastStatus()
    {
        Cloud.Nova.StuckBuilds = true;
        try
        {
            var result = Ps.Run("New-OSServer -Name slow -Image $i -Flavor m1.tiny -NoNetwork -Wait -Timeout 1", new() { ["i"] = SeedImage().Id });
            var error = result.SingleError("ServerWaitTimeout");
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains("BUILD (spawning)", error.Exception.Message);
            Assert.Contains("within 1 s", error.Exception.Message);
        }
        finally
        {
            Cloud.Nova.StuckBuilds = false;
        }
    }

    [Fact]
    public void ActionWaitThatRunsOut_IsServerWaitTimeout()
    {
        Cloud.Nova.PollsToSettle = 1000;
        try
        {
            var server = SeedServer();
            var error = Ps.Run("Invoke-OSServerAction $n Stop -Wait -Timeout 1", new() { ["n"] = server.Name }).SingleError("ServerWaitTimeout");
            Assert.Contains("SHUTOFF", error.Exception.Message);
        }
        finally
        {
            Cloud.Nova.PollsToSettle = 1;
        }
    }

    [Fact]
    public void NotConnected_IsSessionNotConnected()
    {
        using var ps = new PowerShellSession();
        ps.Run("Get-OSServer").SingleError("SessionNotConnected");
    }
}
