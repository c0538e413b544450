namespace OpenStack.Client.Resources
{
    /// <summary>Reads one answer of a list or of a single resource by the descriptor's keys: no page or envelope class per resource.</summary>
    internal static class PageReader
    {
        public static (List<T> Items, string? Next) ReadPage<T>(JsonElement root, ResourceDescriptor<T> descriptor) where T : class, IResource
        {
            var items = new List<T>();
            if (!root.TryGetProperty(descriptor.Plural, out var list) || list.ValueKind != JsonValueKind.Array)
                throw new JsonException($"no \"{descriptor.Plural}\" list");
            foreach (var element in list.EnumerateArray())
            {
                items.Add(descriptor.ListItemsWrapped && descriptor.Singular != null ? Item(element.GetProperty(descriptor.Singular), descriptor) : Item(element, descriptor));
            }
            return (items, NextLink(root, descriptor));
        }

        public static T ReadOne<T>(JsonElement root, ResourceDescriptor<T> descriptor) where T : class, IResource
        {
            if (descriptor.Singular == null) return Item(root, descriptor);
            if (!root.TryGetProperty(descriptor.Singular, out var element)) throw new JsonException($"no \"{descriptor.Singular}\" object");
            return Item(element, descriptor);
        }

        private static T Item<T>(JsonElement element, ResourceDescriptor<T> descriptor) where T : class, IResource =>
            JsonSerializer.Deserialize(element, descriptor.TypeInfo) ?? throw new JsonException($"a null {descriptor.Noun.Message}");

        private static string? NextLink<T>(JsonElement root, ResourceDescriptor<T> descriptor) where T : class, IResource
        {
            switch (descriptor.Paging)
            {
                case PagingStyle.Links:
                    return root.TryGetProperty(descriptor.Plural + "_links", out var links) && links.ValueKind == JsonValueKind.Array
                        ? links.EnumerateArray().Where(l => Text(l, "rel") == "next").Select(l => Text(l, "href")).FirstOrDefault()
                        : null;
                case PagingStyle.Next:
                    return Text(root, "next");
                case PagingStyle.LinksObject:
                    return root.TryGetProperty("links", out var obj) && obj.ValueKind == JsonValueKind.Object ? Text(obj, "next") : null;
                default:
                    return null;
            }
        }

        private static string? Text(JsonElement element, string key) =>
            element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
