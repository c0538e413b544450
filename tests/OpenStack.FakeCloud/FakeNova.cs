namespace OpenStack.FakeCloud;

/// <summary>A flavor as Nova stores it.</summary>
public sealed record FakeFlavor(string Id, string Name, int Ram, int Disk, int VCpus, int Ephemeral = 0, int Swap = 0, bool IsPublic = true, string? Description = null);

/// <summary>A server's vm_state and what it shows: the API's status, the power state number.</summary>
internal static class VmStates
{
    public static string Status(string vmState, string? taskState) => (vmState, taskState) switch
    {
        ("active", "rebooting" or "reboot_pending" or "reboot_started") => "REBOOT",
        ("active", "rebooting_hard" or "reboot_pending_hard" or "reboot_started_hard") => "HARD_REBOOT",
        ("active" or "stopped", "resize_prep" or "resize_migrating" or "resize_migrated" or "resize_finish") => "RESIZE",
        ("active" or "stopped" or "error", "rebuilding" or "rebuild_spawning") => "REBUILD",
        ("active", _) => "ACTIVE",
        ("building", _) => "BUILD",
        ("stopped", _) => "SHUTOFF",
        ("paused", _) => "PAUSED",
        ("suspended", _) => "SUSPENDED",
        ("rescued", _) => "RESCUE",
        ("resized", _) => "VERIFY_RESIZE",
        ("shelved", _) => "SHELVED",
        ("shelved_offloaded", _) => "SHELVED_OFFLOADED",
        ("error", _) => "ERROR",
        ("deleted", _) => "DELETED",
        _ => "UNKNOWN",
    };

    public static int Power(string vmState) => vmState switch
    {
        "active" or "rescued" or "resized" => 1,
        "paused" => 3,
        "stopped" or "shelved" => 4,
        "suspended" => 7,
        _ => 0,
    };
}

/// <summary>One server. Actions set a task state and a pending outcome that the next GETs settle (see <see cref="FakeNova.PollsToSettle"/>).</summary>
public sealed class FakeServer
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string ProjectId { get; init; }
    public required string UserId { get; init; }
    public string ImageId { get; set; } = "";
    public required FakeFlavor Flavor { get; set; }
    public FakeFlavor? OldFlavor { get; set; }
    public string VmState { get; set; } = "building";
    public string? TaskState { get; set; } = "scheduling";
    public string? KeyName { get; init; }
    public string ReservationId { get; set; } = "r-" + Guid.NewGuid().ToString("N")[..8];
    public string AvailabilityZone { get; init; } = "nova";
    public Dictionary<string, string> Metadata { get; init; } = new();
    public string? Description { get; set; }
    /// <summary>The hostname Nova derived from the name at boot (a rename keeps it).</summary>
    public string Hostname { get; set; } = "";
    /// <summary>When the server first became ACTIVE (OS-SRV-USG:launched_at).</summary>
    public DateTimeOffset? LaunchedAt { get; set; }
    /// <summary>Ids of the Neutron ports Nova made for this server (deleted with it; ports the user brought are only unbound).</summary>
    public HashSet<string> CreatedPorts { get; } = new();
    public List<string> SecurityGroups { get; init; } = new();
    public List<(string Network, string Address)> Addresses { get; init; } = new();
    public bool Locked { get; set; }
    public string? LockedReason { get; set; }
    public string? FaultMessage { get; set; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }
    /// <summary>Where the current task leads (vm_state), applied after <see cref="PollsLeft"/> more GETs.</summary>
    internal string? PendingVmState { get; set; }
    internal int PollsLeft { get; set; }
    internal bool Stuck { get; set; }
    public string Status => VmStates.Status(VmState, TaskState);
}

/// <summary>
/// Nova's state for the fake: flavors m1.tiny/small/medium (ids 1, 2, 3) as devstack seeds them, servers, keypairs per user.
/// Knobs for tests: <see cref="PollsToSettle"/>, <see cref="FailNextBuild"/>, <see cref="StuckBuilds"/>.
/// </summary>
public sealed class FakeNova
{
    private readonly List<FakeFlavor> _flavors =
    [
        new("1", "m1.tiny", 512, 1, 1), new("2", "m1.small", 2048, 20, 1), new("3", "m1.medium", 4096, 40, 2),
    ];
    private readonly List<FakeServer> _servers = new();
    private readonly Dictionary<(string User, string Name), FakeKeypair> _keypairs = new();
    private DateTimeOffset _clock = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    internal object Gate { get; } = new();

    /// <summary>The version document's maximum microversion ("2.93", Zed's); lower it to play an older cloud.</summary>
    public string MaxMicroversion { get; set; } = "2.93";

    /// <summary>GETs a server answers with its task still running before the task completes (1: the first poll sees it in progress).</summary>
    public int PollsToSettle { get; set; } = 1;

    /// <summary>When set, the next server built goes to ERROR with this fault message.</summary>
    public string? FailNextBuild { get; set; }

    /// <summary>When true, new servers stay in BUILD for ever (for wait timeouts).</summary>
    public bool StuckBuilds { get; set; }

    /// <summary>Network ids a server may be attached to (the fake has no Neutron); names map to ids.</summary>
    public Dictionary<string, string> Networks { get; } = new();

    public IReadOnlyList<FakeFlavor> Flavors { get { lock (Gate) return _flavors.ToList(); } }
    public IReadOnlyList<FakeServer> Servers { get { lock (Gate) return _servers.ToList(); } }

    public FakeFlavor AddFlavor(string name, int ram = 256, int disk = 1, int vcpus = 1, string? id = null, bool isPublic = true)
    {
        lock (Gate)
        {
            var flavor = new FakeFlavor(id ?? Guid.NewGuid().ToString(), name, ram, disk, vcpus, IsPublic: isPublic);
            _flavors.Add(flavor);
            return flavor;
        }
    }

    internal List<FakeFlavor> FlavorList => _flavors;
    internal List<FakeServer> ServerList => _servers;
    internal Dictionary<(string User, string Name), FakeKeypair> Keypairs => _keypairs;

    /// <summary>Seeds a server directly, already settled in <paramref name="vmState"/>.</summary>
    public FakeServer AddServer(string name, string projectId, string userId, string imageId = "", string flavorId = "1", string vmState = "active")
    {
        lock (Gate)
        {
            var server = NewServer(name, projectId, userId, imageId, _flavors.First(f => f.Id == flavorId), null, "nova");
            server.VmState = vmState;
            server.TaskState = null;
            if (vmState == "active") server.LaunchedAt = server.Created;
            return server;
        }
    }

    internal FakeServer NewServer(string name, string projectId, string userId, string imageId, FakeFlavor flavor, string? keyName, string az)
    {
        var now = Tick();
        var server = new FakeServer
        {
            Id = Guid.NewGuid().ToString(), Name = name, ProjectId = projectId, UserId = userId, ImageId = imageId, Flavor = flavor,
            KeyName = keyName, AvailabilityZone = az, Created = now, Updated = now,
            Hostname = System.Text.RegularExpressions.Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9.-]+", "-").Trim('-', '.'),
        };
        _servers.Add(server);
        return server;
    }

    internal DateTimeOffset Tick() => _clock = _clock.AddSeconds(1);

    /// <summary>Starts a task: the server shows <paramref name="taskState"/> until it has been polled enough, then becomes <paramref name="outcome"/>.</summary>
    internal void Begin(FakeServer server, string taskState, string outcome)
    {
        server.TaskState = taskState;
        server.PendingVmState = outcome;
        server.PollsLeft = PollsToSettle;
        server.Updated = Tick();
    }

    /// <summary>Called on each GET of a server: counts down and applies the task's outcome.</summary>
    internal void Settle(FakeServer server)
    {
        if (server.PendingVmState is null || server.Stuck) return;
        if (server.PollsLeft-- > 0) return;
        server.VmState = server.PendingVmState;
        if (server.VmState == "active") server.LaunchedAt ??= _clock;
        server.PendingVmState = null;
        server.TaskState = null;
        server.Updated = Tick();
    }
}

internal sealed record FakeKeypair(string Name, string UserId, string PublicKey, string Fingerprint, string Type, DateTimeOffset CreatedAt);
