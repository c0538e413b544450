using System.Text.Json;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>Helpers for the Nova tests: requests to /compute, their bodies and microversion headers, seeded images and servers.</summary>
public abstract class ComputeTest : CloudTest
{
    protected ComputeTest(FakeCloudFixture fixture) : base(fixture) { }

    protected static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("n")[..8];

    /// <summary>Requests to Nova, without the version document.</summary>
    protected List<RecordedRequest> NovaRequests() =>
        Cloud.Requests.Where(r => r.PathAndQuery.StartsWith("/compute/v2.1/", StringComparison.Ordinal) && r.PathAndQuery != "/compute/v2.1/").ToList();

    protected List<string> NovaLines() => NovaRequests().Select(r => r.Method + " " + r.PathAndQuery).ToList();

    protected static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    /// <summary>Both headers Nova reads, with the negotiated version (the fake's maximum, 2.93, is also the client's).</summary>
    protected static void AssertMicroversion(RecordedRequest request, string version = "2.93")
    {
        Assert.Equal("compute " + version, request.Headers["OpenStack-API-Version"]);
        Assert.Equal(version, request.Headers["X-OpenStack-Nova-API-Version"]);
    }

    protected FakeImage SeedImage(string? name = null) => Cloud.Glance.AddImage(name ?? Unique("img"));

    protected FakeServer SeedServer(string? name = null, string vmState = "active", string? imageId = null, string flavorId = "1") =>
        Cloud.Nova.AddServer(name ?? Unique("vm"), Cloud.Identity.AdminProjectId, Cloud.Identity.AdminUserId, imageId ?? SeedImage().Id, flavorId, vmState);
}
