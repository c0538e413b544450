namespace OpenStack.Client.Image.V2.Imports
{
    /// <summary>Glance's interoperable import methods (GET /v2/info/import lists those a cloud enables).</summary>
    public static class ImportMethods
    {
        public const string GlanceDirect = "glance-direct";
        public const string WebDownload = "web-download";
        public const string CopyImage = "copy-image";
    }

    /// <summary>
    /// The body of POST /v2/images/{id}/import. Defaults follow the API, not the CLI: every store must succeed
    /// unless <see cref="AllowFailure"/> (the CLI sends all_stores_must_succeed=false).
    /// </summary>
    public sealed class ImportOptions
    {
        public ImportOptions(string method) => Method = method;

        public string Method { get; }

        /// <summary>The URL web-download fetches.</summary>
        public Uri? Uri { get; set; }

        /// <summary>The stores to import into; none and not <see cref="AllStores"/>: Glance's default store.</summary>
        public IList<string> Stores { get; } = new List<string>();

        public bool AllStores { get; set; }

        /// <summary>all_stores_must_succeed = false: the import ends active if at least one store got the data.</summary>
        public bool AllowFailure { get; set; }

        /// <summary>Checks what can be checked before any request: web-download needs an absolute http(s) URL.</summary>
        public void Validate()
        {
            if (Method == ImportMethods.WebDownload)
            {
                if (Uri == null || !Uri.IsAbsoluteUri)
                    throw new ImageImportException(ImageImportProblem.UriInvalid, "web-download needs an absolute http:// or https:// URL.");
                if (Uri.Scheme != "http" && Uri.Scheme != "https")
                    throw new ImageImportException(ImageImportProblem.UriInvalid,
                        $"'{Uri}' is a {Uri.Scheme}:// URL: Glance's web-download fetches http:// and https:// URLs only. For a local file use -File (with -UseImport to import it).");
            }
            if (AllStores && Stores.Count > 0) throw new ArgumentException("Give either stores or all stores, not both.");
        }

        internal Dictionary<string, object?> ToBody()
        {
            var method = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = Method };
            if (Uri != null) method["uri"] = Uri.AbsoluteUri;
            var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["method"] = method };
            if (AllStores) body["all_stores"] = true;
            else if (Stores.Count > 0) body["stores"] = Stores.ToArray();
            body["all_stores_must_succeed"] = !AllowFailure;
            return body;
        }
    }
}
