namespace OpenStack.Client.Image.V2
{
    /// <summary>The multi-store fields of an image: Glance sends them as comma strings among the extra properties.</summary>
    public sealed partial class Image
    {
        /// <summary>The stores holding the image's data ("stores"; empty while it has none).</summary>
        [JsonIgnore] public IReadOnlyList<string> Stores => ExtraList("stores");

        /// <summary>The stores an import is still writing to (os_glance_importing_to_stores).</summary>
        [JsonIgnore] public IReadOnlyList<string> ImportingToStores => ExtraList("os_glance_importing_to_stores");

        /// <summary>The stores an import failed to write to (os_glance_failed_import).</summary>
        [JsonIgnore] public IReadOnlyList<string> FailedStores => ExtraList("os_glance_failed_import");

        /// <summary>The task of the import in progress (os_glance_import_task, Glance's import lock), or null.</summary>
        [JsonIgnore] public string? ImportTaskId => ExtraFields != null && ExtraFields.TryGetValue("os_glance_import_task", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private IReadOnlyList<string> ExtraList(string key)
        {
            if (ExtraFields == null || !ExtraFields.TryGetValue(key, out var value) || value.ValueKind != JsonValueKind.String) return Array.Empty<string>();
            return (value.GetString() ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
