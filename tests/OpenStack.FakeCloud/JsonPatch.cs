using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenStack.FakeCloud;

internal sealed record PatchOp(string Op, string Root, JsonNode? Value);

/// <summary>
/// Glance's PATCH /v2/images/{id}: a restricted JSON Patch. Only the two image media types are accepted
/// (anything else, plain application/json included, is 415 with Accept-Patch); paths are one level deep
/// ("/tags/-" is 400); add/replace/remove only. Parsing follows glance's deserializer (which runs before the image
/// is looked up), applying follows its controller, all or nothing.
/// </summary>
internal static class JsonPatch
{
    private static readonly Dictionary<string, int> MediaTypes = new()
    {
        ["application/openstack-images-v2.0-json-patch"] = 4,
        ["application/openstack-images-v2.1-json-patch"] = 10,
    };

    private static readonly string[] Operations = ["add", "remove", "replace"];
    private static readonly HashSet<string> ReadOnly = ["created_at", "updated_at", "status", "checksum", "size", "virtual_size", "direct_url", "self", "file", "schema", "id", "os_hash_algo", "os_hash_value"];
    private static readonly HashSet<string> Reserved = ["location", "deleted", "deleted_at"];
    private static readonly HashSet<string> BaseAttributes = ["name", "visibility", "protected", "os_hidden", "owner", "min_ram", "min_disk", "container_format", "disk_format", "tags", "checksum", "size", "virtual_size", "status", "created_at", "updated_at", "id", "os_hash_algo", "os_hash_value"];

    public static List<PatchOp> Parse(string? contentType, string body)
    {
        contentType = string.IsNullOrEmpty(contentType) ? "text/plain" : contentType;
        if (!MediaTypes.TryGetValue(contentType.Split(';')[0].Trim(), out var draft))
        {
            var e = GlanceError.UnsupportedMediaType(contentType);
            e.Headers["Accept-Patch"] = string.Join(", ", MediaTypes.Keys.Order(StringComparer.Ordinal));
            throw e;
        }
        if (body.Length == 0) throw new GlanceError(400, "Body expected in request.");
        JsonNode? parsed;
        try { parsed = JsonNode.Parse(body); }
        catch (JsonException) { throw new GlanceError(400, "Malformed JSON in request body."); }
        if (parsed is not JsonArray changes) throw new GlanceError(400, "Request body must be a JSON array of operation objects.");

        var ops = new List<PatchOp>();
        foreach (var raw in changes)
        {
            if (raw is not JsonObject change) throw new GlanceError(400, "Operations must be JSON objects.");
            string op, pointer;
            if (draft == 10)
            {
                var available = string.Join(", ", Operations);
                op = Str(change["op"]) ?? throw new GlanceError(400, $"Unable to find `op` in JSON Schema change. It must be one of the following: {available}.");
                if (!Operations.Contains(op)) throw new GlanceError(400, $"Invalid operation: `{op}`. It must be one of the following: {available}.");
                pointer = change.ContainsKey("path") ? Str(change["path"]) ?? "" : throw new GlanceError(400, "Unable to find 'path' in JSON Schema change");
            }
            else
            {
                var present = Operations.Where(change.ContainsKey).ToList();
                if (present.Count > 1) throw new GlanceError(400, "Operation objects must contain only one member named \"add\", \"remove\", or \"replace\".");
                if (present.Count == 0) throw new GlanceError(400, "Operation objects must contain exactly one member named \"add\", \"remove\", or \"replace\".");
                op = present[0];
                pointer = Str(change[op]) ?? "";
            }

            var path = DecodePointer(pointer);
            if (path.Count != 1) throw new GlanceError(400, $"Invalid JSON pointer for this resource: '/{string.Join("/", path)}'");
            var root = path[0];
            JsonNode? value = null;
            if (op != "remove")
            {
                if (!change.ContainsKey("value")) throw new GlanceError(400, $"Operation \"{op}\" requires a member named \"value\".");
                value = change["value"];
            }
            if (ReadOnly.Contains(root)) throw new GlanceError(403, $"Attribute '{root}' is read-only.");
            if (Reserved.Contains(root) || root.StartsWith("os_glance", StringComparison.Ordinal)) throw new GlanceError(403, $"Attribute '{root}' is reserved.");
            if (op != "remove") GlanceSchema.Validate(root, value);
            ops.Add(new PatchOp(op, root, value?.DeepClone()));
        }
        return ops;
    }

    /// <summary>glance's _validate_json_pointer + _decode_json_pointer.</summary>
    private static List<string> DecodePointer(string pointer)
    {
        if (!pointer.StartsWith('/')) throw new GlanceError(400, $"Pointer `{pointer}` does not start with \"/\".");
        if (Regex.IsMatch(pointer[1..], @"/\s*?/")) throw new GlanceError(400, $"Pointer `{pointer}` contains adjacent \"/\".");
        if (pointer.Length > 1 && pointer.EndsWith('/')) throw new GlanceError(400, $"Pointer `{pointer}` end with \"/\".");
        if (pointer[1..].Trim() == "/") throw new GlanceError(400, $"Pointer `{pointer}` does not contains valid token.");
        if (Regex.IsMatch(pointer, "~[^01]") || pointer.EndsWith('~')) throw new GlanceError(400, $"Pointer `{pointer}` contains \"~\" not part of a recognized escape sequence.");
        return pointer.TrimStart('/').Split('/').Select(p => p.Replace("~1", "/").Replace("~0", "~").Trim()).ToList();
    }

    /// <summary>Applies the changes to a copy and commits it only if every change succeeds (glance saves once).</summary>
    public static void Apply(ImageRecord image, IReadOnlyList<PatchOp> ops, GlanceCaller caller)
    {
        var draft = image.Clone();
        foreach (var op in ops)
        {
            if (!caller.CanModify(image)) throw new GlanceError(403, "You do not own this image");
            if (op.Root == "locations") throw new GlanceError(403, "It's not allowed to update locations if locations are invisible.");
            if (op.Op == "remove")
            {
                if (BaseAttributes.Contains(op.Root)) throw GlanceError.Detail(403, $"Property {op.Root} may not be removed.");
                if (!draft.Properties.Remove(op.Root)) throw GlanceError.Detail(409, $"Property {op.Root} does not exist.");
                continue;
            }
            if (!BaseAttributes.Contains(op.Root))
            {
                if (op.Op == "replace" && !draft.Properties.ContainsKey(op.Root)) throw GlanceError.Detail(409, $"Property {op.Root} does not exist.");
                draft.Properties[op.Root] = op.Value!.GetValue<string>();
                continue;
            }
            SetAttribute(draft, op.Root, op.Value, caller);
        }
        if (ops.Count == 0) return;
        image.CopyFrom(draft);
    }

    private static void SetAttribute(ImageRecord image, string name, JsonNode? value, GlanceCaller caller)
    {
        switch (name)
        {
            case "name": image.Name = Str(value); break;
            case "visibility":
                var visibility = Str(value)!;
                if (visibility == "public" && !caller.IsAdmin) throw new GlanceError(403, "You are not authorized to complete publicize_image action.");
                image.Visibility = visibility;
                break;
            case "protected": image.Protected = value!.GetValue<bool>(); break;
            case "os_hidden": image.OsHidden = value!.GetValue<bool>(); break;
            case "owner":
                if (!caller.IsAdmin) throw GlanceError.Detail(403, "Owner can't be updated by non admin.");
                image.Owner = Str(value);
                break;
            case "min_ram": image.MinRam = NonNegative(value, "min_ram"); break;
            case "min_disk": image.MinDisk = NonNegative(value, "min_disk"); break;
            case "disk_format" or "container_format":
                if (image.Status is not ("queued" or "importing")) throw new GlanceError(403, $"Attribute {name} can be only replaced for a queued image.");
                if (name == "disk_format") image.DiskFormat = Str(value);
                else image.ContainerFormat = Str(value);
                break;
            case "tags": image.Tags = value!.AsArray().Select(t => t!.GetValue<string>()).Distinct().ToList(); break;
        }
    }

    internal static int NonNegative(JsonNode? value, string param)
    {
        var number = (int)value!.GetValue<double>();
        if (number < 0) throw new GlanceError(400, $"Invalid value '{number}' for parameter '{param}': Cannot be a negative value");
        return number;
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
