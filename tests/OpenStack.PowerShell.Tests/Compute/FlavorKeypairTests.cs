using System.Runtime.InteropServices;
using OpenStack.Client.Compute.V2;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>Get/New/Remove-OSFlavor and -OSKeypair against the fake Nova.</summary>
public sealed class FlavorKeypairTests : ComputeTest
{
    public FlavorKeypairTests(FakeCloudFixture fixture) : base(fixture) { }

    [Fact]
    public void GetFlavor_ListsWithWildcards_AndTheTableHasTheCliColumns()
    {
        var flavors = Ps.Run("Get-OSFlavor m1.*").OfType<Flavor>().ToList();
        Assert.Equal(new[] { "m1.tiny", "m1.small", "m1.medium" }, flavors.Select(f => f.Name));
        var tiny = flavors[0];
        Assert.Equal(("1", 512, 1, 1, 0, true), (tiny.Id, tiny.RamMB, tiny.DiskGB, tiny.VCpus, tiny.EphemeralGB, tiny.IsPublic));
        Assert.Equal(new[] { "GET /compute/v2.1/flavors/detail" }, NovaLines());
        AssertMicroversion(NovaRequests()[0]);
        Assert.Matches(@"ID\s+Name\s+RAM\s+Disk\s+Ephemeral\s+VCPUs\s+Is Public", Ps.RunFormatted("Get-OSFlavor m1.tiny"));
    }

    [Fact]
    public void GetFlavor_ByIdAndAll()
    {
        Assert.Equal("m1.medium", Ps.Run("Get-OSFlavor -Id 3").Single<Flavor>().Name);
        Ps.Run("Get-OSFlavor -All").AssertNoErrors();
        Assert.Contains("GET /compute/v2.1/flavors/detail?is_public=None", NovaLines());
        Ps.Run("Get-OSFlavor no-such-flavor").SingleError("FlavorNotFound");
        Ps.Run("Get-OSFlavor -Id nope").SingleError("FlavorNotFound");
    }

    [Fact]
    public void NewFlavor_SendsNovasFields_AndRemoveDeletesIt()
    {
        var name = Unique("fl");
        var flavor = Ps.Run("New-OSFlavor -Name $n -VCpus 2 -RamMB 256 -DiskGB 3 -Public:$false", new() { ["n"] = name }).Single<Flavor>();
        Assert.Equal((name, 2, 256, 3, false), (flavor.Name, flavor.VCpus, flavor.RamMB, flavor.DiskGB, flavor.IsPublic));
        var post = NovaRequests().Single(r => r.Method == "POST");
        Assert.Equal("/compute/v2.1/flavors", post.PathAndQuery);
        AssertMicroversion(post);
        var body = Body(post).GetProperty("flavor");
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal(2, body.GetProperty("vcpus").GetInt32());
        Assert.Equal(256, body.GetProperty("ram").GetInt32());
        Assert.Equal(3, body.GetProperty("disk").GetInt32());
        Assert.False(body.GetProperty("os-flavor-access:is_public").GetBoolean());

        Ps.Run("Get-OSFlavor -All -Name $n | Remove-OSFlavor -Confirm:$false", new() { ["n"] = name }).AssertNoErrors();
        Assert.Contains($"DELETE /compute/v2.1/flavors/{flavor.Id}", NovaLines());
        Assert.DoesNotContain(Cloud.Nova.Flavors, f => f.Id == flavor.Id);
        Ps.Run("Remove-OSFlavor $n -Confirm:$false", new() { ["n"] = name }).SingleError("FlavorNotFound");
    }

    [Fact]
    public void NewFlavor_DuplicateName_IsFlavorConflict()
    {
        var error = Ps.Run("New-OSFlavor -Name m1.tiny -VCpus 1 -RamMB 64 -DiskGB 0").SingleError("FlavorConflict");
        Assert.Contains("Flavor with name m1.tiny already exists.", error.Exception.Message);
    }

    [Fact]
    public void Keypair_ImportListShowRemove()
    {
        var name = Unique("kp");
        var created = Ps.Run("New-OSKeypair -Name $n -PublicKey $k", new() { ["n"] = name, ["k"] = TestKeys.Ed25519 }).Single<Keypair>();
        Assert.Equal(name, created.Name);
        Assert.Matches("^([0-9a-f]{2}:){15}[0-9a-f]{2}$", created.Fingerprint!);
        var post = NovaRequests().Single(r => r.Method == "POST");
        AssertMicroversion(post);  // a given public key needs no pinning
        Assert.Equal(TestKeys.Ed25519, Body(post).GetProperty("keypair").GetProperty("public_key").GetString());

        var listed = Ps.Run("Get-OSKeypair").OfType<Keypair>().ToList();
        Assert.Contains(listed, k => k.Name == name && k.Fingerprint == created.Fingerprint && k.Type == "ssh");
        Assert.Equal(TestKeys.Ed25519, Ps.Run("Get-OSKeypair $n", new() { ["n"] = name }).Single<Keypair>().PublicKey);
        Assert.Contains($"GET /compute/v2.1/os-keypairs/{name}", NovaLines());
        Assert.Matches(@"Name\s+Fingerprint\s+Type", Ps.RunFormatted($"Get-OSKeypair {name}"));

        Ps.Run("Get-OSKeypair $n | Remove-OSKeypair -Confirm:$false", new() { ["n"] = name }).AssertNoErrors();
        Assert.Contains($"DELETE /compute/v2.1/os-keypairs/{name}", NovaLines());
        Ps.Run("Get-OSKeypair $n", new() { ["n"] = name }).SingleError("KeypairNotFound");
        Ps.Run("Remove-OSKeypair $n -Confirm:$false", new() { ["n"] = name }).SingleError("KeypairNotFound");
    }

    [Fact]
    public void Keypair_FromPublicKeyFile()
    {
        var dir = TempDir();
        var file = Path.Combine(dir, "id.pub");
        File.WriteAllText(file, TestKeys.Ed25519 + "\n");
        var name = Unique("kpf");
        Ps.Run("New-OSKeypair -Name $n -PublicKeyFile $f", new() { ["n"] = name, ["f"] = file }).AssertNoErrors();
        Assert.Equal(TestKeys.Ed25519, Body(NovaRequests().Single(r => r.Method == "POST")).GetProperty("keypair").GetProperty("public_key").GetString());
    }

    [Fact]
    public void Keypair_Generated_PinsMicroversion291_AndWritesThePrivateKeyOwnerOnly()
    {
        var dir = TempDir();
        var keyFile = Path.Combine(dir, "id_rsa");
        var name = Unique("gen");
        var result = Ps.Run("New-OSKeypair -Name $n -PrivateKeyFile $f", new() { ["n"] = name, ["f"] = keyFile });
        var keypair = result.Single<Keypair>();
        Assert.Null(keypair.PrivateKey);   // only in the file, never in the pipeline
        Assert.StartsWith("ssh-rsa ", keypair.PublicKey);
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", File.ReadAllText(keyFile));
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var post = NovaRequests().Single(r => r.Method == "POST");
        AssertMicroversion(post, "2.91");
        Assert.False(Body(post).GetProperty("keypair").TryGetProperty("public_key", out _));
        Assert.DoesNotContain("PRIVATE KEY", result.AllText());

        // The file is never overwritten: a second run fails before asking Nova.
        Cloud.ClearRequests();
        var error = Ps.Run("New-OSKeypair -Name other -PrivateKeyFile $f", new() { ["f"] = keyFile }).SingleError("KeypairFileError");
        Assert.Contains("already exists", error.Exception.Message);
        Assert.Empty(NovaRequests());
    }

    [Fact]
    public void Keypair_DuplicateName_IsKeypairConflict()
    {
        var name = Unique("dupkp");
        Ps.Run("New-OSKeypair -Name $n -PublicKey $k", new() { ["n"] = name, ["k"] = TestKeys.Ed25519 }).AssertNoErrors();
        var error = Ps.Run("New-OSKeypair -Name $n -PublicKey $k", new() { ["n"] = name, ["k"] = TestKeys.Ed25519 }).SingleError("KeypairConflict");
        Assert.Contains($"Key pair '{name}' already exists.", error.Exception.Message);
    }

    [Fact]
    public void NameCompleters_OfferFlavorsServersAndKeypairs()
    {
        Assert.Contains("m1.small", Ps.Complete("New-OSServer -Flavor m1.s"));
        var server = SeedServer(Unique("compl"));
        Assert.Contains(server.Name, Ps.Complete($"Remove-OSServer {server.Name[..8]}"));
        var name = Unique("kpc");
        Ps.Run("New-OSKeypair -Name $n -PublicKey $k", new() { ["n"] = name, ["k"] = TestKeys.Ed25519 }).AssertNoErrors();
        Assert.Contains(name, Ps.Complete($"Get-OSKeypair {name[..6]}"));
    }
}
