using OpenStack.FakeCloud;

namespace OpenStack.PowerShell.Tests.Harness;

/// <summary>A fake Keystone + Glance per test class, started once.</summary>
public sealed class FakeCloudFixture : IAsyncLifetime
{
    public FakeCloud.FakeCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync() => Cloud = await FakeCloud.FakeCloud.StartAsync(new FakeCloudOptions { DefaultPageLimit = 25 });

    public async Task DisposeAsync() => await Cloud.DisposeAsync();
}

/// <summary>
/// Base of tests that need a connected runspace: each test gets its own runspace, connected as the fake's
/// admin, and the cloud's request log cleared so assertions see only the test's own requests.
/// </summary>
public abstract class CloudTest : IClassFixture<FakeCloudFixture>, IDisposable
{
    public const string AdminPassword = "s3cr3t-Passw0rd";

    protected CloudTest(FakeCloudFixture fixture)
    {
        Cloud = fixture.Cloud;
        Ps = new PowerShellSession();
        Connect();
        Cloud.ClearRequests();
    }

    protected FakeCloud.FakeCloud Cloud { get; }
    protected PowerShellSession Ps { get; }

    protected RunResult Connect(string user = "admin", string password = AdminPassword, string project = "admin")
    {
        var result = Ps.Run("Connect-OpenStack -AuthUrl $authUrl -Credential $cred -ProjectName $project -UserDomainName Default",
            new Dictionary<string, object?>
            {
                ["authUrl"] = Cloud.AuthUrl,
                ["cred"] = PowerShellSession.Credential(user, password),
                ["project"] = project,
            });
        result.AssertNoErrors();
        return result;
    }

    /// <summary>Requests the test made, as "METHOD /path?query", without the authentication calls.</summary>
    protected List<string> RequestLines() =>
        Cloud.Requests.Where(r => !r.PathAndQuery.Contains("/auth/tokens")).Select(r => r.Method + " " + r.PathAndQuery).ToList();

    /// <summary>A temporary file with deterministic bytes; deleted with the test's temp folder.</summary>
    protected string TempFile(int length, string name = "disk.qcow2", bool qcow2Header = true)
    {
        var dir = Path.Combine(Path.GetTempPath(), "osps-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        _tempDirs.Add(dir);
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        if (qcow2Header && length >= 4) { bytes[0] = (byte)'Q'; bytes[1] = (byte)'F'; bytes[2] = (byte)'I'; bytes[3] = 0xFB; }
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    protected string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "osps-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        _tempDirs.Add(dir);
        return dir;
    }

    private readonly List<string> _tempDirs = new();

    public void Dispose()
    {
        Ps.Dispose();
        foreach (var dir in _tempDirs)
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
        GC.SuppressFinalize(this);
    }
}
