using System.Globalization;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>A compute API microversion "2.N", comparable.</summary>
    public readonly struct Microversion : IComparable<Microversion>, IEquatable<Microversion>
    {
        public Microversion(int major, int minor)
        {
            Major = major;
            Minor = minor;
        }

        public int Major { get; }
        public int Minor { get; }

        /// <summary>The newest microversion this client knows the request and response shapes of (Zed's maximum).</summary>
        public static readonly Microversion ClientMaximum = new Microversion(2, 93);
        /// <summary>Flavors are embedded in servers (original_name, no id) from here on.</summary>
        public static readonly Microversion EmbeddedFlavor = new Microversion(2, 47);
        /// <summary>`networks` becomes mandatory on create, and accepts "auto" / "none".</summary>
        public static readonly Microversion NetworksAutoNone = new Microversion(2, 37);
        /// <summary>Nova stops generating keypairs: public_key is required.</summary>
        public static readonly Microversion KeypairPublicKeyRequired = new Microversion(2, 92);
        /// <summary>The last microversion at which Nova generates a keypair.</summary>
        public static readonly Microversion LastKeypairGeneration = new Microversion(2, 91);
        public static readonly Microversion LockReason = new Microversion(2, 73);
        public static readonly Microversion Base = new Microversion(2, 1);

        public static bool TryParse(string? text, out Microversion version)
        {
            version = default;
            if (string.IsNullOrEmpty(text)) return false;
            var parts = text!.Split('.');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)) return false;
            version = new Microversion(major, minor);
            return true;
        }

        public static Microversion Min(Microversion a, Microversion b) => a.CompareTo(b) <= 0 ? a : b;

        public int CompareTo(Microversion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);
        public bool Equals(Microversion other) => Major == other.Major && Minor == other.Minor;
        public override bool Equals(object? obj) => obj is Microversion m && Equals(m);
        public override int GetHashCode() => Major * 1000 + Minor;
        public static bool operator >=(Microversion a, Microversion b) => a.CompareTo(b) >= 0;
        public static bool operator <=(Microversion a, Microversion b) => a.CompareTo(b) <= 0;
        public static bool operator >(Microversion a, Microversion b) => a.CompareTo(b) > 0;
        public static bool operator <(Microversion a, Microversion b) => a.CompareTo(b) < 0;
        public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);
    }
}
