using System.Diagnostics;
using System.Management.Automation;
using OpenStack.Client;
using OpenStack.Client.Compute.V2;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests.Reliability;

/// <summary>
/// The reliability promises against the real local cloud, without stopping any service: a token revoked by an admin
/// between two calls, a -Token session that cannot renew, one renewal for 8 runspaces, NoValidHost at boot, and
/// Ctrl+C during an upload to the real Glance. Names start with <see cref="RealCloudTest.Prefix"/>; all is removed.
/// </summary>
/// <remarks>
/// Glance, Nova and Neutron cache token validations in memcached for up to 300 s (keystonemiddleware's
/// token_cache_time), so a revoked token is refused at once only by Keystone itself: the call after the revocation
/// is one that Keystone answers (Get-OSProject), as docs/reliability.md says.
/// </remarks>
[Trait("Category", "Integration")]
[Collection(RealCloudCollection.Name)]
public sealed class RealCloudReliabilityTests : RealCloudTest
{
    private OpenStackSession ConnectAndKeep()
    {
        var session = ConnectReal().Single<OpenStackSession>();
        Ps.SetVariable("__s", session);
        return session;
    }

    [RealCloudFact]
    public void RevokedToken_IsRenewedOnce_AndTheCallSucceeds()
    {
        var session = ConnectAndKeep();
        Ps.Run("Get-OSProject | Out-Null").AssertNoErrors();
        var before = KeystoneAdmin.TokenOf(session);
        KeystoneAdmin.Revoke(CloudVariables, before);

        var projects = Ps.Run("Get-OSProject");
        projects.AssertNoErrors();
        Assert.NotEmpty(projects.Output);
        Assert.Equal(1, session.TokenRenewals);
        Assert.NotEqual(before, KeystoneAdmin.TokenOf(session));
        // The services that cached the old token's validation and those that did not all take the new one.
        Ps.Run("@(Get-OSImage).Count | Out-Null; Get-OSNetwork | Out-Null; Get-OSServer | Out-Null").AssertNoErrors();
        Assert.Equal(1, session.TokenRenewals);
    }

    [RealCloudFact]
    public void TokenSession_WhoseTokenIsRevoked_SaysItCannotRenew()
    {
        var token = KeystoneAdmin.IssueToken(CloudVariables);
        var session = Ps.Run("Connect-OpenStack -AuthUrl $u -Token $t", new() { ["u"] = Env("OS_AUTH_URL"), ["t"] = PowerShellSession.Secure(token) }).Single<OpenStackSession>();
        Ps.Run("Get-OSProject | Out-Null").AssertNoErrors();
        KeystoneAdmin.Revoke(CloudVariables, KeystoneAdmin.TokenOf(session));

        var result = Ps.Run("Get-OSProject");
        var error = result.SingleError("AuthenticationFailed");
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("-Token, so it cannot renew", error.Exception.Message);
        Assert.Matches("request id req-[0-9a-f-]{36}", error.Exception.Message);
        Assert.Equal(0, session.TokenRenewals);
        Assert.DoesNotContain(token, result.AllText());
    }

    [RealCloudFact]
    public void EightRunspacesSharingOneSession_RenewARevokedTokenOnce()
    {
        var session = ConnectAndKeep();
        var runspaces = Enumerable.Range(0, 8).Select(_ => new PowerShellSession()).ToList();
        try
        {
            KeystoneAdmin.Revoke(CloudVariables, KeystoneAdmin.TokenOf(session));
            using var start = new Barrier(8);
            var results = runspaces.AsParallel().WithDegreeOfParallelism(8).Select(ps =>
            {
                start.SignalAndWait();
                return ps.Run("@(Get-OSProject -Session $s).Count", new() { ["s"] = session });
            }).ToList();
            foreach (var result in results) result.AssertNoErrors();
            Assert.All(results, r => Assert.True((int)r.Output.Single()! > 0));
            Assert.Equal(1, session.TokenRenewals);
        }
        finally
        {
            foreach (var ps in runspaces) ps.Dispose();
        }
    }

    [RealCloudFact]
    public void FlavorNoHostCanTake_EndsNewOSServerWait_WithNovasFault()
    {
        var file = Path.Combine(Path.GetTempPath(), Prefix + "disk.raw");
        File.WriteAllBytes(file, new byte[1 << 16]);
        string? imageId = null;
        try
        {
            imageId = Ps.Run("(New-OSImage -Name $n -File $f -DiskFormat raw).Id", new() { ["n"] = Prefix + "img", ["f"] = file }).Single<string>();
            // 700 TB of disk: no quota on disk, but beyond the fake host (600 TB): placement has no allocation candidate, the scheduler answers NoValidHost.
            Ps.Run("New-OSFlavor -Name $n -VCpus 1 -RamMB 512 -DiskGB 700000 | Out-Null", new() { ["n"] = Prefix + "huge" }).AssertNoErrors();
            var clock = Stopwatch.StartNew();
            var result = Ps.Run("New-OSServer -Name $n -Image $i -Flavor $f -NoNetwork -Wait -Timeout 120",
                new() { ["n"] = Prefix + "vm", ["i"] = imageId, ["f"] = Prefix + "huge" });
            var error = result.SingleError("ServerFault");
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Contains("No valid host was found", error.Exception.Message);
            Assert.Contains(Prefix + "vm", error.Exception.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(110), "the wait ended at its timeout, not at the fault");
        }
        finally
        {
            Ps.Run("Get-OSServer | Where-Object Name -like $p | Remove-OSServer -Confirm:$false -Wait -Timeout 120", new() { ["p"] = Prefix + "*" });
            Ps.Run("Remove-OSFlavor $n -Confirm:$false", new() { ["n"] = Prefix + "huge" });
            if (imageId != null) Ps.Run("Remove-OSImage $i -Confirm:$false", new() { ["i"] = imageId });
            File.Delete(file);
        }
    }

    [RealCloudFact]
    public void CtrlC_DuringAnUploadToGlance_StopsWithinASecond_AndRemovesTheRecord()
    {
        var file = Path.Combine(Path.GetTempPath(), Prefix + "big.raw");
        using (var stream = File.Create(file)) stream.SetLength(1L << 30); // sparse: read fast, stored as sent
        var name = Prefix + "stopped";
        try
        {
            Ps.SetVariable("n", name);
            Ps.SetVariable("f", file);
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            ps.AddScript("New-OSImage -Name $n -File $f -DiskFormat raw");
            var progress = 0;
            ps.Streams.Progress.DataAdded += (_, _) => Interlocked.Increment(ref progress);
            var handle = ps.BeginInvoke();
            var wait = Stopwatch.StartNew();
            // The record exists and bytes are flowing: progress records come from the upload's meter.
            while (Volatile.Read(ref progress) < 3 && !handle.IsCompleted && wait.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(20);
            Assert.False(handle.IsCompleted, "the upload finished before it could be stopped");
            var clock = Stopwatch.StartNew();
            ps.Stop();
            clock.Stop();
            Assert.True(handle.IsCompleted);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Stop() took {clock.Elapsed.TotalMilliseconds:0} ms");
            Assert.Empty(Ps.Run("Get-OSImage -Name $n", new() { ["n"] = name }).Output);
        }
        finally
        {
            Ps.Run("Get-OSImage -Name $n | Remove-OSImage -Confirm:$false", new() { ["n"] = name });
            File.Delete(file);
        }
    }
}
