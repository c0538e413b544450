using System.Management.Automation;
using System.Text.Json;
using OpenStack.Client.Compute.V2;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>Set-OSServer and Get-OSServerConsoleLog in the hosted engine against the fake Nova (held to the recordings 83-87).</summary>
public sealed class ServerChangeTests : ComputeTest
{
    public ServerChangeTests(FakeCloudFixture fixture) : base(fixture) { }

    [Fact]
    public void SetServer_PutsTheName_PostsTheProperties_AndDeletesEachRemovedKey()
    {
        var server = SeedServer(Unique("set"));
        var name = server.Name;   // the fake's server object follows the rename
        Cloud.Nova.Servers.Single(s => s.Id == server.Id).Metadata["old"] = "x";
        Cloud.ClearRequests();
        var changed = Ps.Run("Set-OSServer $s -Name $n -Description renamed -Property @{ role = 'web' } -RemoveProperty old -PassThru",
            new() { ["s"] = name, ["n"] = name + "-2" }).Single<Server>();
        var put = NovaRequests().Single(r => r.Method == "PUT");
        Assert.Equal($"/compute/v2.1/servers/{server.Id}", put.PathAndQuery);
        Assert.Equal("{\"name\":\"" + name + "-2\",\"description\":\"renamed\"}", Body(put).GetProperty("server").GetRawText());
        AssertMicroversion(put);
        var post = NovaRequests().Single(r => r.Method == "POST");
        Assert.Equal($"/compute/v2.1/servers/{server.Id}/metadata", post.PathAndQuery);
        Assert.Equal("{\"role\":\"web\"}", Body(post).GetProperty("metadata").GetRawText());
        Assert.Equal($"/compute/v2.1/servers/{server.Id}/metadata/old", NovaRequests().Single(r => r.Method == "DELETE").PathAndQuery);
        Assert.Equal(name + "-2", changed.Name);
        Assert.Equal("web", changed.Metadata["role"]);
        Assert.False(changed.Metadata.ContainsKey("old"));

        var missing = Ps.Run("Set-OSServer $s -RemoveProperty nope", new() { ["s"] = name + "-2" });
        Assert.Contains("Metadata item was not found", missing.Errors.Single().Exception.Message);
        var nothing = Ps.Run("Set-OSServer $s", new() { ["s"] = name + "-2" });
        Assert.Equal("ServerNoChangeGiven", nothing.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void ConsoleLog_IsOneStringPerLine_AndLinesAsksNovaForTheLastOnes()
    {
        var server = SeedServer(Unique("console"));
        Cloud.ClearRequests();
        var all = Ps.Run("Get-OSServerConsoleLog $s", new() { ["s"] = server.Name });
        Assert.Equal(new object[] { "FAKE CONSOLE OUTPUT", "ANOTHER", "LAST LINE" }, all.Output.ToArray());
        var last = Ps.Run("Get-OSServer $s | Get-OSServerConsoleLog -Lines 2", new() { ["s"] = server.Name });
        Assert.Equal(new object[] { "ANOTHER", "LAST LINE" }, last.Output.ToArray());
        var action = NovaRequests().Last(r => r.Method == "POST");
        Assert.Equal("{\"os-getConsoleOutput\":{\"length\":2}}", Body(action).GetRawText());

        var stopped = SeedServer(Unique("stopped"), vmState: "stopped");
        var refused = Ps.Run("Get-OSServerConsoleLog $s", new() { ["s"] = stopped.Name });
        Assert.Contains("while it is in vm_state stopped", refused.Errors.Single().Exception.Message);
    }
}
