using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenStack.FakeCloud;

/// <summary>
/// Glance validates image bodies (and each PATCH value) against its JSON schema with the jsonschema library and
/// returns the library's message: "Provided object does not match schema 'image': 'nope' is not one of [...]",
/// then the failing sub-schema pretty-printed and the instance. The sub-schemas below are copied from what
/// glance 25 prints (pprint, width 72), so the messages match the real ones.
/// </summary>
internal static class GlanceSchema
{
    private sealed record Prop(string[] Types, string?[]? Enum, int? MaxLength, string? Pattern, string Dump);

    private const string UuidPattern = "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$";
    private const string TagItemDump = "{'maxLength': 255, 'type': 'string'}";

    private static readonly Dictionary<string, Prop> Props = new()
    {
        ["id"] = new(["string"], null, null, UuidPattern,
            $"{{'description': 'An identifier for the image',\n     'pattern': '{UuidPattern}',\n     'type': 'string'}}"),
        ["name"] = new(["null", "string"], null, 255, null,
            "{'description': 'Descriptive name for the image',\n     'maxLength': 255,\n     'type': ['null', 'string']}"),
        ["visibility"] = new(["string"], ["community", "public", "private", "shared"], null, null,
            "{'description': 'Scope of image accessibility',\n     'enum': ['community', 'public', 'private', 'shared'],\n     'type': 'string'}"),
        ["protected"] = new(["boolean"], null, null, null,
            "{'description': 'If true, image will not be deletable.',\n     'type': 'boolean'}"),
        ["os_hidden"] = new(["boolean"], null, null, null,
            "{'description': 'If true, image will not appear in default image list '\n                    'response.',\n     'type': 'boolean'}"),
        ["owner"] = new(["null", "string"], null, 255, null,
            "{'description': 'Owner of the image',\n     'maxLength': 255,\n     'type': ['null', 'string']}"),
        ["container_format"] = new(["null", "string"], [null, .. FakeGlance.ContainerFormats], null, null,
            "{'description': 'Format of the container',\n     'enum': [None,\n" + string.Join(",\n", FakeGlance.ContainerFormats.Select(f => $"              '{f}'")) + "],\n     'type': ['null', 'string']}"),
        ["disk_format"] = new(["null", "string"], [null, .. FakeGlance.DiskFormats], null, null,
            "{'description': 'Format of the disk',\n     'enum': [None,\n" + string.Join(",\n", FakeGlance.DiskFormats.Select(f => $"              '{f}'")) + "],\n     'type': ['null', 'string']}"),
        ["min_ram"] = new(["integer"], null, null, null,
            "{'description': 'Amount of ram (in MB) required to boot image.',\n     'type': 'integer'}"),
        ["min_disk"] = new(["integer"], null, null, null,
            "{'description': 'Amount of disk space (in GB) required to boot image.',\n     'type': 'integer'}"),
        ["tags"] = new(["array"], null, null, null,
            "{'description': 'List of strings related to the image',\n     'items': {'maxLength': 255, 'type': 'string'},\n     'type': 'array'}"),
    };

    /// <summary>Read-only attributes: checked by Glance's read-only rules, not by this schema pass.</summary>
    private static readonly HashSet<string> Skipped =
        ["status", "checksum", "size", "virtual_size", "created_at", "updated_at", "os_hash_algo", "os_hash_value", "self", "file", "schema", "direct_url", "locations", "stores"];

    public static void Validate(string key, JsonNode? value)
    {
        if (Skipped.Contains(key)) return;
        if (!Props.TryGetValue(key, out var prop))
        {
            if (!Is(value, "string"))
                throw Fail($"{Py.Repr(value)} is not of type 'string'", "type", "['additionalProperties']", "{'type': 'string'}", $"['{key}']", value);
            return;
        }
        var where = $"['properties']['{key}']";
        if (!prop.Types.Any(t => Is(value, t)))
            throw Fail($"{Py.Repr(value)} is not of type {string.Join(", ", prop.Types.Select(t => $"'{t}'"))}", "type", where, prop.Dump, $"['{key}']", value);
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (prop.Enum is not null && !prop.Enum.Contains(text))
            throw Fail($"{Py.Repr(value)} is not one of [{string.Join(", ", prop.Enum.Select(e => e is null ? "None" : Py.Repr(e)))}]", "enum", where, prop.Dump, $"['{key}']", value);
        if (prop.MaxLength is int max && text?.Length > max)
            throw Fail($"{Py.Repr(value)} is too long", "maxLength", where, prop.Dump, $"['{key}']", value);
        if (prop.Pattern is not null && text is not null && !Regex.IsMatch(text, prop.Pattern))
            throw Fail($"{Py.Repr(value)} does not match {Py.Repr(prop.Pattern)}", "pattern", where, prop.Dump, $"['{key}']", value);
        if (key == "tags")
        {
            var tags = value!.AsArray();
            for (var i = 0; i < tags.Count; i++)
            {
                if (!Is(tags[i], "string"))
                    throw Fail($"{Py.Repr(tags[i])} is not of type 'string'", "type", "['properties']['tags']['items']", TagItemDump, $"['tags'][{i}]", tags[i]);
                if (tags[i]!.GetValue<string>().Length > 255)
                    throw Fail($"{Py.Repr(tags[i])} is too long", "maxLength", "['properties']['tags']['items']", TagItemDump, $"['tags'][{i}]", tags[i]);
            }
        }
    }

    private static bool Is(JsonNode? node, string type) => type switch
    {
        "null" => node is null,
        "array" => node is JsonArray,
        "string" => node is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "integer" => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() is var d && d == Math.Floor(d) && !double.IsInfinity(d),
        _ => false,
    };

    private static GlanceError Fail(string what, string validator, string schemaPath, string dump, string instancePath, JsonNode? value) =>
        new(400, $"Provided object does not match schema 'image': {what}\n\nFailed validating '{validator}' in schema{schemaPath}:\n    {dump}\n\nOn instance{instancePath}:\n    {Py.Repr(value)}");
}
