using System.IO;

namespace OpenStack.Client.Image.V2
{
    /// <summary>
    /// Turns <see cref="UpdateImageOptions"/> into the JSON patch document Glance wants
    /// (media type application/openstack-images-v2.1-json-patch).
    /// </summary>
    internal static class ImagePatch
    {
        public const string MediaType = "application/openstack-images-v2.1-json-patch";

        public static byte[] Build(Image current, UpdateImageOptions changes)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartArray();
                if (changes.Name != null) Op(w, "replace", "/name", v => v.WriteStringValue(changes.Name));
                if (changes.Visibility != null) Op(w, "replace", "/visibility", v => v.WriteStringValue(changes.Visibility));
                if (changes.Protected.HasValue) Op(w, "replace", "/protected", v => v.WriteBooleanValue(changes.Protected.Value));
                if (changes.MinDisk.HasValue) Op(w, "replace", "/min_disk", v => v.WriteNumberValue(changes.MinDisk.Value));
                if (changes.MinRam.HasValue) Op(w, "replace", "/min_ram", v => v.WriteNumberValue(changes.MinRam.Value));
                // "add" sets a property whether or not it exists (v2.1 patch semantics).
                foreach (var pair in changes.SetProperties) Op(w, "add", "/" + Escape(pair.Key), v => v.WriteStringValue(pair.Value));
                // Removing a property the image lacks is a 409 in Glance: only remove what is there.
                var existing = current.ExtraFields ?? new Dictionary<string, JsonElement>();
                foreach (var key in changes.RemoveProperties.Where(existing.ContainsKey)) Op(w, "remove", "/" + Escape(key), null);
                if (changes.AddTags.Count > 0 || changes.RemoveTags.Count > 0)
                {
                    // Glance rejects "/tags/-"; the whole list is replaced instead.
                    var tags = current.Tags.Concat(changes.AddTags).Distinct().Where(t => !changes.RemoveTags.Contains(t)).ToList();
                    Op(w, "replace", "/tags", v =>
                    {
                        v.WriteStartArray();
                        foreach (var tag in tags) v.WriteStringValue(tag);
                        v.WriteEndArray();
                    });
                }
                w.WriteEndArray();
            }
            return buffer.ToArray();
        }

        /// <summary>RFC 6901: "~" and "/" in a key are escaped inside a JSON pointer.</summary>
        private static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

        private static void Op(Utf8JsonWriter w, string op, string path, System.Action<Utf8JsonWriter>? value)
        {
            w.WriteStartObject();
            w.WriteString("op", op);
            w.WriteString("path", path);
            if (value != null)
            {
                w.WritePropertyName("value");
                value(w);
            }
            w.WriteEndObject();
        }
    }
}
