using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenStack.FakeCloud;

/// <summary>Who calls Glance: the token's project and whether it holds the admin role.</summary>
internal sealed record GlanceCaller(string? Owner, bool IsAdmin)
{
    public string? UserId { get; init; }

    /// <summary>glance.db.utils.is_image_visible.</summary>
    public bool CanSee(ImageRecord image) =>
        IsAdmin || image.Owner is null || image.Visibility is "public" or "community" ||
        Owner is not null && (image.Owner == Owner || image.Visibility == "shared" && image.Members.ContainsKey(Owner));

    /// <summary>glance.api.v2.policy.check_is_image_mutable: the admin or the owner.</summary>
    public bool CanModify(ImageRecord image) => IsAdmin || image.Owner is not null && image.Owner == Owner;
}

/// <summary>
/// GET /v2/images the way glance 25 does it: the deserializer's parameter handling (first "limit"/"marker" win,
/// every "tag" is ANDed, sort/sort_key/sort_dir), the DB layer's visibility rules, filters, ordering (created_at
/// then id, in the last sort direction given, desc by default) and marker paging, and the serializer's links —
/// "first" and "next" re-encode the query as a dict, so a repeated parameter keeps only its last value there,
/// exactly as the real <c>next</c> does.
/// </summary>
internal static class ImageQuery
{
    private static readonly string[] SortKeys = ["name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at"];
    private static readonly string[] Visibilities = ["community", "public", "private", "shared", "all"];

    public static JsonObject Run(IReadOnlyList<ImageRecord> images, GlanceCaller caller, List<KeyValuePair<string, string>> query,
        FakeCloudOptions options, Func<ImageRecord, JsonObject> toJson)
    {
        var p = new List<KeyValuePair<string, string>>(query);
        var limitText = PopFirst(p, "limit");
        var marker = PopFirst(p, "marker");
        var memberStatus = PopFirst(p, "member_status") ?? "accepted";
        var tags = new List<string>();
        while (PopFirst(p, "tag") is { } tag) tags.Add(tag.Trim());

        var visibility = Last(p, "visibility");
        if (!string.IsNullOrEmpty(visibility) && !Visibilities.Contains(visibility)) throw new GlanceError(400, $"Invalid visibility value: {visibility}");
        if (!string.IsNullOrEmpty(Last(p, "changes-since"))) throw new GlanceError(400, "The \"changes-since\" filter is no longer available on v2.");
        if (memberStatus is not ("pending" or "accepted" or "rejected" or "all")) throw new GlanceError(400, $"Invalid status: {memberStatus}");
        int? limit = null;
        if (limitText is not null)
        {
            if (!long.TryParse(limitText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) throw new GlanceError(400, "limit param must be an integer");
            if (parsed < 0) throw new GlanceError(400, "limit param must be positive");
            limit = (int)Math.Min(parsed, int.MaxValue);
        }
        var (sortKeys, sortDirs) = SortParameters(p);

        // The controller: hidden images only when asked, the protected filter, the page size.
        var osHidden = (Last(p, "os_hidden") ?? "false").ToLowerInvariant();
        if (osHidden is not ("true" or "false")) throw new GlanceError(400, $"Invalid value '{osHidden}' for 'os_hidden' filter. Valid values are 'true' or 'false'.");
        var isProtected = Last(p, "protected");
        if (isProtected is not (null or "true" or "false")) throw new GlanceError(400, $"Invalid value '{isProtected}' for 'protected' filter. Valid values are 'true' or 'false'.");
        var pageSize = Math.Min(options.MaxPageLimit, limit ?? options.DefaultPageLimit);

        // The DB layer: a single sort direction applies to every key, and created_at, id break ties.
        var tieDirection = sortDirs.Count == 1 ? sortDirs[0] : "desc";
        if (sortDirs.Count == 1) sortDirs = Enumerable.Repeat(sortDirs[0], sortKeys.Count).ToList();
        foreach (var key in new[] { "created_at", "id" })
            if (!sortKeys.Contains(key)) { sortKeys.Add(key); sortDirs.Add(tieDirection); }

        var filters = p.GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value); // dict(): the last value wins
        foreach (var key in new[] { "visibility", "os_hidden", "protected", "sort", "sort_key", "sort_dir" }) filters.Remove(key);
        var conditions = Conditions(filters);

        var matching = images.Where(i => i.Status != "killed" && InScope(i, caller, visibility, memberStatus) && i.OsHidden == (osHidden == "true")
                                         && (isProtected is null || i.Protected == (isProtected == "true"))
                                         && tags.All(i.Tags.Contains) && conditions.All(c => c(i)))
            .ToList();
        var comparer = Comparer<ImageRecord>.Create((a, b) => Compare(a, b, sortKeys, sortDirs));
        matching.Sort(comparer);
        if (marker is not null)
        {
            var markerImage = images.FirstOrDefault(i => i.Id == marker && caller.CanSee(i)) ?? throw new GlanceError(400, $"No image found with ID {marker}");
            matching = matching.Where(i => comparer.Compare(i, markerImage) > 0).ToList();
        }
        var page = matching.Take(pageSize).ToList();

        var linkParams = query.GroupBy(kv => kv.Key).Select(g => new KeyValuePair<string, string>(g.Key, g.Last().Value))
            .Where(kv => kv.Key != "marker").ToList();
        var body = new JsonObject
        {
            ["images"] = new JsonArray(page.Select(i => (JsonNode?)toJson(i)).ToArray()),
            ["first"] = linkParams.Count > 0 ? "/v2/images?" + Py.UrlEncode(linkParams) : "/v2/images",
            ["schema"] = "/v2/schemas/images",
        };
        // Glance offers a next page whenever this one is full, even when nothing follows.
        if (page.Count > 0 && page.Count == pageSize)
            body["next"] = "/v2/images?" + Py.UrlEncode([.. linkParams, new("marker", page[^1].Id)]);
        return body;
    }

    /// <summary>The visibility part of glance's _select_images_query and image_get_all.</summary>
    private static bool InScope(ImageRecord i, GlanceCaller caller, string? visibility, string memberStatus)
    {
        var visible = caller.IsAdmin || i.Visibility is "public" or "community"
                      || caller.Owner is not null && (i.Owner == caller.Owner
                          || i.Visibility == "shared" && i.Members.TryGetValue(caller.Owner, out var status) && (memberStatus == "all" || status == memberStatus));
        if (!visible) return false;
        if (!string.IsNullOrEmpty(visibility)) return visibility == "all" || i.Visibility == visibility;
        // Without a visibility filter, community images show only to their owner.
        return i.Visibility != "community" || caller.Owner is not null && i.Owner == caller.Owner;
    }

    private static (List<string> Keys, List<string> Dirs) SortParameters(List<KeyValuePair<string, string>> p)
    {
        var keys = new List<string>();
        var dirs = new List<string>();
        if (p.Any(kv => kv.Key == "sort"))
        {
            if (p.Any(kv => kv.Key is "sort_key" or "sort_dir")) throw new GlanceError(400, "Old and new sorting syntax cannot be combined");
            foreach (var part in PopFirst(p, "sort")!.Trim().Split(','))
            {
                var colon = part.IndexOf(':');
                var (key, dir) = colon < 0 ? (part, "desc") : (part[..colon], part[(colon + 1)..]);
                if (dir.Length == 0) dir = "desc";
                keys.Add(ValidKey(key.Trim()));
                dirs.Add(ValidDir(dir.Trim()));
            }
        }
        else
        {
            while (PopFirst(p, "sort_key") is { } key) keys.Add(ValidKey(key.Trim()));
            while (PopFirst(p, "sort_dir") is { } dir) dirs.Add(ValidDir(dir.Trim()));
            if (dirs.Count > 1 && dirs.Count != keys.Count) throw new GlanceError(400, "Number of sort dirs does not match the number of sort keys");
        }
        if (keys.Count == 0) keys.Add("created_at");
        if (dirs.Count == 0) dirs.Add("desc");
        return (keys, dirs);
    }

    private static string ValidKey(string key) => SortKeys.Contains(key) ? key
        : throw new GlanceError(400, $"Invalid sort key: {key}. It must be one of the following: {string.Join(", ", SortKeys)}.");

    private static string ValidDir(string dir) => dir is "asc" or "desc" ? dir : throw new GlanceError(400, $"Invalid sort direction: {dir}");

    /// <summary>glance's _make_conditions_from_filters for what is left of the query after paging and sorting.</summary>
    private static List<Func<ImageRecord, bool>> Conditions(Dictionary<string, string> filters)
    {
        var conditions = new List<Func<ImageRecord, bool>>();
        foreach (var (key, value) in filters)
        {
            if (key is "checksum" or "os_hash_value" or "owner" or "size" or "virtual_size" or "min_ram" or "min_disk" or "os_hash_algo")
                conditions.Add(i => Attribute(i, key) == value);
            else if (key.EndsWith("_min", StringComparison.Ordinal) || key.EndsWith("_max", StringComparison.Ordinal))
            {
                if (!long.TryParse(value, out var bound)) throw new GlanceError(400, "Unable to filter on a range with a non-numeric value.");
                var attribute = key[..^4];
                var isMin = key.EndsWith("_min", StringComparison.Ordinal);
                conditions.Add(i => long.TryParse(Attribute(i, attribute), out var v) && (isMin ? v >= bound : v <= bound));
            }
            else if (key is "created_at" or "updated_at")
            {
                var (op, text) = SplitOperator(value, isTime: true);
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var threshold))
                    throw new GlanceError(400, $"Bad \"{key}\" query filter format. Use ISO 8601 DateTime notation.");
                Func<int, bool> test = op switch
                {
                    "eq" => c => c == 0, "neq" => c => c != 0, "gt" => c => c > 0, "gte" => c => c >= 0, "lt" => c => c < 0, "lte" => c => c <= 0,
                    _ => throw new GlanceError(400, "Unable to filter using the specified operator."),
                };
                conditions.Add(i => test((key == "created_at" ? i.CreatedAt : i.UpdatedAt).CompareTo(threshold)));
            }
            else if (key is "name" or "id" or "status" or "container_format" or "disk_format")
            {
                var (op, text) = SplitOperator(value, isTime: false);
                var accepted = op switch
                {
                    "in" => text.Split(',').Select(v => v.Trim().Trim('"')).ToHashSet(),
                    "eq" => new HashSet<string> { text },
                    _ => throw new GlanceError(400, $"Unable to filter by unknown operator '{op}'."),
                };
                conditions.Add(i => Attribute(i, key) is { } v && accepted.Contains(v));
            }
            else if (key != "deleted")
                conditions.Add(i => i.Properties.TryGetValue(key, out var v) && v == value);
        }
        return conditions;
    }

    /// <summary>glance.common.utils.split_filter_op: "in:a,b" → ("in", "a,b"); an ISO time keeps its colons.</summary>
    private static (string Op, string Value) SplitOperator(string expression, bool isTime)
    {
        var colon = expression.IndexOf(':');
        if (colon < 0) return ("eq", expression);
        if (isTime && DateTimeOffset.TryParse(expression, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)) return ("eq", expression);
        return (expression[..colon], expression[(colon + 1)..]);
    }

    private static string? Attribute(ImageRecord i, string key) => key switch
    {
        "id" => i.Id, "name" => i.Name, "status" => i.Status, "container_format" => i.ContainerFormat, "disk_format" => i.DiskFormat,
        "owner" => i.Owner, "checksum" => i.Checksum, "os_hash_value" => i.OsHashValue, "os_hash_algo" => i.OsHashAlgo,
        "size" => i.Size?.ToString(CultureInfo.InvariantCulture), "virtual_size" => i.VirtualSize?.ToString(CultureInfo.InvariantCulture),
        "min_ram" => i.MinRam.ToString(CultureInfo.InvariantCulture), "min_disk" => i.MinDisk.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static int Compare(ImageRecord a, ImageRecord b, List<string> keys, List<string> dirs)
    {
        for (var k = 0; k < keys.Count; k++)
        {
            var c = keys[k] switch
            {
                "size" => Nullable.Compare(a.Size, b.Size),
                "created_at" => a.CreatedAt.CompareTo(b.CreatedAt),
                "updated_at" => a.UpdatedAt.CompareTo(b.UpdatedAt),
                var key => string.CompareOrdinal(Attribute(a, key), Attribute(b, key)), // null sorts first, as in SQL
            };
            if (c != 0) return dirs[k] == "desc" ? -c : c;
        }
        return 0;
    }

    private static string? PopFirst(List<KeyValuePair<string, string>> p, string key)
    {
        var index = p.FindIndex(kv => kv.Key == key);
        if (index < 0) return null;
        var value = p[index].Value;
        p.RemoveAt(index);
        return value;
    }

    private static string? Last(List<KeyValuePair<string, string>> p, string key) => p.LastOrDefault(kv => kv.Key == key).Value;
}
