using System.Management.Automation;
using OpenStack.FakeCloud;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests;

/// <summary>Bad input and failed calls: a specific ErrorRecord each, and nothing left behind on the server.</summary>
public sealed class ImageErrorTests : CloudTest
{
    public ImageErrorTests(FakeCloudFixture fixture) : base(fixture) { }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("n")[..8];

    private void AssertNothingCreated() => Assert.DoesNotContain(Cloud.Requests, r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE" && !r.PathAndQuery.Contains("/auth/"));

    [Theory]
    [InlineData("missing", "ImageFileNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("directory", "ImageFileIsDirectory", ErrorCategory.InvalidArgument)]
    [InlineData("empty", "ImageFileEmpty", ErrorCategory.InvalidArgument)]
    public void BadFiles_AreRefusedBeforeAnythingIsCreated(string kind, string errorId, ErrorCategory category)
    {
        var path = kind switch
        {
            "missing" => Path.Combine(TempDir(), "nope.qcow2"),
            "directory" => TempDir(),
            _ => TempFile(0, qcow2Header: false),
        };
        var error = Ps.Run("New-OSImage -Name x -File $f", new() { ["f"] = path }).SingleError(errorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Contains(path, error.Exception.Message);
        AssertNothingCreated();
    }

    [Theory]
    [InlineData("-DiskFormat qcow3", "ImageDiskFormatUnknown")]
    [InlineData("-ContainerFormat crate", "ImageContainerFormatUnknown")]
    public void UnknownFormats_AreRefusedBeforeAnythingIsCreated(string parameters, string errorId)
    {
        var error = Ps.Run($"New-OSImage -Name x -File $f {parameters}", new() { ["f"] = TempFile(100) }).SingleError(errorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("qcow2", error.Exception.Message + "bare qcow2");
        AssertNothingCreated();
    }

    [Fact]
    public void NegativeMinDisk_IsAParameterValidationError()
    {
        var result = Ps.Run("New-OSImage -Name x -File $f -MinDisk -1", new() { ["f"] = TempFile(100) });
        result.SingleError("ParameterArgumentValidationError");
        AssertNothingCreated();
    }

    [Fact]
    public void FailedUpload_DeletesTheRecord_AndTheErrorNamesIt()
    {
        var name = Unique("broken");
        Cloud.InjectFault(new FaultRule { Method = "PUT", PathContains = "/file", Status = 500, Body = "Internal Server Error: store failed", ContentType = "text/plain", Times = 1 });
        var error = Ps.Run("New-OSImage -Name $n -File $f", new() { ["n"] = name, ["f"] = TempFile(5000) }).SingleError("ImageUploadFailed");
        Assert.Single(Cloud.Requests, r => r.Method == "POST" && r.PathAndQuery == "/image/v2/images");
        var id = Cloud.Requests.Single(r => r.Method == "PUT").PathAndQuery.Split('/')[4]; // /image/v2/images/{id}/file
        Assert.Contains(id, error.Exception.Message);
        Assert.Contains("500", error.Exception.Message);
        Assert.Contains("store failed", error.Exception.Message);
        Assert.Contains("deleted", error.Exception.Message);
        Assert.Contains($"DELETE /image/v2/images/{id}", RequestLines());
        Assert.Empty(Ps.Run("Get-OSImage -All").OfType<ImageModel>().Where(i => i.Name == name));
    }

    [Fact]
    public void FailedUpload_WithKeepOnFailure_KeepsTheRecord()
    {
        var name = Unique("kept");
        Cloud.InjectFault(new FaultRule { Method = "PUT", PathContains = "/file", Status = 413, Body = "Image exceeds the storage quota", ContentType = "text/plain", Times = 1 });
        var error = Ps.Run("New-OSImage -Name $n -File $f -KeepOnFailure", new() { ["n"] = name, ["f"] = TempFile(5000) }).SingleError("ImageUploadFailed");
        Assert.Equal(ErrorCategory.QuotaExceeded, error.CategoryInfo.Category);
        Assert.Contains("kept", error.Exception.Message);
        Assert.DoesNotContain(Cloud.Requests, r => r.Method == "DELETE");
        Assert.Single(Ps.Run("Get-OSImage $n", new() { ["n"] = name }).OfType<ImageModel>());
    }

    [Fact]
    public void DeactivatingAQueuedImage_GivesGlancesRefusal()
    {
        var queued = Cloud.Glance.AddImage(Unique("queued"), status: "queued");
        var error = Ps.Run("Set-OSImage $id -Deactivate", new() { ["id"] = queued.Id }).SingleError("ImageForbidden");
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("403", error.Exception.Message);
        Assert.Contains("request id", error.Exception.Message);
    }

    [Fact]
    public void UnknownImage_ForEveryCmdlet_IsImageNotFound_AndChangesNothing()
    {
        foreach (var script in new[] { "Remove-OSImage nosuch -Confirm:$false", "Set-OSImage nosuch -Name y", "Save-OSImage nosuch -Path $d",
                     "Get-OSImage -Id 3f1c1f8e-0000-4000-8000-000000000000" })
        {
            var error = Ps.Run(script, new() { ["d"] = TempDir() }).SingleError("ImageNotFound");
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }
        AssertNothingCreated();
    }

    [Fact]
    public void ManyTargets_OneBad_TheOthersStillHappen()
    {
        var a = Cloud.Glance.AddImage(Unique("a"));
        var b = Cloud.Glance.AddImage(Unique("b"));
        var result = Ps.Run("Remove-OSImage $a, 'nosuch', $b -Confirm:$false", new() { ["a"] = a.Id, ["b"] = b.Id });
        result.SingleError("ImageNotFound");
        Assert.Equal(2, Cloud.Requests.Count(r => r.Method == "DELETE"));
    }

    [Fact]
    public void ConflictingSwitches_AndNoChange_AreRefused()
    {
        Ps.Run("Set-OSImage x -Deactivate -Reactivate").SingleError("ImageParameterConflict");
        Ps.Run("Set-OSImage x").SingleError("ImageNoChangeGiven");
        AssertNothingCreated();
    }

    [Fact]
    public void Download_ThatDoesNotMatchTheHash_LeavesNoFile()
    {
        var name = Unique("corrupt");
        Ps.Run("New-OSImage -Name $n -File $f", new() { ["n"] = name, ["f"] = TempFile(4000) }).AssertNoErrors();
        Cloud.InjectFault(new FaultRule { Method = "GET", PathContains = "/file", Status = 200, Body = "not the image data", ContentType = "application/octet-stream", Times = 1 });
        var dir = TempDir();
        var error = Ps.Run("Save-OSImage $n -Path ([IO.Path]::Combine($d, 'out.img'))", new() { ["n"] = name, ["d"] = dir }).SingleError("ImageChecksumMismatch");
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("does not match", error.Exception.Message);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void ExistingFile_IsNotOverwrittenWithoutForce()
    {
        var name = Unique("exists");
        Ps.Run("New-OSImage -Name $n -File $f", new() { ["n"] = name, ["f"] = TempFile(100) }).AssertNoErrors();
        var target = TempFile(10, "there.img");
        Ps.Run("Save-OSImage $n -Path $t", new() { ["n"] = name, ["t"] = target }).SingleError("ImageFileExists");
        Assert.Equal(10, new FileInfo(target).Length);
        Ps.Run("Save-OSImage $n -Path $t -Force", new() { ["n"] = name, ["t"] = target }).AssertNoErrors();
        Assert.Equal(100, new FileInfo(target).Length);
    }

    [Fact]
    public void SavingAQueuedImage_IsImageHasNoData_AndLeavesNoFile()
    {
        var name = Unique("queued");
        Cloud.Glance.AddImage(name, status: "queued");
        var dir = TempDir();
        var result = Ps.Run("Save-OSImage $n -Path ([IO.Path]::Combine($d, 'out.img'))", new() { ["n"] = name, ["d"] = dir });
        var error = result.SingleError("ImageHasNoData");
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("no data", error.Exception.Message);
        Assert.Empty(result.Output);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
        Assert.Contains(Cloud.Requests, r => r.Method == "GET" && r.PathAndQuery.EndsWith("/file", StringComparison.Ordinal) && r.Status == 204);
    }

    [Fact]
    public void Upload_WhoseStoredChecksumDiffers_IsImageChecksumMismatch_AndTheRecordIsDeleted()
    {
        var name = Unique("badsum");
        // The GET that follows the upload shows digests of other data, as if the store had kept something else.
        Cloud.InjectFault(new FaultRule
        {
            Method = "GET", PathContains = "/image/v2/images/", Status = 200, ContentType = "application/json", Times = 1,
            Body = "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"name\":\"x\",\"status\":\"active\",\"size\":3000,\"checksum\":\"0123456789abcdef0123456789abcdef\",\"visibility\":\"shared\",\"tags\":[]}",
        });
        var error = Ps.Run("New-OSImage -Name $n -File $f", new() { ["n"] = name, ["f"] = TempFile(3000) }).SingleError("ImageChecksumMismatch");
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("checksum", error.Exception.Message);
        Assert.Contains("deleted", error.Exception.Message);
        Assert.Contains(Cloud.Requests, r => r.Method == "DELETE");
        Assert.DoesNotContain(Ps.Run("Get-OSImage -All").OfType<ImageModel>(), i => i.Name == name);
    }
}
