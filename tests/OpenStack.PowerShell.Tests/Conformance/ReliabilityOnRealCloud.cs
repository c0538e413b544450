using System.Management.Automation;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Conformance;

/// <summary>
/// Rows of docs/reliability.md checked against the real cloud in OS_* (skipped when none was given): what the real
/// services answer to the inputs the fake-cloud tests exercise. Everything created is removed.
/// </summary>
[Trait("Category", "Integration")]
[Collection(RealCloudCollection.Name)]
public sealed class ReliabilityOnRealCloud : RealCloudTest
{
    [RealCloudFact]
    public void SavingAQueuedImage_IsImageHasNoData_AndWritesNoFile()
    {
        var name = Prefix + "queued";
        // A record without data (the CLI, its stdin closed, would upload an empty body and make it active).
        var session = ConnectReal().Single<OpenStack.Client.OpenStackSession>();
        var id = new OpenStack.Client.Image.V2.ImageClient(session)
            .CreateImageAsync(new OpenStack.Client.Image.V2.CreateImageOptions { Name = name, DiskFormat = "raw" }, CancellationToken.None).GetAwaiter().GetResult().Id;
        var dir = Path.Combine(Path.GetTempPath(), "osps-it-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        try
        {
            var error = Ps.Run("Save-OSImage $i -Path $d", new() { ["i"] = id, ["d"] = dir }).SingleError("ImageHasNoData");
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Empty(Directory.GetFileSystemEntries(dir));
        }
        finally
        {
            Ps.Run("Remove-OSImage $i -Confirm:$false", new() { ["i"] = id }).AssertNoErrors();
            Directory.Delete(dir, true);
        }
    }

    [RealCloudFact]
    public void AuthUrlOfGlance_IsAuthUrlNotKeystone()
    {
        var glance = Cli("endpoint", "list", "--service", "image", "--interface", "public")[0].GetProperty("URL").GetString();
        var result = Ps.Run("Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName $p",
            new() { ["u"] = glance, ["c"] = PowerShellSession.Credential(Env("OS_USERNAME")!, Env("OS_PASSWORD")!), ["p"] = Env("OS_PROJECT_NAME") });
        var error = result.SingleError("AuthUrlNotKeystone");
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.DoesNotContain(Env("OS_PASSWORD")!, result.AllText());
    }

    [RealCloudFact]
    public void UnknownProject_AndWrongPassword_AreAuthenticationFailed_WithKeystonesRequestId()
    {
        foreach (var (password, project) in new[] { (Env("OS_PASSWORD")!, "osps-no-such-project"), ("not-the-password", Env("OS_PROJECT_NAME")) })
        {
            var result = Ps.Run("Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName $p -UserDomainName Default -ProjectDomainName Default",
                new() { ["u"] = Env("OS_AUTH_URL"), ["c"] = PowerShellSession.Credential(Env("OS_USERNAME")!, password), ["p"] = project });
            var error = result.SingleError("AuthenticationFailed");
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Matches("request id req-[0-9a-f-]{36}", error.Exception.Message);
            Assert.DoesNotContain(password, result.AllText());
        }
    }

    [RealCloudFact]
    public void MalformedIds_AreImageNotFound()
    {
        foreach (var id in new[] { "not-a-uuid", "../../identity/v3/users", "0000" })
        {
            var error = Ps.Run("Get-OSImage -Id $i", new() { ["i"] = id }).SingleError("ImageNotFound");
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }
    }

    [RealCloudFact]
    public void WithRetriesOff_AListStillWorks_AndTheSessionSaysSo()
    {
        var result = Ps.Run("$s = Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName $p -UserDomainName Default -ProjectDomainName Default -MaxRetries 0 -RetryMaxDelaySeconds 5; $s.MaxRetries; $s.RetryMaxDelay.TotalSeconds; @(Get-OSImage -Session $s).Count -ge 0",
            new() { ["u"] = Env("OS_AUTH_URL"), ["c"] = PowerShellSession.Credential(Env("OS_USERNAME")!, Env("OS_PASSWORD")!), ["p"] = Env("OS_PROJECT_NAME") });
        result.AssertNoErrors();
        Assert.Equal(new object?[] { 0, 5.0, true }, result.Output);
    }
}
