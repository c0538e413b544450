using System.Security.Cryptography;
using OpenStack.Client;
using OpenStack.Client.Auth;
using OpenStack.Client.Image.V2;
using OpenStack.Client.Image.V2.Imports;
using OpenStack.Client.Image.V2.Members;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests.Conformance;

/// <summary>
/// Import, stores and sharing against the real multi-store Glance of tests/cloud/start.sh (stores primary and
/// secondary; web-download allowed from 127.0.0.1:18080-18099), with the `openstack` CLI as the peer.
/// </summary>
[Trait("Category", "Integration")]
[Collection(RealCloudCollection.Name)]
public sealed class ImageImportConformanceOnRealCloud : RealCloudTest
{
    private string Name(string what) => "glance13-" + Prefix + what;

    private static (string Path, byte[] Md5, byte[] Sha512) RandomFile(long length)
    {
        var path = Path.Combine(Path.GetTempPath(), "glance13-" + Guid.NewGuid().ToString("n") + ".raw");
        using (var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5))
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA512))
        using (var stream = File.Create(path))
        {
            var chunk = new byte[1 << 20];
            for (long done = 0; done < length; done += chunk.Length)
            {
                RandomNumberGenerator.Fill(chunk);
                var n = (int)Math.Min(chunk.Length, length - done);
                stream.Write(chunk, 0, n);
                md5.AppendData(chunk, 0, n);
                sha.AppendData(chunk, 0, n);
            }
            return (path, md5.GetHashAndReset(), sha.GetHashAndReset());
        }
    }

    private void Cleanup(string? id)
    {
        if (id != null) Ps.Run("Remove-OSImage -Image $i -Confirm:$false -ErrorAction SilentlyContinue", new() { ["i"] = id });
    }

    /// <summary>The CLI prints the image's stores among its properties.</summary>
    private static string? CliStores(System.Text.Json.JsonElement image) => image.GetProperty("properties").GetProperty("stores").GetString();

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    [RealCloudFact]
    public void WebDownloadFromLoopback_WithWait_EndsActiveWithTheFilesChecksums_AsTheCliSees()
    {
        var (file, md5, sha) = RandomFile(8 << 20);
        using var web = FakeWebServer.Start(glancePorts: true);
        web.ServeFile("/disk.raw", file);
        string? id = null;
        try
        {
            var image = Ps.Run("New-OSImage -Name $n -Uri $u -DiskFormat raw -Wait -Timeout 120", new() { ["n"] = Name("web"), ["u"] = web.Url + "/disk.raw" })
                .Single<ImageModel>();
            id = image.Id;
            Assert.Equal(("active", Hex(md5), "sha512", Hex(sha)), (image.Status, image.Checksum, image.HashAlgorithm, image.HashValue));
            Assert.Equal(["primary"], image.Stores);
            var cli = Cli("image", "show", id);
            Assert.Equal(("active", Hex(md5), Hex(sha)), (cli.GetProperty("status").GetString(), cli.GetProperty("checksum").GetString(), cli.GetProperty("properties").GetProperty("os_hash_value").GetString()));
            Assert.Equal("primary", CliStores(cli));
        }
        finally
        {
            Cleanup(id);
            File.Delete(file);
        }
    }

    [RealCloudFact]
    public void GlanceDirectOf256MiB_ShowsStagingProgress_ThenCopyToTheSecondStore_ThenRemovalFromOne()
    {
        var (file, md5, _) = RandomFile(256L << 20);
        string? id = null;
        try
        {
            var result = Ps.Run("New-OSImage -Name $n -File $f -DiskFormat raw -UseImport -Wait -Timeout 300", new() { ["n"] = Name("staged"), ["f"] = file });
            var image = result.Single<ImageModel>();
            id = image.Id;
            Assert.Equal(("active", Hex(md5), 256L << 20), (image.Status, image.Checksum, image.Size ?? 0));
            Assert.Contains(result.Progress, p => p.Activity.StartsWith("Staging Importing image", StringComparison.Ordinal) && p.PercentComplete is > 0 and < 100);
            Assert.Contains(result.Progress, p => p.StatusDescription.Contains("stores done 1/1 (primary)"));

            var copied = Ps.Run("Copy-OSImage -Image $i -Store secondary -Wait -Timeout 300", new() { ["i"] = id }).Single<ImageModel>();
            Assert.Equal(["primary", "secondary"], copied.Stores);
            Assert.Equal("primary,secondary", CliStores(Cli("image", "show", id)));
            Ps.Run("Copy-OSImage -Image $i -Store secondary", new() { ["i"] = id }).SingleError("ImageAlreadyInStore");

            Ps.Run("Remove-OSImage -Image $i -Store primary -Confirm:$false", new() { ["i"] = id }).AssertNoErrors();
            Assert.Equal("secondary", CliStores(Cli("image", "show", id)));
            var last = Ps.Run("Remove-OSImage -Image $i -Store secondary -Confirm:$false", new() { ["i"] = id }).SingleError("ImageLastStore");
            Assert.Contains("Cannot delete image data from the only store containing it", last.Exception.Message);
            Assert.Equal("active", Cli("image", "show", id).GetProperty("status").GetString());
        }
        finally
        {
            Cleanup(id);
            File.Delete(file);
        }
    }

    [RealCloudFact]
    public void SharingWithDemo_AcceptedAsDemo_ListedThere_ThenRemoved()
    {
        var (file, _, _) = RandomFile(1 << 20);
        string? id = null;
        using var demo = new PowerShellSession();
        try
        {
            var privateImage = Ps.Run("New-OSImage -Name $n -File $f -DiskFormat raw -Visibility private", new() { ["n"] = Name("private"), ["f"] = file }).Single<ImageModel>();
            var notShared = Ps.Run("Add-OSImageMember -Image $i -Project demo -Confirm:$false", new() { ["i"] = privateImage.Id }).SingleError("ImageNotShared");
            Assert.Contains("Not allowed to create members for image", notShared.Exception.Message);
            Assert.Contains("-Visibility shared", notShared.Exception.Message);

            var shared = Ps.Run("New-OSImage -Name $n -File $f -DiskFormat raw -Visibility shared", new() { ["n"] = Name("shared"), ["f"] = file }).Single<ImageModel>();
            id = shared.Id;
            var member = Ps.Run("Add-OSImageMember -Image $i -Project demo -Confirm:$false", new() { ["i"] = id }).Single<ImageMember>();
            Assert.Equal("pending", member.Status);

            demo.Run("Connect-OpenStack -AuthUrl $u -Credential $c -ProjectName demo -UserDomainName Default -ProjectDomainName Default",
                new() { ["u"] = Env("OS_AUTH_URL"), ["c"] = PowerShellSession.Credential("demo", Env("OSPS_DEMO_PASSWORD") ?? "osps-demo-pw") }).AssertNoErrors();
            Assert.Contains(demo.Run("Get-OSImage -MemberStatus pending").OfType<ImageModel>(), i => i.Id == id);
            Assert.DoesNotContain(demo.Run("Get-OSImage").OfType<ImageModel>(), i => i.Id == id);
            Assert.Equal("accepted", demo.Run("Set-OSImageMember -Image $i -Status accepted", new() { ["i"] = id }).Single<ImageMember>().Status);
            Assert.Contains(demo.Run("Get-OSImage").OfType<ImageModel>(), i => i.Id == id);
            var members = Cli("image", "member", "list", id);
            Assert.Equal("accepted", members[0].GetProperty("Status").GetString());

            var notMember = demo.Run("Set-OSImageMember -Image $i -Status accepted", new() { ["i"] = privateImage.Id }).SingleError("ImageMemberNotFound");
            Assert.Contains("is not shared with project", notMember.Exception.Message);
            Cleanup(privateImage.Id);

            Ps.Run("Remove-OSImageMember -Image $i -Project demo -Confirm:$false", new() { ["i"] = id }).AssertNoErrors();
            Assert.Empty(Ps.Run("Get-OSImageMember -Image $i", new() { ["i"] = id }).OfType<ImageMember>());
            Assert.Equal(0, Cli("image", "member", "list", id).GetArrayLength());
            Assert.DoesNotContain(demo.Run("Get-OSImage -MemberStatus all").OfType<ImageModel>(), i => i.Id == id);
        }
        finally
        {
            Cleanup(id);
            File.Delete(file);
        }
    }

    [RealCloudFact]
    public void BadInput_EachASpecificError_AndNoRecordLeftBehind()
    {
        using var web = FakeWebServer.Start(glancePorts: true);
        var missing = Name("web-404");
        var failed = Ps.Run("New-OSImage -Name $n -Uri $u -DiskFormat raw -Wait -Timeout 120", new() { ["n"] = missing, ["u"] = web.Url + "/missing.raw" })
            .SingleError("ImageImportFailed");
        Assert.Contains($"Image '{missing}' (", failed.Exception.Message);
        Assert.Contains("the import failed in Glance and the image is back in 'queued'", failed.Exception.Message);
        Assert.Contains("The image record was deleted.", failed.Exception.Message);
        Assert.Equal(0, Cli("image", "list", "--name", missing).GetArrayLength());

        Ps.Run("New-OSImage -Name $n -Uri 'file:///etc/passwd'", new() { ["n"] = Name("file") }).SingleError("ImageUriInvalid");
        Ps.Run("New-OSImage -Name $n -Uri 'ftp://127.0.0.1/x.raw'", new() { ["n"] = Name("ftp") }).SingleError("ImageUriInvalid");
        var refused = Ps.Run("New-OSImage -Name $n -Uri 'http://127.0.0.1:9292/x.raw' -Wait", new() { ["n"] = Name("port") }).SingleError("ImageUriRefused");
        Assert.Contains("URI for web-download does not pass filtering", refused.Exception.Message);
        Assert.Contains("The image record was deleted.", refused.Exception.Message);
        Ps.Run("New-OSImage -Name $n -Uri $u -Store nowhere -Wait", new() { ["n"] = Name("nostore"), ["u"] = web.Url + "/x.raw" }).SingleError("ImageStoreNotFound");
        foreach (var what in new[] { "file", "ftp", "port", "nostore" })
            Assert.Equal(0, Cli("image", "list", "--name", Name(what)).GetArrayLength());
    }

    [RealCloudFact]
    public async Task StagingIntoAnImageThatIsNotQueued_IsStateConflict_WithGlancesWords()
    {
        using var session = await OpenStackSession.ConnectAsync(new AuthOptions
        {
            AuthUrl = new Uri(Env("OS_AUTH_URL")!), UserName = Env("OS_USERNAME"), Password = SecretText.ToSecureString(Env("OS_PASSWORD")!),
            ProjectName = Env("OS_PROJECT_NAME"), UserDomainName = "Default", ProjectDomainName = "Default",
        }, CancellationToken.None);
        var client = new ImageClient(session);
        var image = await client.CreateImageAsync(new CreateImageOptions { Name = Name("stage"), DiskFormat = "raw" }, CancellationToken.None);
        try
        {
            await client.StageAsync(image.Id, new MemoryStream(new byte[1024]), 1024, null, CancellationToken.None);
            var ex = await Assert.ThrowsAsync<ImageImportException>(() => client.StageAsync(image.Id, new MemoryStream(new byte[16]), 16, null, CancellationToken.None));
            Assert.Equal(ImageImportProblem.StateConflict, ex.Problem);
            Assert.Contains("Image status transition from uploading to uploading is not allowed", ex.Message);
        }
        finally
        {
            await client.DeleteImageAsync(image.Id, CancellationToken.None);
        }
    }
}
