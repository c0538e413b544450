using OpenStack.Client.Auth;
using OpenStack.Client.Http;

namespace OpenStack.Client.Tests;

/// <summary>
/// A client test class against a fake cloud of its own, connected as its admin: started before each test, disposed
/// after. A class adds its clients and seed resources in <see cref="StartedAsync"/>.
/// </summary>
public abstract class AdminFakeCloudTest : IAsyncLifetime
{
    protected FakeCloud.FakeCloud _cloud = null!;
    protected OpenStackSession _session = null!;

    public async Task InitializeAsync()
    {
        _cloud = await FakeCloud.FakeCloud.StartAsync();
        _session = await OpenStackSession.ConnectAsync(new AuthOptions
        {
            AuthUrl = new Uri(_cloud.AuthUrl), UserName = "admin", Password = SecretText.ToSecureString("s3cr3t-Passw0rd"), ProjectName = "admin",
        }, CancellationToken.None);
        await StartedAsync();
    }

    /// <summary>What the class sets up once connected (its clients, seed resources).</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _session.Dispose();
        await _cloud.DisposeAsync();
    }
}
