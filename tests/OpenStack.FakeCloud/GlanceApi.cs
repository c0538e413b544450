using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>
/// Glance v2's HTTP surface under /image (and /image-r2): version negotiation, then — behind keystonemiddleware,
/// so every call needs a valid token — images, their data, tags and (de)activation. Errors are webob pages
/// (<see cref="GlanceError"/>), messages and statuses as glance 25 (Zed) has them.
/// </summary>
internal sealed partial class GlanceApi(FakeGlance store, FakeIdentity identity, FakeCloudOptions options)
{
    private const string Json = "application/json";
    private static readonly string[] VersionIds = ["v2.16", "v2.15", "v2.14", "v2.13", "v2.12", "v2.11", "v2.10", "v2.9", "v2.8", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0"];
    private static readonly string[] Disallowed = ["direct_url", "self", "file", "schema", "stores"];
    private static readonly string[] DomainReadOnly = ["created_at", "updated_at", "status", "checksum", "os_hash_algo", "os_hash_value", "size", "virtual_size"];
    private static readonly HashSet<string> BaseProperties = ["checksum", "created_at", "container_format", "disk_format", "id", "min_disk", "min_ram", "name", "size", "virtual_size", "status", "tags", "owner", "updated_at", "visibility", "protected", "os_hidden", "os_hash_algo", "os_hash_value"];

    public async Task HandleAsync(HttpContext ctx, string path, string prefix)
    {
        // The version negotiation middleware sits before authentication: no token needed, no request id.
        if (path is "" or "/" or "/versions" || !(path == "/v2" || path.StartsWith("/v2/", StringComparison.Ordinal)))
        {
            var versions = new JsonArray(VersionIds.Select(v => (JsonNode?)new JsonObject
            {
                ["id"] = v, ["status"] = v == "v2.16" ? "CURRENT" : "SUPPORTED",
                ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = identity.BaseUri + prefix[1..] + "/v2/" }),
            }).ToArray());
            ctx.Response.StatusCode = path == "/versions" ? 200 : 300;
            await HttpOut.WriteTextAsync(ctx, Py.Dumps(new JsonObject { ["versions"] = versions }), Json);
            return;
        }
        try
        {
            // keystonemiddleware answers before Glance's request-id middleware runs: no X-Openstack-Request-Id here.
            var token = identity.Authenticate(ctx.Request.Headers["X-Auth-Token"].ToString());
            if (token is null)
            {
                var e = new GlanceError(401) { WithRequestId = false };
                e.Headers["Www-Authenticate"] = $"Keystone uri=\"{identity.BaseUri}identity\"";
                throw e;
            }
            ctx.Response.Headers["X-Openstack-Request-Id"] = ctx.Items[FakeCloud.RequestIdKey] as string;
            var caller = new GlanceCaller(token.ProjectId, token.IsAdmin) { UserId = token.User.Id };
            var segments = path[3..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            await RouteAsync(ctx, caller, segments, prefix);
        }
        catch (GlanceError e) when (!ctx.Response.HasStarted)
        {
            await e.WriteAsync(ctx);
        }
        catch (Exception) when (!ctx.Response.HasStarted && !ctx.RequestAborted.IsCancellationRequested)
        {
            await new GlanceError(500).WriteAsync(ctx);
        }
    }

    private Task RouteAsync(HttpContext ctx, GlanceCaller caller, string[] segments, string prefix)
    {
        var method = ctx.Request.Method;
        return segments switch
        {
            ["images"] => method switch
            {
                "GET" => ListAsync(ctx, caller),
                "POST" => CreateAsync(ctx, caller, prefix),
                _ => throw GlanceError.MethodNotAllowed(method, "GET, POST"),
            },
            ["images", var id] => method switch
            {
                "GET" => ShowAsync(ctx, caller, id),
                "PATCH" => UpdateAsync(ctx, caller, id),
                "DELETE" => DeleteAsync(ctx, caller, id),
                _ => throw GlanceError.MethodNotAllowed(method, "GET, PATCH, DELETE"),
            },
            ["images", var id, "file"] => method switch
            {
                "GET" => DownloadAsync(ctx, caller, id),
                "PUT" => UploadAsync(ctx, caller, id),
                _ => throw GlanceError.MethodNotAllowed(method, "GET, PUT"),
            },
            ["images", var id, "stage"] => method == "PUT" ? StageAsync(ctx, caller, id) : throw GlanceError.MethodNotAllowed(method, "PUT"),
            ["images", var id, "import"] => method == "POST" ? ImportAsync(ctx, caller, id) : throw GlanceError.MethodNotAllowed(method, "POST"),
            ["images", var id, "tasks"] => method == "GET" ? TasksAsync(ctx, caller, id) : throw GlanceError.MethodNotAllowed(method, "GET"),
            ["images", var id, "members"] => method switch
            {
                "GET" => MembersAsync(ctx, caller, id),
                "POST" => AddMemberAsync(ctx, caller, id),
                _ => throw GlanceError.MethodNotAllowed(method, "GET, POST"),
            },
            ["images", var id, "members", var member] => method switch
            {
                "GET" => MemberAsync(ctx, caller, id, member),
                "PUT" => UpdateMemberAsync(ctx, caller, id, member),
                "DELETE" => RemoveMemberAsync(ctx, caller, id, member),
                _ => throw GlanceError.MethodNotAllowed(method, "GET, PUT, DELETE"),
            },
            ["stores", var storeId, var id] => method == "DELETE" ? DeleteFromStoreAsync(ctx, caller, storeId, id) : throw GlanceError.MethodNotAllowed(method, "DELETE"),
            ["info", "stores"] when method == "GET" => WriteJsonAsync(ctx, 200, StoresJson(detail: false)),
            ["info", "stores", "detail"] when method == "GET" => caller.IsAdmin
                ? WriteJsonAsync(ctx, 200, StoresJson(detail: true))
                : throw new GlanceError(403, "You are not authorized to complete stores_info_detail action."),
            ["info", "import"] when method == "GET" => WriteJsonAsync(ctx, 200, new JsonObject
            {
                ["import-methods"] = new JsonObject
                {
                    ["description"] = "Import methods available.", ["type"] = "array",
                    ["value"] = new JsonArray(ImportMethods.Select(m => (JsonNode?)m).ToArray()),
                },
            }),
            ["images", var id, "tags", var tag] => method switch
            {
                "PUT" or "DELETE" => TagAsync(ctx, caller, id, tag, add: method == "PUT"),
                _ => throw GlanceError.MethodNotAllowed(method, "PUT, DELETE"),
            },
            ["images", var id, "actions", var action and ("deactivate" or "reactivate")] => method == "POST"
                ? ActionAsync(ctx, caller, id, action)
                : throw GlanceError.MethodNotAllowed(method, "POST"),
            ["schemas", "image"] when method == "GET" => WriteJsonAsync(ctx, 200, ImageSchema()),
            ["schemas", "images"] when method == "GET" => WriteJsonAsync(ctx, 200, new JsonObject
            {
                ["name"] = "images", ["properties"] = new JsonObject
                {
                    ["images"] = new JsonObject { ["type"] = "array", ["items"] = ImageSchema() },
                    ["schema"] = new JsonObject { ["type"] = "string" }, ["first"] = new JsonObject { ["type"] = "string" },
                    ["next"] = new JsonObject { ["type"] = "string" },
                },
            }),
            _ => throw new GlanceError(404),
        };
    }

    // ---------------------------------------------------------------- images

    private Task ListAsync(HttpContext ctx, GlanceCaller caller)
    {
        JsonObject body;
        lock (store.Gate)
            body = ImageQuery.Run(store.All.ToList(), caller, Py.ParseQuery(Py.RawQuery(ctx)), options, ImageJson);
        return WriteJsonAsync(ctx, 200, body);
    }

    private Task ShowAsync(HttpContext ctx, GlanceCaller caller, string id)
    {
        JsonObject body;
        lock (store.Gate) body = ImageJson(Visible(caller, id));
        return WriteJsonAsync(ctx, 200, body);
    }

    private async Task CreateAsync(HttpContext ctx, GlanceCaller caller, string prefix)
    {
        var text = await ReadTextAsync(ctx);
        if (text.Length == 0) throw new GlanceError(400, "Body expected in request.");
        JsonNode? parsed;
        try { parsed = JsonNode.Parse(text); }
        catch (JsonException) { throw new GlanceError(400, "Malformed JSON in request body."); }
        if (parsed is not JsonObject body) throw new GlanceError(500); // glance fails the same way on a non-object

        foreach (var key in Disallowed)
            if (body.ContainsKey(key)) throw new GlanceError(403, $"Attribute '{key}' is read-only.");
        foreach (var (key, value) in body) GlanceSchema.Validate(key, value);
        foreach (var key in body.Select(p => p.Key).Where(k => !BaseProperties.Contains(k)))
        {
            if (key.Length > 255) throw new GlanceError(400, "Custom property should not be greater than 255 characters.");
            if (key is "location" or "deleted" or "deleted_at" || key.StartsWith("os_glance", StringComparison.Ordinal))
                throw GlanceError.Detail(403, $"Attribute '{key}' is reserved.");
        }
        foreach (var key in DomainReadOnly)
            if (body.ContainsKey(key)) throw new GlanceError(403, $"Attribute '{key}' is read-only.");
        var owner = Str(body["owner"]) ?? caller.Owner;
        if (body.ContainsKey("owner") && !caller.IsAdmin && owner != caller.Owner)
            throw new GlanceError(403, $"You are not permitted to create images owned by '{owner}'.");
        var visibility = Str(body["visibility"]) ?? "shared";
        if (visibility == "public" && !caller.IsAdmin) throw new GlanceError(403, "You are not authorized to complete publicize_image action.");

        var image = new ImageRecord
        {
            Id = Str(body["id"]) ?? Guid.NewGuid().ToString(),
            Name = Str(body["name"]),
            Visibility = visibility,
            Protected = body["protected"]?.GetValue<bool>() ?? false,
            OsHidden = body["os_hidden"]?.GetValue<bool>() ?? false,
            MinRam = body["min_ram"] is { } ram ? JsonPatch.NonNegative(ram, "min_ram") : 0,
            MinDisk = body["min_disk"] is { } disk ? JsonPatch.NonNegative(disk, "min_disk") : 0,
            DiskFormat = Str(body["disk_format"]),
            ContainerFormat = Str(body["container_format"]),
            Owner = owner,
            Tags = (body["tags"]?.AsArray() ?? []).Select(t => t!.GetValue<string>()).Distinct().ToList(),
            Properties = body.Where(p => !BaseProperties.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()),
        };
        JsonObject json;
        lock (store.Gate)
        {
            image.CreatedAt = image.UpdatedAt = store.NextTimestamp();
            if (!store.TryAdd(image)) throw new GlanceError(409, $"Image ID {image.Id} already exists!");
            json = ImageJson(image);
        }
        ctx.Response.Headers.Location = $"{identity.BaseUri}{prefix[1..]}/v2/images/{image.Id}";
        ctx.Response.Headers["Openstack-Image-Import-Methods"] = string.Join(',', ImportMethods);
        ctx.Response.Headers["Openstack-Image-Store-Ids"] = StoreIdsHeader();
        await WriteJsonAsync(ctx, 201, json);
    }

    private async Task UpdateAsync(HttpContext ctx, GlanceCaller caller, string id)
    {
        // The deserializer (media type, operations) runs before the image is looked up.
        var ops = JsonPatch.Parse(ctx.Request.ContentType, await ReadTextAsync(ctx));
        JsonObject json;
        lock (store.Gate)
        {
            var image = Visible(caller, id);
            JsonPatch.Apply(image, ops, caller);
            if (ops.Count > 0) image.UpdatedAt = store.NextTimestamp();
            json = ImageJson(image);
        }
        await WriteJsonAsync(ctx, 200, json);
    }

    private Task DeleteAsync(HttpContext ctx, GlanceCaller caller, string id)
    {
        lock (store.Gate)
        {
            var image = store.Get(id) is { } found && caller.CanSee(found) ? found : throw new GlanceError(404, $"Failed to find image {id} to delete");
            if (!caller.CanModify(image)) throw new GlanceError(403, "You do not own this image");
            if (image.Protected) throw new GlanceError(403, $"Image {id} is protected and cannot be deleted.");
            store.Remove(id);
        }
        return NoContentAsync(ctx);
    }

    private Task ActionAsync(HttpContext ctx, GlanceCaller caller, string id, string action)
    {
        lock (store.Gate)
        {
            var image = Visible(caller, id);
            if (!caller.CanModify(image)) throw new GlanceError(403, "You do not own this image");
            var (from, to) = action == "deactivate" ? ("active", "deactivated") : ("deactivated", "active");
            if (image.Status == from)
            {
                image.Status = to;
                image.UpdatedAt = store.NextTimestamp();
            }
            else if (image.Status != to) throw new GlanceError(403, $"Not allowed to {action} image in status '{image.Status}'");
        }
        return NoContentAsync(ctx);
    }

    private Task TagAsync(HttpContext ctx, GlanceCaller caller, string id, string tag, bool add)
    {
        lock (store.Gate)
        {
            var image = store.Get(id) is { } found && caller.CanSee(found) ? found : throw new GlanceError(404, $"Image {id} not found.");
            if (!caller.CanModify(image)) throw new GlanceError(403, $"Not allowed to {(add ? "update" : "delete")} tags for image {id}.");
            if (add && tag.Length > 255) throw new GlanceError(400, $"Could not update image: Provided object does not match schema 'image': {Py.Repr(tag)} is too long");
            if (add && !image.Tags.Contains(tag)) image.Tags.Add(tag);
            else if (!add && !image.Tags.Remove(tag)) throw new GlanceError(404);
            image.UpdatedAt = store.NextTimestamp();
        }
        return NoContentAsync(ctx);
    }

    // ---------------------------------------------------------------- data

    private async Task UploadAsync(HttpContext ctx, GlanceCaller caller, string id)
    {
        var contentType = string.IsNullOrEmpty(ctx.Request.ContentType) ? "text/plain" : ctx.Request.ContentType;
        if (contentType.Split(';')[0].Trim() != "application/octet-stream") throw GlanceError.UnsupportedMediaType(contentType);

        ImageRecord image;
        string target;
        lock (store.Gate)
        {
            image = Visible(caller, id);
            if (!caller.CanModify(image)) throw new GlanceError(403, $"Not allowed to upload image data for image {id}");
            // glance_store.get_store_from_store_identifier on X-Image-Meta-Store, before the status checks.
            target = ctx.Request.Headers["X-Image-Meta-Store"].ToString() is { Length: > 0 } asked ? asked : store.DefaultStore;
            if (!store.HasStore(target)) throw new GlanceError(400, $"Store for identifier {target} not found");
            if (image.Status != "queued") throw new GlanceError(409, $"Image status transition from {image.Status} to saving is not allowed");
            var missing = new[] { ("disk_format", image.DiskFormat), ("container_format", image.ContainerFormat) }.Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
            if (missing.Count > 0)
                throw new GlanceError(400, $"{(missing.Count == 1 ? "Property" : "Properties")} {string.Join(", ", missing)} must be set prior to saving data.");
            // Visible to a GET while the data streams in, as on the real service.
            image.Status = "saving";
            image.UpdatedAt = store.NextTimestamp();
        }

        byte[] data;
        try
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
            data = buffer.ToArray();
        }
        catch
        {
            // Glance's _restore: a failed upload puts the image back to queued so it can be retried.
            lock (store.Gate)
                if (image.Status == "saving") image.Status = "queued";
            throw;
        }

        lock (store.Gate)
        {
            if (store.Get(id) != image)
                throw new GlanceError(410, $"Image {id} could not be found after upload. The image may have been deleted during the upload, cleaning up the chunks uploaded.");
            image.SetData(data);
            image.Stores = [target];
            image.Status = "active";
            image.UpdatedAt = store.NextTimestamp();
        }
        await NoContentAsync(ctx);
    }

    private async Task DownloadAsync(HttpContext ctx, GlanceCaller caller, string id)
    {
        byte[]? data;
        string? checksum;
        lock (store.Gate)
        {
            var image = Visible(caller, id);
            if (image.Status == "deactivated" && !caller.IsAdmin)
                throw new GlanceError(403, "The requested image has been deactivated. Image data download is forbidden.");
            (data, checksum) = (image.Data, image.Checksum);
        }
        if (data is null)
        {
            ctx.Response.StatusCode = 204;
            ctx.Response.ContentLength = 0;
            return;
        }

        var (offset, count) = (0L, (long)data.Length);
        if (ctx.Request.Headers.Range.ToString() is { Length: > 0 } range)
        {
            (offset, count) = ParseRange(range, data.Length) ?? throw new GlanceError(416, "The Range requested is not available.");
            ctx.Response.StatusCode = 206;
            ctx.Response.Headers.ContentRange = $"bytes {offset}-{offset + count - 1}/{data.Length}";
        }
        ctx.Response.ContentType = "application/octet-stream";
        if (checksum is not null) ctx.Response.Headers.ContentMD5 = checksum;
        ctx.Response.ContentLength = count;
        for (var at = offset; at < offset + count; at += 65536)
            await ctx.Response.Body.WriteAsync(data.AsMemory((int)at, (int)Math.Min(65536, offset + count - at)), ctx.RequestAborted);
    }

    /// <summary>One "bytes=a-b", "bytes=a-" or "bytes=-n" range, as glance serves them; null when unsatisfiable.</summary>
    private static (long Offset, long Count)? ParseRange(string header, long size)
    {
        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',')) return null;
        var spec = header[6..].Split('-');
        if (spec.Length != 2) return null;
        var hasStart = long.TryParse(spec[0], CultureInfo.InvariantCulture, out var start);
        var hasEnd = long.TryParse(spec[1], CultureInfo.InvariantCulture, out var end);
        if (!hasStart && hasEnd && end > 0) (start, end) = (Math.Max(0, size - end), size - 1);
        else if (hasStart && !hasEnd) end = size - 1;
        else if (!hasStart || !hasEnd || end < start) return null;
        if (start >= size) return null;
        end = Math.Min(end, size - 1);
        return (start, end - start + 1);
    }

    // ---------------------------------------------------------------- plumbing

    private ImageRecord Visible(GlanceCaller caller, string id) =>
        store.Get(id) is { } image && caller.CanSee(image) ? image : throw new GlanceError(404, $"No image found with ID {id}");

    /// <summary>The image as Glance serializes it: extra properties first, nulls where nothing is known yet.</summary>
    private static JsonObject ImageJson(ImageRecord i)
    {
        var json = new JsonObject();
        // Glance keeps the import's progress as reserved extra properties, written before the others.
        if (i.ImportingTo is not null) json["os_glance_importing_to_stores"] = string.Join(',', i.ImportingTo);
        if (i.FailedImport is not null) json["os_glance_failed_import"] = string.Join(',', i.FailedImport);
        if (i.ImportTask is not null) json["os_glance_import_task"] = i.ImportTask;
        foreach (var (key, value) in i.Properties) json[key] = value;
        json["name"] = i.Name;
        json["disk_format"] = i.DiskFormat;
        json["container_format"] = i.ContainerFormat;
        json["visibility"] = i.Visibility;
        json["size"] = i.Size;
        json["virtual_size"] = i.VirtualSize;
        json["status"] = i.Status;
        json["checksum"] = i.Checksum;
        json["protected"] = i.Protected;
        json["min_ram"] = i.MinRam;
        json["min_disk"] = i.MinDisk;
        json["owner"] = i.Owner;
        json["os_hidden"] = i.OsHidden;
        json["os_hash_algo"] = i.OsHashAlgo;
        json["os_hash_value"] = i.OsHashValue;
        json["id"] = i.Id;
        json["created_at"] = GlanceTime(i.CreatedAt);
        json["updated_at"] = GlanceTime(i.UpdatedAt);
        json["tags"] = new JsonArray(i.Tags.Select(t => (JsonNode?)t).ToArray());
        json["self"] = $"/v2/images/{i.Id}";
        json["file"] = $"/v2/images/{i.Id}/file";
        json["schema"] = "/v2/schemas/image";
        if (i.Stores.Count > 0) json["stores"] = string.Join(',', i.Stores);
        return json;
    }

    /// <summary>oslo's isotime: 2026-11-22T21:00:00Z.</summary>
    private static string GlanceTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject ImageSchema()
    {
        JsonObject P(JsonNode type, string description, bool readOnly = false, string[]? values = null)
        {
            var p = new JsonObject { ["type"] = type, ["description"] = description };
            if (readOnly) p["readOnly"] = true;
            if (values is not null) p["enum"] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray());
            return p;
        }
        JsonArray NullOr(string type) => new("null", type);
        return new JsonObject
        {
            ["name"] = "image",
            ["properties"] = new JsonObject
            {
                ["id"] = P("string", "An identifier for the image"),
                ["name"] = P(NullOr("string"), "Descriptive name for the image"),
                ["status"] = P("string", "Status of the image", true, ["queued", "saving", "active", "killed", "deleted", "uploading", "importing", "pending_delete", "deactivated"]),
                ["visibility"] = P("string", "Scope of image accessibility", values: ["community", "public", "private", "shared"]),
                ["protected"] = P("boolean", "If true, image will not be deletable."),
                ["os_hidden"] = P("boolean", "If true, image will not appear in default image list response."),
                ["checksum"] = P(NullOr("string"), "md5 hash of image contents.", true),
                ["os_hash_algo"] = P(NullOr("string"), "Algorithm to calculate the os_hash_value", true),
                ["os_hash_value"] = P(NullOr("string"), "Hexdigest of the image contents using the algorithm specified by the os_hash_algo", true),
                ["owner"] = P(NullOr("string"), "Owner of the image"),
                ["size"] = P(NullOr("integer"), "Size of image file in bytes", true),
                ["virtual_size"] = P(NullOr("integer"), "Virtual size of image in bytes", true),
                ["container_format"] = P(NullOr("string"), "Format of the container", values: FakeGlance.ContainerFormats),
                ["disk_format"] = P(NullOr("string"), "Format of the disk", values: FakeGlance.DiskFormats),
                ["created_at"] = P("string", "Date and time of image registration", true),
                ["updated_at"] = P("string", "Date and time of the last image modification", true),
                ["tags"] = new JsonObject { ["type"] = "array", ["description"] = "List of strings related to the image", ["items"] = new JsonObject { ["type"] = "string", ["maxLength"] = 255 } },
                ["min_ram"] = P("integer", "Amount of ram (in MB) required to boot image."),
                ["min_disk"] = P("integer", "Amount of disk space (in GB) required to boot image."),
                ["self"] = P("string", "An image self url", true),
                ["file"] = P("string", "An image file url", true),
                ["schema"] = P("string", "An image schema url", true),
            },
            ["additionalProperties"] = new JsonObject { ["type"] = "string" },
            ["links"] = new JsonArray(
                new JsonObject { ["rel"] = "self", ["href"] = "{self}" },
                new JsonObject { ["rel"] = "enclosure", ["href"] = "{file}" },
                new JsonObject { ["rel"] = "describedby", ["href"] = "{schema}" }),
        };
    }

    private static async Task<string> ReadTextAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        return await reader.ReadToEndAsync(ctx.RequestAborted);
    }

    private static Task WriteJsonAsync(HttpContext ctx, int status, JsonObject body)
    {
        ctx.Response.StatusCode = status;
        return HttpOut.WriteTextAsync(ctx, Py.Dumps(body, ensureAscii: false), Json);
    }

    /// <summary>Glance's 204s still carry webob's default content type.</summary>
    private static Task NoContentAsync(HttpContext ctx)
    {
        ctx.Response.StatusCode = 204;
        ctx.Response.ContentType = "text/html; charset=UTF-8";
        ctx.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
