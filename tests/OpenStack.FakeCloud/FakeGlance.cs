using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OpenStack.FakeCloud;

/// <summary>An image as Glance holds it, at one moment (a snapshot: later changes do not show in it).</summary>
public sealed record FakeImage(
    string Id, string? Name, string Status, string Visibility, bool Protected, bool OsHidden,
    string? Checksum, string? OsHashAlgo, string? OsHashValue, long? Size, long? VirtualSize,
    int MinDisk, int MinRam, string? DiskFormat, string? ContainerFormat, string? Owner,
    IReadOnlyList<string> Tags, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, string> Properties, byte[]? Data, IReadOnlyList<string>? Stores = null,
    string? ImportingToStores = null, string? FailedImport = null);

/// <summary>One of Glance's stores as /v2/info/stores lists it (multi-store: several file stores).</summary>
public sealed record FakeStore(string Id, string Description, string Type = "file");

/// <summary>Glance's state: images (with their data in memory) and which projects they are shared with.</summary>
public sealed class FakeGlance
{
    internal static readonly string[] DiskFormats = ["ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop"];
    internal static readonly string[] ContainerFormats = ["ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"];
    private const int MaxSynthesizedData = 64 * 1024 * 1024;

    private readonly Dictionary<string, ImageRecord> _images = new();
    private List<FakeStore> _stores = [new("primary", "First file store (default)"), new("secondary", "Second file store")];
    private readonly HashSet<string> _failingStores = new();
    private readonly string _adminProjectId;
    private DateTimeOffset _lastTimestamp;

    internal FakeGlance(string adminProjectId) => _adminProjectId = adminProjectId;

    /// <summary>
    /// The stores, the default first (as on the local real Glance: "primary" and "secondary", two file stores).
    /// Glance's reserved os_glance_staging_store and os_glance_tasks_store are not listed, as on the real one.
    /// </summary>
    public IReadOnlyList<FakeStore> Stores
    {
        get { lock (Gate) return _stores.ToList(); }
        set { lock (Gate) _stores = value.Count > 0 ? value.ToList() : throw new ArgumentException("Glance needs at least one store."); }
    }

    /// <summary>The default store's id (the first of <see cref="Stores"/>).</summary>
    public string DefaultStore { get { lock (Gate) return _stores[0].Id; } }

    /// <summary>Imports into this store fail from now on (a fault the real cloud cannot be asked for).</summary>
    public void FailImportsTo(string storeId)
    {
        lock (Gate) _failingStores.Add(storeId);
    }

    /// <summary>How long the fake's import task spends on each store, so a poller sees it move.</summary>
    public TimeSpan ImportStepDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    internal bool IsFailing(string storeId) => _failingStores.Contains(storeId);

    internal bool HasStore(string storeId) => _stores.Any(s => s.Id == storeId);

    /// <summary>Every lock on the store's state; the HTTP layer takes it too.</summary>
    internal object Gate { get; } = new();

    /// <summary>All images, oldest first.</summary>
    public IReadOnlyList<FakeImage> Images
    {
        get { lock (Gate) return _images.Values.OrderBy(i => i.CreatedAt).Select(i => i.Snapshot()).ToList(); }
    }

    public FakeImage? Find(string id)
    {
        lock (Gate) return _images.TryGetValue(id, out var image) ? image.Snapshot() : null;
    }

    /// <summary>
    /// Seeds an image directly (no HTTP, no policy). Active and deactivated images without <paramref name="data"/>
    /// get <paramref name="size"/> (default 1024) deterministic bytes, up to 64 MiB; checksums are computed from
    /// the data as Glance would. The owner defaults to the admin project.
    /// </summary>
    public FakeImage AddImage(string? name = null, string status = "active", string visibility = "public", string? owner = null,
        IEnumerable<string>? tags = null, long? size = null, IReadOnlyDictionary<string, string>? properties = null, byte[]? data = null,
        string? diskFormat = "qcow2", string? containerFormat = "bare", bool isProtected = false, bool hidden = false,
        string? id = null, int minDisk = 0, int minRam = 0)
    {
        if (data is null && status is "active" or "deactivated")
        {
            var length = size ?? 1024;
            if (length <= MaxSynthesizedData)
            {
                data = new byte[length];
                new Random(name?.GetHashCode() ?? 0).NextBytes(data);
            }
        }
        lock (Gate)
        {
            var image = new ImageRecord
            {
                Id = id ?? Guid.NewGuid().ToString(),
                Name = name,
                Status = status,
                Visibility = visibility,
                Protected = isProtected,
                OsHidden = hidden,
                MinDisk = minDisk,
                MinRam = minRam,
                DiskFormat = diskFormat,
                ContainerFormat = containerFormat,
                Owner = owner ?? _adminProjectId,
                Tags = (tags ?? []).Distinct().ToList(),
                Properties = new Dictionary<string, string>(properties ?? new Dictionary<string, string>()),
            };
            image.CreatedAt = image.UpdatedAt = NextTimestamp();
            if (data is not null) image.SetData(data);
            else image.Size = size;
            if (status is "active" or "deactivated") image.Stores.Add(_stores[0].Id);
            if (!_images.TryAdd(image.Id, image)) throw new InvalidOperationException($"Image ID {image.Id} already exists!");
            return image.Snapshot();
        }
    }

    public bool RemoveImage(string id)
    {
        lock (Gate) return _images.Remove(id);
    }

    public void Clear()
    {
        lock (Gate) _images.Clear();
    }

    /// <summary>Forces a status (e.g. "killed", "saving") without the state machine.</summary>
    public void SetStatus(string id, string status)
    {
        lock (Gate) _images[id].Status = status;
    }

    /// <summary>Makes a project a member of an image (Glance's image members; the image should be "shared").</summary>
    public void ShareImage(string imageId, string projectId, string memberStatus = "accepted")
    {
        lock (Gate)
        {
            var image = _images[imageId];
            image.Members[projectId] = memberStatus;
            image.MemberTimes[projectId] = (NextTimestamp(), NextTimestamp());
        }
    }

    /// <summary>The import tasks of an image, newest first (what GET /v2/images/{id}/tasks lists).</summary>
    public IReadOnlyList<FakeImportTask> TasksOf(string imageId)
    {
        lock (Gate) return _images.TryGetValue(imageId, out var image) ? image.Tasks.AsEnumerable().Reverse().Select(t => t.Snapshot()).ToList() : [];
    }

    // ---------------------------------------------------------------- used by the HTTP layer (under Gate)

    internal ImageRecord? Get(string id) => _images.GetValueOrDefault(id);

    internal IEnumerable<ImageRecord> All => _images.Values;

    internal bool TryAdd(ImageRecord image) => _images.TryAdd(image.Id, image);

    internal bool Remove(string id) => _images.Remove(id);

    /// <summary>A timestamp later than every one handed out before, so creation order is a strict order.</summary>
    internal DateTimeOffset NextTimestamp()
    {
        var now = DateTimeOffset.UtcNow;
        _lastTimestamp = now > _lastTimestamp ? now : _lastTimestamp.AddTicks(10);
        return _lastTimestamp;
    }
}

/// <summary>The mutable image behind the HTTP layer; touched only under <see cref="FakeGlance.Gate"/>.</summary>
internal sealed class ImageRecord
{
    public required string Id { get; init; }
    public string? Name { get; set; }
    public string Status { get; set; } = "queued";
    public string Visibility { get; set; } = "shared";
    public bool Protected { get; set; }
    public bool OsHidden { get; set; }
    public string? Checksum { get; set; }
    public string? OsHashAlgo { get; set; }
    public string? OsHashValue { get; set; }
    public long? Size { get; set; }
    public long? VirtualSize { get; set; }
    public int MinDisk { get; set; }
    public int MinRam { get; set; }
    public string? DiskFormat { get; set; }
    public string? ContainerFormat { get; set; }
    public string? Owner { get; set; }
    public List<string> Tags { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Dictionary<string, string> Properties { get; set; } = new();
    public Dictionary<string, string> Members { get; set; } = new();
    public Dictionary<string, (DateTimeOffset Created, DateTimeOffset Updated)> MemberTimes { get; set; } = new();
    public byte[]? Data { get; set; }

    /// <summary>The stores holding the data (the image's "stores" field; absent while empty).</summary>
    public List<string> Stores { get; set; } = new();

    /// <summary>os_glance_importing_to_stores / os_glance_failed_import: null until the first import request.</summary>
    public List<string>? ImportingTo { get; set; }
    public List<string>? FailedImport { get; set; }

    /// <summary>os_glance_import_task: the running import's task id (Glance's import lock).</summary>
    public string? ImportTask { get; set; }

    /// <summary>Data staged by PUT /stage, waiting for a glance-direct import.</summary>
    public byte[]? Staged { get; set; }

    public List<ImportTaskRecord> Tasks { get; set; } = new();

    public FakeImage Snapshot() => new(Id, Name, Status, Visibility, Protected, OsHidden, Checksum, OsHashAlgo, OsHashValue, Size,
        VirtualSize, MinDisk, MinRam, DiskFormat, ContainerFormat, Owner, Tags.ToList(), CreatedAt, UpdatedAt,
        new Dictionary<string, string>(Properties), Data, Stores.ToList(),
        ImportingTo is null ? null : string.Join(',', ImportingTo), FailedImport is null ? null : string.Join(',', FailedImport));

    public ImageRecord Clone()
    {
        var copy = (ImageRecord)MemberwiseClone();
        copy.Tags = Tags.ToList();
        copy.Properties = new Dictionary<string, string>(Properties);
        copy.Members = new Dictionary<string, string>(Members);
        copy.MemberTimes = new(MemberTimes);
        copy.Stores = Stores.ToList();
        return copy;
    }

    public void CopyFrom(ImageRecord other)
    {
        (Name, Visibility, Protected, OsHidden, MinDisk, MinRam, DiskFormat, ContainerFormat, Owner, Tags, Properties) =
            (other.Name, other.Visibility, other.Protected, other.OsHidden, other.MinDisk, other.MinRam, other.DiskFormat,
                other.ContainerFormat, other.Owner, other.Tags, other.Properties);
    }

    /// <summary>Data and the fields Glance derives from it: md5 checksum, sha512 multihash, size, virtual size.</summary>
    public void SetData(byte[] data)
    {
        Data = data;
        Size = data.Length;
        Checksum = Convert.ToHexStringLower(MD5.HashData(data));
        OsHashAlgo = "sha512";
        OsHashValue = Convert.ToHexStringLower(SHA512.HashData(data));
        VirtualSize = InspectVirtualSize(data);
    }

    private static readonly byte[] Qcow2Magic = [(byte)'Q', (byte)'F', (byte)'I', 0xFB];

    /// <summary>
    /// Glance's format inspector runs on "bare" uploads: raw → the byte count; qcow2 → the size in the header
    /// (big-endian at offset 24, when the 512-byte header is complete and starts with QFI\xfb); anything else
    /// (and a zero result) leaves virtual_size null.
    /// </summary>
    public long? InspectVirtualSize(ReadOnlySpan<byte> data)
    {
        if (ContainerFormat != "bare") return null;
        long size = DiskFormat switch
        {
            "raw" => data.Length,
            "qcow2" when data.Length >= 512 && data[..4].SequenceEqual(Qcow2Magic) => (long)BinaryPrimitives.ReadUInt64BigEndian(data[24..32]),
            _ => 0,
        };
        return size > 0 ? size : null;
    }
}
