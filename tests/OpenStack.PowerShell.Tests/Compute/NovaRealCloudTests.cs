using System.Text.Json;
using OpenStack.Client.Compute.V2;
using OpenStack.PowerShell.Tests.Harness;
using ImageModel = OpenStack.Client.Image.V2.Image;

namespace OpenStack.PowerShell.Tests.Compute;

/// <summary>
/// Against the real Nova (Zed, fake virt driver) in OS_*: a server from a Glance image, its actions, side-by-side with
/// `openstack server show`, and keypairs and flavors. Everything made here is named with <see cref="RealCloudTest.Prefix"/>
/// and deleted in finally blocks.
/// </summary>
[Collection(RealCloudCollection.Name)]
public sealed class NovaRealCloudTests : RealCloudTest
{
    private string TempImageFile()
    {
        var path = Path.Combine(Path.GetTempPath(), Prefix + "disk.raw");
        File.WriteAllBytes(path, new byte[1 << 20]);
        return path;
    }

    /// <summary>Cleanup (`Cli` adds -f json, which delete commands refuse, so cleanup goes through the module).</summary>
    private static void Quietly(Action action)
    {
        try { action(); } catch (Exception) { /* cleanup of something the test may already have removed */ }
    }

    [RealCloudFact]
    public void Server_CreateFromGlanceImage_ListActOnAndDelete()
    {
        var file = TempImageFile();
        var imageName = Prefix + "img";
        var serverName = Prefix + "vm";
        string? imageId = null, serverId = null;
        try
        {
            var image = Ps.Run("New-OSImage -Name $n -File $f -DiskFormat raw", new() { ["n"] = imageName, ["f"] = file }).Single<ImageModel>();
            imageId = image.Id;

            var created = Ps.Run("Get-OSImage -Name $i | New-OSServer -Name $n -Flavor m1.tiny -NoNetwork -Wait -Timeout 300",
                new() { ["i"] = imageName, ["n"] = serverName }).Single<Server>();
            serverId = created.Id;
            Assert.Equal("ACTIVE", created.Status);
            Assert.Equal("Running", created.PowerState);
            Assert.Equal(imageName, created.ImageName);
            Assert.Equal("m1.tiny", created.FlavorName);

            var listed = Ps.Run("Get-OSServer $n", new() { ["n"] = serverName }).Single<Server>();
            Assert.Equal(serverId, listed.Id);

            var cli = Cli("server", "show", serverId);
            Assert.Equal(listed.Name, cli.GetProperty("name").GetString());
            Assert.Equal(listed.Status, cli.GetProperty("status").GetString());
            // The CLI (openstacksdk-based) prints the raw power state number and the embedded flavor.
            Assert.Equal(listed.PowerStateCode, cli.GetProperty("OS-EXT-STS:power_state").GetInt32());
            Assert.Equal(listed.FlavorName, cli.GetProperty("flavor").GetProperty("original_name").GetString());
            Assert.Contains(imageId, cli.GetProperty("image").GetString());
            Assert.Equal(listed.ProjectId, cli.GetProperty("project_id").GetString());
            Assert.Equal(listed.Host, cli.GetProperty("OS-EXT-SRV-ATTR:host").GetString());

            foreach (var (action, status) in new[]
                     {
                         ("Stop", "SHUTOFF"), ("Start", "ACTIVE"), ("Reboot", "ACTIVE"), ("Pause", "PAUSED"), ("Unpause", "ACTIVE"),
                         ("Suspend", "SUSPENDED"), ("Resume", "ACTIVE"), ("Lock", "ACTIVE"), ("Unlock", "ACTIVE"),
                     })
            {
                var after = Ps.Run("Invoke-OSServerAction -Id $id -Action $a -Wait -Timeout 300 -PassThru", new() { ["id"] = serverId, ["a"] = action }).Single<Server>();
                Assert.Equal(status, after.Status);
                Assert.Null(after.TaskState);
                Assert.Equal(action == "Lock", after.Locked);
                Assert.Equal(status, Cli("server", "show", serverId).GetProperty("status").GetString());
            }

            // Nova's 409 reaches the user naming the state it saw.
            var conflict = Ps.Run("Invoke-OSServerAction $n Start", new() { ["n"] = serverName }).SingleError("ServerStateConflict");
            Assert.Contains("vm_state active", conflict.Exception.Message);

            Ps.Run("Get-OSServer -Id $id | Remove-OSServer -Confirm:$false -Wait -Timeout 300", new() { ["id"] = serverId }).AssertNoErrors();
            Ps.Run("Get-OSServer -Id $id", new() { ["id"] = serverId }).SingleError("ServerNotFound");
            serverId = null;
        }
        finally
        {
            if (serverId != null) Quietly(() => Ps.Run("Remove-OSServer -Id $id -Confirm:$false -Wait -Timeout 120", new() { ["id"] = serverId }));
            if (imageId != null) Quietly(() => Ps.Run("Remove-OSImage -Image $i -Confirm:$false", new() { ["i"] = imageId }));
            File.Delete(file);
        }
    }

    [RealCloudFact]
    public void NewServer_OnANetwork_ByNameAndByGetOSNetworkObject()
    {
        var file = TempImageFile();
        var net = Prefix + "net";
        string? imageId = null;
        try
        {
            Cli("network", "create", net);
            Cli("subnet", "create", "--network", net, "--subnet-range", "10.78.0.0/24", Prefix + "subnet");
            imageId = Ps.Run("New-OSImage -Name $n -File $f -DiskFormat raw", new() { ["n"] = Prefix + "img", ["f"] = file }).Single<ImageModel>().Id;
            var byName = Ps.Run("New-OSServer -Name $n -Image $i -Flavor m1.tiny -Network $net -Wait -Timeout 300",
                new() { ["n"] = Prefix + "vm1", ["i"] = imageId, ["net"] = net }).Single<Server>();
            var byObject = Ps.Run("$o = Get-OSNetwork $net; New-OSServer -Name $n -Image $i -Flavor m1.tiny -Network $o -Wait -Timeout 300",
                new() { ["n"] = Prefix + "vm2", ["i"] = imageId, ["net"] = net }).Single<Server>();
            foreach (var server in new[] { byName, byObject })
            {
                Assert.Equal("ACTIVE", server.Status);
                Assert.StartsWith(net + "=10.78.0.", server.Networks);
                Assert.Equal(server.Networks, Cli("server", "list", "--name", server.Name!).EnumerateArray().Single().GetProperty("Networks").EnumerateObject()
                    .Select(p => p.Name + "=" + string.Join(", ", p.Value.EnumerateArray().Select(a => a.GetString()))).Single());
            }
        }
        finally
        {
            Quietly(() => Ps.Run("Get-OSServer -Name $p | Remove-OSServer -Confirm:$false -Wait -Timeout 120", new() { ["p"] = Prefix + "vm*" }));
            if (imageId != null) Quietly(() => Ps.Run("Remove-OSImage -Image $i -Confirm:$false", new() { ["i"] = imageId }));
            Quietly(() => CliQuiet("subnet", "delete", Prefix + "subnet"));
            Quietly(() => CliQuiet("network", "delete", net));
            File.Delete(file);
        }
    }

    /// <summary>`openstack ARGS` for commands without output (deletes), which refuse the -f json that <c>Cli</c> adds.</summary>
    private static void CliQuiet(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("openstack") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var pair in RealCloudEnvironment.Variables) start.Environment[pair.Key] = pair.Value;
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
    }

    [RealCloudFact]
    public void NewServer_BadNames_AreClearErrors_AndNothingIsCreated()
    {
        Ps.Run("New-OSServer -Name x -Image $i -Flavor m1.tiny -NoNetwork", new() { ["i"] = Prefix + "no-image" }).SingleError("ImageNotFound");
        var anyImage = Ps.Run("Get-OSImage").OfType<ImageModel>().FirstOrDefault(i => i.Status == "active");
        if (anyImage == null) return; // the flavor and network lookups need an image to get that far
        Ps.Run("New-OSServer -Name x -Image $i -Flavor m9.nope -NoNetwork", new() { ["i"] = anyImage.Id }).SingleError("FlavorNotFound");
        Ps.Run("New-OSServer -Name x -Image $i -Flavor m1.tiny -Network $n", new() { ["i"] = anyImage.Id, ["n"] = Prefix + "no-net" }).SingleError("NetworkNotFound");
        Assert.Empty(Ps.Run("Get-OSServer -Name x").OfType<Server>().Where(s => s.Created > DateTimeOffset.UtcNow.AddMinutes(-1)));
    }

    [RealCloudFact]
    public void Keypair_GeneratedAndImported_MatchTheCli()
    {
        var dir = Path.Combine(Path.GetTempPath(), Prefix + "keys");
        Directory.CreateDirectory(dir);
        var generated = Prefix + "gen";
        var imported = Prefix + "imp";
        try
        {
            var keyFile = Path.Combine(dir, "id_rsa");
            var gen = Ps.Run("New-OSKeypair -Name $n -PrivateKeyFile $f", new() { ["n"] = generated, ["f"] = keyFile }).Single<Keypair>();
            Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", File.ReadAllText(keyFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            Assert.Equal(gen.Fingerprint, Cli("keypair", "show", generated).GetProperty("fingerprint").GetString());

            var imp = Ps.Run("New-OSKeypair -Name $n -PublicKey $k", new() { ["n"] = imported, ["k"] = gen.PublicKey }).Single<Keypair>();
            Assert.Equal(gen.Fingerprint, imp.Fingerprint);
            var names = Ps.Run("Get-OSKeypair $p", new() { ["p"] = Prefix + "*" }).OfType<Keypair>().Select(k => k.Name).OrderBy(n => n).ToList();
            Assert.Equal(new[] { generated, imported }, names);
            Ps.Run("Get-OSKeypair $p | Remove-OSKeypair -Confirm:$false", new() { ["p"] = Prefix + "*" }).AssertNoErrors();
            Assert.DoesNotContain(Cli("keypair", "list").EnumerateArray(), k => k.GetProperty("Name").GetString()!.StartsWith(Prefix, StringComparison.Ordinal));
        }
        finally
        {
            Quietly(() => Ps.Run("Remove-OSKeypair $g, $i -Confirm:$false -ErrorAction SilentlyContinue", new() { ["g"] = generated, ["i"] = imported }));
            Directory.Delete(dir, recursive: true);
        }
    }

    [RealCloudFact]
    public void Flavor_CreateShowDelete_MatchesTheCli()
    {
        var name = Prefix + "flavor";
        try
        {
            var flavor = Ps.Run("New-OSFlavor -Name $n -VCpus 1 -RamMB 64 -DiskGB 0 -Public:$false", new() { ["n"] = name }).Single<Flavor>();
            var cli = Cli("flavor", "show", flavor.Id);
            Assert.Equal(name, cli.GetProperty("name").GetString());
            Assert.Equal(64, cli.GetProperty("ram").GetInt32());
            Assert.False(cli.GetProperty("os-flavor-access:is_public").GetBoolean());
            Assert.Empty(Ps.Run("Get-OSFlavor $n", new() { ["n"] = name }).OfType<Flavor>());   // private: only with -All
            Assert.Equal(flavor.Id, Ps.Run("Get-OSFlavor -All $n", new() { ["n"] = name }).Single<Flavor>().Id);
            Ps.Run("Remove-OSFlavor -Id $id -Confirm:$false", new() { ["id"] = flavor.Id }).AssertNoErrors();
        }
        finally
        {
            Quietly(() => Ps.Run("Get-OSFlavor -All $n | Remove-OSFlavor -Confirm:$false", new() { ["n"] = name }));
        }
    }
}
