using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>
/// Glance's multi-store and interoperable import, as glance 25 answers them (tests/cloud/observed/100-129):
/// /v2/info/stores, /v2/info/import, PUT /stage, POST /import (glance-direct, web-download, copy-image) run as a
/// task in the background, GET /v2/images/{id}/tasks, DELETE /v2/stores/{store}/{id}.
/// </summary>
internal sealed partial class GlanceApi
{
    internal static readonly string[] ImportMethods = ["glance-direct", "web-download", "copy-image"];
    private static readonly string[] ReservedStores = ["os_glance_staging_store", "os_glance_tasks_store"];
    private static readonly HttpClient WebDownloadClient = new() { Timeout = TimeSpan.FromSeconds(30) };

    private string StoreIdsHeader() => string.Join(',', store.Stores.Select(s => s.Id).Concat(ReservedStores));

    private JsonObject StoresJson(bool detail)
    {
        var stores = store.Stores;
        return new JsonObject
        {
            ["stores"] = new JsonArray(stores.Select((s, i) =>
            {
                var json = new JsonObject { ["id"] = s.Id, ["description"] = s.Description };
                // Glance writes the default flag as the string "true", and only on the default store.
                if (i == 0) json["default"] = "true";
                if (detail)
                {
                    json["type"] = s.Type;
                    json["properties"] = new JsonObject { ["data_dir"] = $"/var/lib/glance/{s.Id}/", ["chunk_size"] = 65536, ["thin_provisioning"] = false };
                }
                return (JsonNode?)json;
            }).ToArray()),
        };
    }

    private async Task StageAsync(HttpContext ctx, GlanceCaller caller, string id)
    {
        var contentType = string.IsNullOrEmpty(ctx.Request.ContentType) ? "text/plain" : ctx.Request.ContentType;
        if (contentType.Split(';')[0].Trim() != "application/octet-stream") throw GlanceError.UnsupportedMediaType(contentType);
        ImageRecord image;
        lock (store.Gate)
        {
            image = Visible(caller, id);
            if (!caller.CanModify(image)) throw new GlanceError(403, $"Not allowed to upload image data for image {id}");
            if (image.Status != "queued") throw new GlanceError(409, $"Image status transition from {image.Status} to uploading is not allowed");
            image.Status = "uploading";
        }
        using var buffer = new MemoryStream();
        try
        {
            await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
        }
        catch
        {
            lock (store.Gate)
                if (image.Status == "uploading") image.Status = "queued";
            throw;
        }
        lock (store.Gate)
        {
            image.Staged = buffer.ToArray();
            // Staging records the size only; checksums come with the import.
            image.Size = image.Staged.Length;
            image.UpdatedAt = store.NextTimestamp();
        }
        await NoContentAsync(ctx);
    }

    private async Task ImportAsync(HttpContext ctx, GlanceCaller caller, string id)
    {
        var body = JsonNode.Parse(await ReadTextAsync(ctx)) as JsonObject ?? throw GlanceError.Detail(400, "Body expected in request.");
        // The deserializer's checks come first (glance.api.v2.images.RequestDeserializer._validate_import_body).
        if (body["method"] is not JsonObject methodJson) throw new GlanceError(400, "Import request requires a 'method' field.");
        var method = Str(methodJson["name"]) ?? throw new GlanceError(400, "Import request requires a 'name' field.");
        if (!ImportMethods.Contains(method)) throw new GlanceError(400, $"Unknown import method name {Py.Repr(method)}.");
        var mustSucceed = Bool(body, "all_stores_must_succeed", true) ?? throw new GlanceError(400, "'all_stores_must_succeed' must be boolean value only");
        var allStores = Bool(body, "all_stores", false) ?? throw new GlanceError(400, "'all_stores' must be boolean value only");
        var uri = Str(methodJson["uri"]);

        ImportTaskRecord? task;
        lock (store.Gate)
        {
            var image = Visible(caller, id);
            var conflict = (image.Status, method) switch
            {
                ("active", not "copy-image") => "Image with status active cannot be target for import",
                (not "active", "copy-image") => "Only images with status active can be targeted for copying",
                (not "queued", "web-download") => $"Image needs to be in 'queued' state to use '{method}' method",
                (not "uploading", "glance-direct") => "Image needs to be staged before 'glance-direct' method can be used",
                _ when image.ContainerFormat is null => "'container_format' needs to be set before import",
                _ when image.DiskFormat is null => "'disk_format' needs to be set before import",
                _ => null,
            };
            if (conflict is not null) throw new GlanceError(409, conflict);
            if (method == "copy-image" && !caller.IsAdmin) throw new GlanceError(403, "You are not authorized to complete copy_image action.");
            if (method != "copy-image" && !caller.CanModify(image)) throw new GlanceError(403, "You are not authorized to complete modify_image action.");
            if (image.ImportTask is not null)
                throw new GlanceError(409, $"New operation on image '{id}' is not permitted as prior operation is still in progress");

            var stores = StoresFromRequest(ctx, body, allStores);
            if (method == "copy-image")
            {
                if (allStores) stores.RemoveAll(image.Stores.Contains);
                else if (stores.FirstOrDefault(image.Stores.Contains) is { } present)
                    throw new GlanceError(400, $"Image is already present at store {Py.Repr(present)}");
            }
            if (method == "web-download" && !PassesImportFiltering(uri))
                throw new GlanceError(400, $"URI for web-download does not pass filtering: {uri}");

            // copy-image with all_stores to an image already everywhere: 202 and no task at all.
            task = stores.Count == 0 ? null : NewTask(ctx, caller, id, body, stores);
            if (task is not null)
            {
                image.Tasks.Add(task);
                image.ImportTask = task.Id;
                image.ImportingTo = (image.ImportingTo ?? []).Union(stores).ToList();
                image.FailedImport = (image.FailedImport ?? []).Except(stores).ToList();
                if (method != "copy-image") image.Status = "importing";
                image.UpdatedAt = task.CreatedAt;
            }
        }
        if (task is not null) _ = Task.Run(() => RunImportAsync(id, task, method, uri, mustSucceed));
        await AcceptedAsync(ctx);
    }

    private ImportTaskRecord NewTask(HttpContext ctx, GlanceCaller caller, string id, JsonObject body, List<string> stores)
    {
        var now = store.NextTimestamp();
        return new ImportTaskRecord
        {
            Id = Guid.NewGuid().ToString(), ImageId = id, Owner = caller.Owner ?? "", UserId = caller.UserId,
            RequestId = ctx.Items[FakeCloud.RequestIdKey] as string, ImportRequest = (JsonObject)body.DeepClone(), Stores = stores,
            CreatedAt = now, UpdatedAt = now,
        };
    }

    /// <summary>utils.get_stores_from_request: all_stores, the body's stores, the header or the default; each must exist.</summary>
    private List<string> StoresFromRequest(HttpContext ctx, JsonObject body, bool allStores)
    {
        var header = ctx.Request.Headers["X-Image-Meta-Store"].ToString();
        List<string> stores;
        if (allStores)
        {
            if (body.ContainsKey("stores") || header.Length > 0)
                throw new GlanceError(400, "All_stores parameter can't be used with x-image-meta-store header or stores parameter");
            stores = store.Stores.Select(s => s.Id).ToList();
        }
        else if (body["stores"] is JsonArray asked)
        {
            if (header.Length > 0) throw new GlanceError(400, "Stores parameter and x-image-meta-store header can't be both specified");
            stores = asked.Select(s => Str(s) ?? "").ToList();
        }
        else stores = [header.Length > 0 ? header : store.DefaultStore];
        foreach (var s in stores.Where(s => !store.HasStore(s))) throw new GlanceError(409, $"Store for identifier {s} not found");
        return stores;
    }

    /// <summary>The local real Glance's [import_filtering_opts]: http(s) on 127.0.0.1/localhost, the listed ports only.</summary>
    private bool PassesImportFiltering(string? uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && u.Host is "127.0.0.1" or "localhost"
        && options.WebDownloadPorts.Contains(u.Port);

    /// <summary>The task: fetch or take the data, then write it to each store in turn, recording progress on the image.</summary>
    private async Task RunImportAsync(string id, ImportTaskRecord task, string method, string? uri, bool mustSucceed)
    {
        byte[]? data = null;
        lock (store.Gate)
        {
            task.Status = "processing";
            task.UpdatedAt = store.NextTimestamp();
            if (store.Get(id) is { } image) data = method switch { "glance-direct" => image.Staged, "copy-image" => image.Data, _ => null };
        }
        if (method == "web-download")
        {
            try
            {
                using var response = await WebDownloadClient.GetAsync(uri);
                if (response.IsSuccessStatusCode) data = await response.Content.ReadAsByteArrayAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }
        if (data is null)
        {
            Finish(id, task, method, success: false);
            return;
        }

        var failed = new List<string>();
        foreach (var target in task.Stores)
        {
            await Task.Delay(store.ImportStepDelay);
            lock (store.Gate)
            {
                if (store.Get(id) is not { } image) return;
                image.ImportingTo?.Remove(target);
                if (store.IsFailing(target))
                {
                    failed.Add(target);
                    image.FailedImport?.Add(target);
                }
                else
                {
                    if (image.Data is null) image.SetData(data);
                    if (!image.Stores.Contains(target)) image.Stores.Add(target);
                    // The image is active as soon as one store has it; the other stores follow.
                    image.Status = "active";
                }
                image.UpdatedAt = store.NextTimestamp();
            }
            if (failed.Count > 0 && mustSucceed) break;
        }
        Finish(id, task, method, success: failed.Count == 0 || !mustSucceed && failed.Count < task.Stores.Count, data.Length);
    }

    /// <summary>Ends the task; a failed task marks the stores left as failed and (but for copy-image) puts the image back to queued.</summary>
    private void Finish(string id, ImportTaskRecord task, string method, bool success, long bytes = 0)
    {
        lock (store.Gate)
        {
            task.Status = success ? "success" : "failure";
            task.Message = success ? $"Copied {bytes / (1024 * 1024)} MiB" : "Task failed due to Internal Error";
            task.UpdatedAt = store.NextTimestamp();
            task.ExpiresAt = task.UpdatedAt.AddDays(2);
            if (store.Get(id) is not { } image) return;
            image.ImportingTo?.RemoveAll(task.Stores.Contains);
            if (!success)
                foreach (var s in task.Stores.Where(s => !image.Stores.Contains(s) && image.FailedImport?.Contains(s) == false)) image.FailedImport!.Add(s);
            if (!success && method != "copy-image" && image.Stores.Count == 0)
            {
                image.Status = "queued";
                image.Size = null;
            }
            if (method == "glance-direct" && image.Status == "active") image.Staged = null;
            image.ImportTask = null;
            image.UpdatedAt = store.NextTimestamp();
        }
    }

    private Task TasksAsync(HttpContext ctx, GlanceCaller caller, string id)
    {
        JsonObject body;
        lock (store.Gate)
        {
            var image = Visible(caller, id);
            body = new JsonObject { ["tasks"] = new JsonArray(image.Tasks.AsEnumerable().Reverse().Select(t => (JsonNode?)t.ToJson()).ToArray()) };
        }
        return WriteJsonAsync(ctx, 200, body);
    }

    private Task DeleteFromStoreAsync(HttpContext ctx, GlanceCaller caller, string storeId, string id)
    {
        lock (store.Gate)
        {
            if (!store.HasStore(storeId)) throw new GlanceError(409, $"The selected store {storeId} is not available on this node.");
            var image = store.Get(id) is { } found && caller.CanSee(found) ? found : throw new GlanceError(404, $"Failed to find image {id}");
            if (!caller.CanModify(image)) throw new GlanceError(403, "You are not authorized to complete delete_image_location action.");
            if (image.Status != "active") throw new GlanceError(409, "It's not allowed to remove image data from store if image status is not 'active'");
            if (image.Stores.Count == 1) throw new GlanceError(403, "Cannot delete image data from the only store containing it. Consider deleting the image instead.");
            if (!image.Stores.Remove(storeId)) throw new GlanceError(404, $"Image {id} is not stored in store {storeId}.");
            image.UpdatedAt = store.NextTimestamp();
        }
        return NoContentAsync(ctx);
    }

    /// <summary>202 with webob's empty text/html body, as import answers.</summary>
    private static Task AcceptedAsync(HttpContext ctx)
    {
        ctx.Response.StatusCode = 202;
        ctx.Response.ContentType = "text/html; charset=UTF-8";
        ctx.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>A boolean field with its default; null when present but not a JSON boolean.</summary>
    private static bool? Bool(JsonObject body, string key, bool fallback) => body[key] switch
    {
        null when !body.ContainsKey(key) => fallback,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => null,
    };
}
