using System.Security.Cryptography;
using System.Text.Json;
using OpenStack.Client;
using OpenStack.Client.Image.V2;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests.Conformance;

/// <summary>The image scenarios against the real cloud in OS_* (skipped when none was given).</summary>
[Trait("Category", "Integration")]
[Collection(RealCloudCollection.Name)]
public sealed class ImageConformanceOnRealCloud : ImageConformanceTests
{
    [RealCloudFact] public void Lifecycle() => Lifecycle_CreateListShowDeactivateReactivateSaveDelete_AgreesWithTheCli();
    [RealCloudFact] public void BadInput() => BadInput_UnknownAmbiguousAndConflict_ComeBackAsTheRealServiceSaysThem();
}

/// <summary>The same scenarios against the project's fake cloud, with the real CLI as the peer: the fake is held to
/// what the real services answer (the CLI itself talks to it).</summary>
[Trait("Category", "Integration")]
public sealed class ImageConformanceOnFakeCloud : ImageConformanceTests, IClassFixture<FakeCloudFixture>
{
    public ImageConformanceOnFakeCloud(FakeCloudFixture fixture) : base(FakeCloudVariables(fixture.Cloud)) { }

    [CliFact] public void Lifecycle() => Lifecycle_CreateListShowDeactivateReactivateSaveDelete_AgreesWithTheCli();
    [CliFact] public void BadInput() => BadInput_UnknownAmbiguousAndConflict_ComeBackAsTheRealServiceSaysThem();
}

/// <summary>
/// The image lifecycle, compared field by field with what `openstack … -f json` reports for the same objects.
/// </summary>
public abstract class ImageConformanceTests : RealCloudTest
{
    protected ImageConformanceTests() { }

    protected ImageConformanceTests(IReadOnlyDictionary<string, string> cloud) : base(cloud) { }

    /// <summary>A valid, empty qcow2 v2 image (header only) of the given virtual size, as `qemu-img create` makes.</summary>
    internal static string Qcow2File(long virtualSize)
    {
        var header = new byte[4 * 65536];
        void Put32(int at, uint v) { for (var i = 0; i < 4; i++) header[at + i] = (byte)(v >> (24 - 8 * i)); }
        void Put64(int at, ulong v) { Put32(at, (uint)(v >> 32)); Put32(at + 4, (uint)v); }
        Put32(0, 0x514649fb);         // "QFI\xfb"
        Put32(4, 2);                  // version
        Put32(20, 16);                // cluster_bits: 64 KiB clusters
        Put64(24, (ulong)virtualSize);
        Put32(36, 1);                 // l1_size
        Put64(40, 3 * 65536);         // l1_table_offset
        Put64(48, 65536);             // refcount_table_offset
        Put32(56, 1);                 // refcount_table_clusters
        var path = Path.Combine(Path.GetTempPath(), "osps-it-" + Guid.NewGuid().ToString("n") + ".qcow2");
        File.WriteAllBytes(path, header);
        return path;
    }

    protected void Lifecycle_CreateListShowDeactivateReactivateSaveDelete_AgreesWithTheCli()
    {
        var name = Prefix + "image";
        var file = Qcow2File(64L << 20);
        var saved = file + ".saved";
        string? id = null;
        try
        {
            var created = Ps.Run("New-OSImage -Name $n -File $f -Property @{ purpose = 'conformance' } -Tag conformance", new() { ["n"] = name, ["f"] = file });
            created.AssertNoErrors();
            var image = created.Single<ImageModel>();
            id = image.Id;
            var bytes = File.ReadAllBytes(file);
            Assert.Equal("active", image.Status);
            Assert.Equal("qcow2", image.DiskFormat);
            Assert.Equal("bare", image.ContainerFormat);
            Assert.Equal(bytes.Length, image.Size);
            Assert.Equal(Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant(), image.Checksum);
            Assert.Equal(Convert.ToHexString(SHA512.HashData(bytes)).ToLowerInvariant(), image.HashValue);

            var cli = Cli("image", "show", id);
            Assert.Equal(id, cli.GetProperty("id").GetString());
            Assert.Equal(name, cli.GetProperty("name").GetString());
            Assert.Equal(image.Status, cli.GetProperty("status").GetString());
            Assert.Equal(image.Size, cli.GetProperty("size").GetInt64());
            Assert.Equal(image.Checksum, cli.GetProperty("checksum").GetString());
            Assert.Equal(image.VirtualSize, cli.GetProperty("virtual_size").GetInt64());

            // -All lists what `image list --all` lists (other tests may add or remove images meanwhile, so compare
            // the images both saw, and require ours in both).
            var listed = Ps.Run("Get-OSImage -All").OfType<ImageModel>().ToDictionary(i => i.Id);
            var cliList = Cli("image", "list", "--all").EnumerateArray().ToList();
            Assert.Contains(id, listed.Keys);
            Assert.Contains(cliList, e => e.GetProperty("ID").GetString() == id);
            foreach (var row in cliList)
            {
                if (!listed.TryGetValue(row.GetProperty("ID").GetString()!, out var mine)) continue;
                Assert.Equal(row.GetProperty("Name").GetString(), mine.Name);
            }

            var byName = Ps.Run("Get-OSImage -Name $n", new() { ["n"] = name });
            byName.AssertNoErrors();
            Assert.Equal(id, byName.Single<ImageModel>().Id);

            Ps.Run("Get-OSImage -Name $n | Set-OSImage -Deactivate", new() { ["n"] = name }).AssertNoErrors();
            Assert.Equal("deactivated", Cli("image", "show", id).GetProperty("status").GetString());

            var reactivated = Ps.Run("Set-OSImage $id -Reactivate -PassThru", new() { ["id"] = id });
            reactivated.AssertNoErrors();
            Assert.Equal("active", reactivated.Single<ImageModel>().Status);

            Ps.Run("Save-OSImage $id -Path $p", new() { ["id"] = id, ["p"] = saved }).AssertNoErrors();
            Assert.Equal(bytes, File.ReadAllBytes(saved));

            Ps.Run("Remove-OSImage $id -Confirm:$false", new() { ["id"] = id }).AssertNoErrors();
            Ps.Run("Get-OSImage -Id $id", new() { ["id"] = id }).SingleError("ImageNotFound");
            id = null;
        }
        finally
        {
            if (id != null) Ps.Run("Remove-OSImage $id -Confirm:$false", new() { ["id"] = id });
            File.Delete(file);
            File.Delete(saved);
        }
    }

    protected void BadInput_UnknownAmbiguousAndConflict_ComeBackAsTheRealServiceSaysThem()
    {
        Ps.Run("Get-OSImage -Name $n", new() { ["n"] = Prefix + "missing" }).SingleError("ImageNotFound");

        // Two queued records with one name, made through the client (the CLI uploads its stdin when it is no tty).
        var name = Prefix + "twin";
        var ids = new List<string>();
        var images = new ImageClient(ConnectReal().Single<OpenStackSession>());
        try
        {
            for (var i = 0; i < 2; i++) ids.Add(images.CreateImageAsync(new CreateImageOptions { Name = name }, default).GetAwaiter().GetResult().Id);

            var ambiguous = Ps.Run("Set-OSImage $n -Deactivate", new() { ["n"] = name }).SingleError("ImageNameAmbiguous");
            Assert.Contains("More than one image exists with the name", ambiguous.ToString());

            // Glance refuses to deactivate a queued image (403); its words and request id reach the user.
            var conflict = Ps.Run("Set-OSImage $id -Deactivate", new() { ["id"] = ids[0] }).SingleError("ImageForbidden");
            Assert.Contains("queued", conflict.ToString());
            Assert.Contains("req-", conflict.ToString());
            Assert.Equal("queued", Cli("image", "show", ids[0]).GetProperty("status").GetString());
        }
        finally
        {
            foreach (var id in ids) Ps.Run("Remove-OSImage $id -Confirm:$false", new() { ["id"] = id });
        }
    }
}
