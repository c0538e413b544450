using System.Runtime.InteropServices;

namespace OpenStack.FakeCloud;

/// <summary>
/// The fake cloud on its own, for demos and manual tries:
/// <c>dotnet OpenStack.FakeCloud.dll [--port N] [--quiet]</c> prints <c>export OS_…</c> lines for the admin
/// (eval them, then use the module or the openstack CLI) and serves until Ctrl+C or SIGTERM.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new FakeCloudOptions();
        var quiet = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var port):
                    options.Port = port;
                    i++;
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                default:
                    await Console.Error.WriteLineAsync("usage: OpenStack.FakeCloud [--port N] [--quiet]");
                    return 2;
            }
        }
        if (!quiet) options.Log = line => Console.Error.WriteLine("  [fake cloud] " + line);

        await using var cloud = await FakeCloud.StartAsync(options);
        // Laid out like devstack: the external network "public" (172.24.4.0/24) that floating IPs come from.
        cloud.Neutron.AddPublicNetwork(cloud.Identity.AdminProjectId);
        Console.Write(cloud.ToEnvironmentScript());
        Console.Out.Flush();
        await Console.Error.WriteLineAsync($"# fake Keystone at {cloud.AuthUrl}, Glance at {cloud.ImageEndpoint}; demo / {FakeIdentity.DemoPassword} is a non-admin user. Ctrl+C stops.");

        var stop = new TaskCompletionSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stop.Task;
        return 0;
    }
}
