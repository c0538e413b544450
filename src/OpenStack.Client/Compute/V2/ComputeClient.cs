using System.Runtime.CompilerServices;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>
    /// Nova v2.1. Every request carries an explicit microversion (both headers Nova reads), negotiated once per
    /// session as the lower of the server's maximum (its version document) and <see cref="Microversion.ClientMaximum"/>,
    /// and applied in <see cref="PrepareRequestAsync"/>, the one request path, so no call can go without it.
    /// Each resource is a folder beside this file (Servers/, Flavors/, Keypairs/).
    /// </summary>
    public sealed partial class ComputeClient : ServiceClient
    {
        public const string ServiceType = "compute";
        internal const string VersionHeader = "OpenStack-API-Version";
        internal const string LegacyVersionHeader = "X-OpenStack-Nova-API-Version";
        private static readonly ConditionalWeakTable<OpenStackSession, Negotiated> NegotiatedVersions = new ConditionalWeakTable<OpenStackSession, Negotiated>();
        private Microversion? _microversion;
        private bool _negotiated;

        public ComputeClient(OpenStackSession session) : base(session, VersionedRoot(session.GetEndpoint(ServiceType))) { }

        /// <summary>The catalog URL (which already names the version: ".../v2.1") with a trailing '/', so paths go below it.</summary>
        internal static Uri VersionedRoot(Uri catalogUrl) => new Uri(catalogUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");

        /// <summary>
        /// GET on the versioned root answers Nova's version document (max microversion in "version"). Older catalogs
        /// name ".../v2.1/{project_id}": the document is at the version segment, not below the project.
        /// </summary>
        internal static Uri VersionDocument(Uri root)
        {
            var segments = root.AbsolutePath.TrimEnd('/').Split('/');
            for (var i = segments.Length - 1; i >= 0; i--)
            {
                var s = segments[i];
                if (s.Length > 1 && s[0] == 'v' && char.IsDigit(s[1])) return new Uri(root, "/" + string.Join("/", segments, 1, i).TrimStart('/') + "/");
            }
            return root;
        }

        /// <summary>Nova's paging links are absolute; a relative one is an RFC 3986 reference against the versioned root.</summary>
        protected override LinkStyle RelativeLinks => LinkStyle.Rfc3986;

        /// <summary>The negotiated microversion (after the first call), or null if the cloud has none (plain v2.0).</summary>
        public Microversion? Microversion => _microversion;

        /// <summary>Reads the version document once per session (cached) and picks the microversion to send.</summary>
        public async Task<Microversion?> NegotiateAsync(CancellationToken cancellationToken)
        {
            if (_negotiated) return _microversion;
            var cached = NegotiatedVersions.GetOrCreateValue(Session);
            if (!cached.Done || cached.Root != Root)
            {
                var doc = await GetJsonAsync(VersionDocument(Root), ComputeJsonContext.Default.VersionEnvelope, cancellationToken).ConfigureAwait(false);
                Microversion? chosen = null;
                if (V2.Microversion.TryParse(doc.Version?.Version, out var max)) chosen = V2.Microversion.Min(max, V2.Microversion.ClientMaximum);
                cached.Root = Root;
                cached.Version = chosen;
                cached.Done = true;
            }
            _microversion = cached.Version;
            _negotiated = true;
            return _microversion;
        }

        /// <summary>Whether the negotiated microversion is at least <paramref name="version"/> (for bodies that depend on it).</summary>
        internal async Task<bool> AtLeastAsync(Microversion version, CancellationToken cancellationToken)
        {
            var current = await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            return current.HasValue && current.Value >= version;
        }

        protected override async Task PrepareRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // The version document is how the version is learnt; a call that pins its own (keypair generation) has set it.
            if (request.Headers.Contains(VersionHeader) || request.RequestUri == VersionDocument(Root)) return;
            var version = await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            if (version.HasValue) SetVersion(request, version.Value);
        }

        internal static void SetVersion(HttpRequestMessage request, Microversion version)
        {
            request.Headers.Remove(VersionHeader);
            request.Headers.Remove(LegacyVersionHeader);
            request.Headers.TryAddWithoutValidation(VersionHeader, "compute " + version);
            request.Headers.TryAddWithoutValidation(LegacyVersionHeader, version.ToString());
        }

        private sealed class Negotiated
        {
            public bool Done;
            public Uri? Root;
            public Microversion? Version;
        }
    }

    internal sealed class VersionEnvelope
    {
        [JsonPropertyName("version")] public VersionInfo? Version { get; set; }
    }

    internal sealed class VersionInfo
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("version")] public string? Version { get; set; }
        [JsonPropertyName("min_version")] public string? MinVersion { get; set; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(VersionEnvelope))]
    internal partial class ComputeJsonContext : JsonSerializerContext
    {
    }
}
