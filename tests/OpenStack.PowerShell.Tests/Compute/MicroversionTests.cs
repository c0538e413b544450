using OpenStack.Client.Compute.V2;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>
/// Clouds older than the client: the microversion sent is the cloud's maximum, and the shapes of that version are
/// handled (flavor by id before 2.47, no networks auto/none before 2.37, Nova-generated keys before 2.92).
/// Each test sets the fake's maximum in a fresh runspace (negotiation is cached per session).
/// </summary>
public sealed class MicroversionTests : ComputeTest
{
    public MicroversionTests(FakeCloudFixture fixture) : base(fixture) { }

    private void PlayOlderCloud(string max)
    {
        Cloud.Nova.MaxMicroversion = max;
        Connect();   // a new session: negotiation happens again
        Cloud.ClearRequests();
    }

    [Fact]
    public void At240_FlavorNamesComeFromOneFlavorList_AndTheHeadersSay240()
    {
        try
        {
            PlayOlderCloud("2.40");
            var image = SeedImage(Unique("old"));
            var a = SeedServer(imageId: image.Id, flavorId: "2");
            var b = SeedServer(imageId: image.Id, flavorId: "3");
            var servers = Ps.Run("Get-OSServer").OfType<Server>().ToList();
            Assert.Equal("m1.small", servers.Single(s => s.Id == a.Id).FlavorName);
            Assert.Equal("m1.medium", servers.Single(s => s.Id == b.Id).FlavorName);
            Assert.Equal("2", servers.Single(s => s.Id == a.Id).FlavorId);
            Assert.Single(NovaLines(), l => l.StartsWith("GET /compute/v2.1/flavors/detail", StringComparison.Ordinal));
            Assert.All(NovaRequests(), r => AssertMicroversion(r, "2.40"));

            Ps.Run("New-OSServer -Name auto -Image $i -Flavor 1", new() { ["i"] = image.Id }).AssertNoErrors();
            Assert.Equal("auto", Body(NovaRequests().Single(r => r.Method == "POST")).GetProperty("server").GetProperty("networks").GetString());
        }
        finally
        {
            Cloud.Nova.MaxMicroversion = "2.93";
        }
    }

    [Fact]
    public void At225_NoNetworksKeyIsSent_AndLockReasonIsLeftOut()
    {
        try
        {
            PlayOlderCloud("2.25");
            var image = SeedImage();
            Ps.Run("New-OSServer -Name legacy -Image $i -Flavor 1", new() { ["i"] = image.Id }).AssertNoErrors();
            var body = Body(NovaRequests().Single(r => r.Method == "POST")).GetProperty("server");
            Assert.False(body.TryGetProperty("networks", out _));
            AssertMicroversion(NovaRequests().Single(r => r.Method == "POST"), "2.25");

            var server = SeedServer();
            Cloud.ClearRequests();
            var locked = Ps.Run("Invoke-OSServerAction $n Lock -Reason why", new() { ["n"] = server.Name });
            locked.AssertNoErrors();
            Assert.Contains(locked.Warnings, w => w.Contains("lock reason was not sent", StringComparison.Ordinal));
            Assert.Equal("{\"lock\":null}", System.Text.Encoding.UTF8.GetString(NovaRequests().Single(r => r.Method == "POST").Body));
        }
        finally
        {
            Cloud.Nova.MaxMicroversion = "2.93";
        }
    }

    [Fact]
    public void Below292_AGeneratedKeypairUsesTheNegotiatedVersion()
    {
        try
        {
            PlayOlderCloud("2.60");
            var file = Path.Combine(TempDir(), "key");
            Ps.Run("New-OSKeypair -Name $n -PrivateKeyFile $f", new() { ["n"] = Unique("old"), ["f"] = file }).AssertNoErrors();
            AssertMicroversion(NovaRequests().Single(r => r.Method == "POST"), "2.60");
        }
        finally
        {
            Cloud.Nova.MaxMicroversion = "2.93";
        }
    }

    [Fact]
    public void VersionDocument_IsReadOncePerSession_NotPerCommand()
    {
        Ps.Run("Get-OSFlavor; Get-OSKeypair; Get-OSServer").AssertNoErrors();
        Ps.Run("Get-OSFlavor m1.tiny").AssertNoErrors();
        Assert.Single(Cloud.Requests, r => r.PathAndQuery == "/compute/v2.1/");
    }
}
