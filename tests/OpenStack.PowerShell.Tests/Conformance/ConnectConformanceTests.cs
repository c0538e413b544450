using OpenStack.Client;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests.Conformance;

/// <summary>
/// `Connect-OpenStack` with no arguments, from the real cloud's OS_* alone, as a user who sourced an openrc does.
/// In the environment collection: it puts OS_* back into the process for its duration.
/// </summary>
[Trait("Category", "Integration")]
[Collection(EnvironmentCollection.Name)]
public sealed class ConnectConformanceOnRealCloud : ConnectConformanceTests
{
    [RealCloudFact] public void FromOsVariables() => ConnectFromOsVariablesAlone_ThenList_TakesTwoRoundTrips();
}

[Trait("Category", "Integration")]
[Collection(EnvironmentCollection.Name)]
public sealed class ConnectConformanceOnFakeCloud : ConnectConformanceTests, IClassFixture<FakeCloudFixture>
{
    public ConnectConformanceOnFakeCloud(FakeCloudFixture fixture) : base(FakeCloudVariables(fixture.Cloud)) { }

    [CliFact] public void FromOsVariables() => ConnectFromOsVariablesAlone_ThenList_TakesTwoRoundTrips();
}

public abstract class ConnectConformanceTests : RealCloudTest
{
    protected ConnectConformanceTests() { }

    protected ConnectConformanceTests(IReadOnlyDictionary<string, string> cloud) : base(cloud) { }

    protected void ConnectFromOsVariablesAlone_ThenList_TakesTwoRoundTrips()
    {
        foreach (var pair in CloudVariables) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
        try
        {
            var result = Ps.Run("$s = Connect-OpenStack; $s; Get-OSImage -All; $s.RequestCount");
            result.AssertNoErrors();
            var session = result.Single<OpenStackSession>();
            Assert.Equal(Env("OS_USERNAME"), session.UserName);
            Assert.Equal(Env("OS_PROJECT_NAME"), session.ProjectName);
            Assert.True(session.ExpiresAt > DateTimeOffset.UtcNow);
            Assert.Contains(session.Catalog, s => s.Type == "image");
            // One POST /v3/auth/tokens, one GET /v2/images: no version discovery, no catalog call.
            Assert.Equal(2L, Convert.ToInt64(result.Output[^1]));
            var cliIds = Cli("image", "list", "--all").EnumerateArray().Select(e => e.GetProperty("ID").GetString()).ToHashSet();
            var mine = result.OfType<ImageModel>().Select(i => i.Id).ToList();
            Assert.Equal(mine.Count, mine.Distinct().Count());
            Assert.True(mine.Count(cliIds.Contains) >= Math.Min(mine.Count, cliIds.Count) - 5, "module and CLI list mostly the same images");
        }
        finally
        {
            foreach (var pair in CloudVariables) Environment.SetEnvironmentVariable(pair.Key, null);
        }
    }
}
