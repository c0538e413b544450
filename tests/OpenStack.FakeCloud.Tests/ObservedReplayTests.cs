using Xunit;
using Xunit.Abstractions;

namespace OpenStack.FakeCloud.Tests;

/// <summary>
/// The fake held to the real services: every exchange tests/cloud/observe.sh recorded against the real Keystone,
/// Glance, Nova and Neutron is sent again, in order, to a fake cloud set up as the real one was (devstack's external
/// network "public"), and each answer must agree with the recorded one (see <see cref="ObservedReplay"/> for what may differ).
/// </summary>
public sealed class ObservedReplayTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeCloud _cloud = null!;

    public async Task InitializeAsync()
    {
        _cloud = await FakeCloud.StartAsync();
        // As tests/cloud/register.py makes it on the real cloud.
        var admin = _cloud.Identity.AdminProjectId;
        _cloud.Neutron.AddPublicNetwork(admin);
        // The real servers' fake driver boots in seconds; the recording polled until ACTIVE once.
        _cloud.Nova.PollsToSettle = 0;
    }

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task EveryRecordedAnswer_IsTheFakesAnswer()
    {
        var replay = new ObservedReplay(_cloud);
        // 100-139 (Glance import, stores, members) were recorded without the setup steps a replay needs (unrecorded
        // creates, imports awaited by polling): FakeGlance's own tests hold the fake to them. 150 on (Neutron's port
        // creates and updates, a server's security groups and interfaces) record their setup as steps again.
        var exchanges = RecordedExchange.LoadAll(RecordedExchange.Folder()).Where(e => e.Number < 100 || e.Number >= 150).ToList();
        Assert.True(exchanges.Count >= 90, $"only {exchanges.Count} recordings found");
        var failures = new List<string>();
        foreach (var exchange in exchanges)
        {
            var diffs = await replay.RunAsync(exchange);
            failures.AddRange(diffs.Select(d => $"{exchange.Name} ({exchange.Method} {exchange.Url}): {d}"));
        }
        foreach (var failure in failures) output.WriteLine(failure);
        Assert.True(failures.Count == 0, $"{failures.Count} differences from the real services:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void TheComparison_CatchesAWrongStatus_AMissingKey_AndAnotherMessage()
    {
        var real = RecordedExchange.Parse("x.txt", string.Join("\n",
            "### DELETE http://127.0.0.1:9696/v2.0/security-groups/11111111-2222-3333-4444-555555555555",
            "### X-Auth-Token: <demo token>",
            "HTTP/1.1 409 Conflict",
            "Content-Type: application/json",
            "",
            """{"NeutronError": {"type": "SecurityGroupInUse", "message": "Security Group 11111111-2222-3333-4444-555555555555 in use.", "detail": ""}}""",
            ""));
        Assert.Equal("<demo token>", real.RequestHeaders.Single().Value);
        var replay = new ObservedReplay(_cloud);
        Assert.Empty(replay.Compare(real, 409, "application/json",
            """{"NeutronError": {"type": "SecurityGroupInUse", "message": "Security Group 99999999-2222-3333-4444-555555555555 in use.", "detail": ""}}"""));
        Assert.Contains(replay.Compare(real, 204, null, ""), d => d.StartsWith("status 204"));
        Assert.Contains(replay.Compare(real, 409, "application/json", """{"NeutronError": {"type": "SecurityGroupInUse", "message": "x"}}"""),
            d => d.Contains("key 'detail' missing"));
        // The id was paired with 9999… above: another id in the same place is a difference.
        Assert.Contains(replay.Compare(real, 409, "application/json",
            """{"NeutronError": {"type": "SecurityGroupInUse", "message": "Security Group 88888888-2222-3333-4444-555555555555 in use.", "detail": ""}}"""),
            d => d.Contains("$.NeutronError.message"));
    }
}
