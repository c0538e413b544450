using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OpenStack.FakeCloud;

/// <summary>An image as Glance holds it, at one moment (a snapshot: later changes do not show in it).</summary>
public sealed record FakeImage(
    string Id, string? Name, string Status, string Visibility, bool Protected, bool OsHidden,
    string? Checksum, string? OsHashAlgo, string? OsHashValue, long? Size, long? VirtualSize,
    int MinDisk, int MinRam, string? DiskFormat, string? ContainerFormat, string? Owner,
    IReadOnlyList<string> Tags, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, string> Properties, byte[]? Data);

/// <summary>Glance's state: images (with their data in memory) and which projects they are shared with.</summary>
public sealed class FakeGlance
{
    internal static readonly string[] DiskFormats = ["ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop"];
    internal static readonly string[] ContainerFormats = ["ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"];
    private const int MaxSynthesizedData = 64 * 1024 * 1024;

    private readonly Dictionary<string, ImageRecord> _images = new();
    private readonly string _adminProjectId;
    private DateTimeOffset _lastTimestamp;

    internal FakeGlance(string adminProjectId) => _adminProjectId = adminProjectId;

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
        lock (Gate) _images[imageId].Members[projectId] = memberStatus;
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
    public byte[]? Data { get; set; }

    public FakeImage Snapshot() => new(Id, Name, Status, Visibility, Protected, OsHidden, Checksum, OsHashAlgo, OsHashValue, Size,
        VirtualSize, MinDisk, MinRam, DiskFormat, ContainerFormat, Owner, Tags.ToList(), CreatedAt, UpdatedAt,
        new Dictionary<string, string>(Properties), Data);

    public ImageRecord Clone()
    {
        var copy = (ImageRecord)MemberwiseClone();
        copy.Tags = Tags.ToList();
        copy.Properties = new Dictionary<string, string>(Properties);
        copy.Members = new Dictionary<string, string>(Members);
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
