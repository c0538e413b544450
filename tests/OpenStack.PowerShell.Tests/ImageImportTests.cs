using System.Security.Cryptography;
using OpenStack.Client.Image.V2.Members;
using OpenStack.Client.Image.V2.Stores;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests;

/// <summary>The import, store and member cmdlets in the hosted engine against the fake Glance.</summary>
public sealed class ImageImportTests : CloudTest
{
    public ImageImportTests(FakeCloudFixture fixture) : base(fixture)
    {
        Cloud.Glance.ImportStepDelay = TimeSpan.FromMilliseconds(30);
    }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("n")[..8];

    [Fact]
    public void NewImageFromUri_WithWait_EndsActiveInEveryStore_ShowingStoresAndTheTaskMessageAsProgress()
    {
        var data = RandomNumberGenerator.GetBytes(1 << 20);
        using var web = FakeWebServer.Start(new() { ["/disk.raw"] = data }, glancePorts: true);
        var name = Unique("web");
        var result = Ps.Run("New-OSImage -Name $n -Uri $u -AllStores -Wait", new() { ["n"] = name, ["u"] = web.Url + "/disk.raw" });

        var image = result.Single<ImageModel>();
        Assert.Equal(("active", "raw"), (image.Status, image.DiskFormat));
        Assert.Equal(new[] { "primary", "secondary" }, image.Stores);
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(data)), image.HashValue);
        var import = Cloud.Requests.Single(r => r.Method == "POST" && r.PathAndQuery == $"/image/v2/images/{image.Id}/import");
        Assert.Equal($$"""{"method":{"name":"web-download","uri":"{{web.Url}}/disk.raw"},"all_stores":true,"all_stores_must_succeed":true}""",
            System.Text.Encoding.UTF8.GetString(import.Body));
        Assert.Contains(result.Progress, p => p.Activity == $"Importing image {name} (web-download)" && p.StatusDescription.Contains("stores done 2/2 (primary, secondary); task success: Copied 1 MiB"));
        Assert.Contains(result.Progress, p => p.RecordType == System.Management.Automation.ProgressRecordType.Completed);
    }

    [Fact]
    public void NewImageFromAUrlThatAnswers404_IsImageImportFailed_NamingTheImage_AndTheRecordIsGone()
    {
        using var web = FakeWebServer.Start(glancePorts: true);
        var name = Unique("web404");
        var error = Ps.Run("New-OSImage -Name $n -Uri $u -Wait", new() { ["n"] = name, ["u"] = web.Url + "/missing.raw" }).SingleError("ImageImportFailed");
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains($"Image '{name}' (", error.Exception.Message);
        Assert.Contains("the import failed in Glance", error.Exception.Message);
        Assert.Contains("The image record was deleted.", error.Exception.Message);
        Assert.DoesNotContain(Cloud.Glance.Images, i => i.Name == name);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/x.raw")]
    public void NewImageFromANonHttpUrl_IsImageUriInvalid_BeforeAnyRequest(string url)
    {
        Cloud.ClearRequests();
        var error = Ps.Run("New-OSImage -Name x -Uri $u", new() { ["u"] = url }).SingleError("ImageUriInvalid");
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(Cloud.Requests);
    }

    [Fact]
    public void AnUnknownStore_IsImageStoreNotFound_AndNoRecordIsMade()
    {
        var file = TempFile(4096);
        var name = Unique("nostore");
        Ps.Run("New-OSImage -Name $n -File $f -UseImport -Store nowhere -Wait", new() { ["n"] = name, ["f"] = file }).SingleError("ImageStoreNotFound");
        Ps.Run("New-OSImage -Name $n -File $f -Store nowhere", new() { ["n"] = name, ["f"] = file }).SingleError("ImageStoreNotFound");
        Assert.DoesNotContain(Cloud.Glance.Images, i => i.Name == name);
    }

    [Fact]
    public void UseImport_StagesWithProgress_ThenGlanceDirect_AndAPlainUploadGoesToTheStoreAsked()
    {
        var file = TempFile(3 << 20, "disk.raw", qcow2Header: false);
        var name = Unique("staged");
        var result = Ps.Run("New-OSImage -Name $n -File $f -UseImport -Store secondary -Wait", new() { ["n"] = name, ["f"] = file });
        var image = result.Single<ImageModel>();
        Assert.Equal(("active", "secondary"), (image.Status, string.Join(",", image.Stores)));
        Assert.Contains(Cloud.Requests, r => r.Method == "PUT" && r.PathAndQuery == $"/image/v2/images/{image.Id}/stage" && r.BodyLength == 3 << 20);
        Assert.Contains("\"method\":{\"name\":\"glance-direct\"}", System.Text.Encoding.UTF8.GetString(
            Cloud.Requests.Single(r => r.PathAndQuery == $"/image/v2/images/{image.Id}/import").Body));

        var plain = Ps.Run("New-OSImage -Name $n -File $f -Store secondary", new() { ["n"] = Unique("plain"), ["f"] = file }).Single<ImageModel>();
        Assert.Equal(["secondary"], plain.Stores);
        Assert.Equal("secondary", Cloud.Requests.Single(r => r.Method == "PUT" && r.PathAndQuery == $"/image/v2/images/{plain.Id}/file").Headers["X-Image-Meta-Store"]);
    }

    [Fact]
    public void CopyThenRemoveFromOneStore_LeavesTheImageInTheOther_AndEachRefusalIsSpecific()
    {
        var seeded = Cloud.Glance.AddImage(Unique("golden"));
        var copied = Ps.Run("Copy-OSImage -Image $i -Store secondary -Wait", new() { ["i"] = seeded.Id }).Single<ImageModel>();
        Assert.Equal(new[] { "primary", "secondary" }, copied.Stores);

        Ps.Run("Copy-OSImage -Image $i -Store secondary", new() { ["i"] = seeded.Id }).SingleError("ImageAlreadyInStore");
        Ps.Run("Get-OSImage -Id $i | Remove-OSImage -Store secondary -Confirm:$false", new() { ["i"] = seeded.Id }).AssertNoErrors();
        Assert.Contains($"DELETE /image/v2/stores/secondary/{seeded.Id}", RequestLines());
        Assert.Equal(["primary"], Cloud.Glance.Find(seeded.Id)!.Stores);
        var last = Ps.Run("Remove-OSImage -Image $i -Store primary -Confirm:$false", new() { ["i"] = seeded.Id }).SingleError("ImageLastStore");
        Assert.Contains("delete the image", last.Exception.Message);
        Ps.Run("Remove-OSImage -Image $i -Store nowhere -Confirm:$false", new() { ["i"] = seeded.Id }).SingleError("ImageStoreNotFound");
        Assert.NotNull(Cloud.Glance.Find(seeded.Id));
    }

    [Fact]
    public void ImageStores_AndImportMethods_AreListed()
    {
        var stores = Ps.Run("Get-OSImageStore").OfType<ImageStore>().ToList();
        Assert.Equal(new[] { ("primary", true), ("secondary", false) }, stores.Select(s => (s.Id, s.Default)));
        Assert.Equal("file", Ps.Run("Get-OSImageStore sec* -Detail").Single<ImageStore>().Type);
        Ps.Run("Get-OSImageStore nowhere").SingleError("ImageStoreNotFound");
        Assert.Equal(new object?[] { "glance-direct", "web-download", "copy-image" }, Ps.Run("Get-OSImageImportMethod").Output);
        Assert.Contains("secondary", Ps.Complete("Copy-OSImage -Image x -Store sec"));
        var table = Ps.RunFormatted("Get-OSImageStore");
        Assert.Matches(@"Id\s+Default\s+Type\s+Description", table);
        Assert.Matches(@"primary\s+True\s+First file store \(default\)", table);
        Assert.Equal(["primary"], Ps.Run("Get-OSImage -Id $i", new() { ["i"] = Cloud.Glance.AddImage(Unique("fmt")).Id }).Single<ImageModel>().Stores);
    }

    [Fact]
    public void Members_SharedAcceptedListedAndRemoved_AndAPrivateImageIsImageNotShared()
    {
        var demoProject = Cloud.Identity.DemoProjectId;
        var privateImage = Cloud.Glance.AddImage(Unique("private"), visibility: "private");
        var notShared = Ps.Run("Add-OSImageMember -Image $i -Project $p -Confirm:$false", new() { ["i"] = privateImage.Id, ["p"] = demoProject }).SingleError("ImageNotShared");
        Assert.Contains("-Visibility shared", notShared.Exception.Message);

        var shared = Cloud.Glance.AddImage(Unique("shared"), visibility: "shared");
        var member = Ps.Run("Add-OSImageMember -Image $i -Project demo -Confirm:$false", new() { ["i"] = shared.Id }).Single<ImageMember>();
        Assert.Equal((demoProject, "pending"), (member.MemberId, member.Status));
        Assert.Single(Ps.Run("Get-OSImageMember -Image $i", new() { ["i"] = shared.Id }).OfType<ImageMember>());

        Connect("demo", FakeIdentity.DemoPassword, "demo").AssertNoErrors();
        Assert.Contains(Ps.Run("Get-OSImage -MemberStatus pending").OfType<ImageModel>(), i => i.Id == shared.Id);
        Assert.Equal("accepted", Ps.Run("Set-OSImageMember -Image $i -Status accepted", new() { ["i"] = shared.Id }).Single<ImageMember>().Status);
        Assert.Contains(Ps.Run("Get-OSImage").OfType<ImageModel>(), i => i.Id == shared.Id);
        var other = Cloud.Glance.AddImage(Unique("other"), visibility: "shared");
        var refused = Ps.Run("Set-OSImageMember -Image $i -Status accepted", new() { ["i"] = other.Id }).SingleError("ImageMemberNotFound");
        Assert.Contains($"Image {other.Id} is not shared with project {demoProject}", refused.Exception.Message);

        Connect().AssertNoErrors();
        Ps.Run("Remove-OSImageMember -Image $i -Project $p -Confirm:$false", new() { ["i"] = shared.Id, ["p"] = demoProject }).AssertNoErrors();
        Assert.Empty(Ps.Run("Get-OSImageMember -Image $i", new() { ["i"] = shared.Id }).OfType<ImageMember>());
    }
}
