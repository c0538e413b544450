using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenStack.FakeCloud;

/// <summary>An import task of an image, at one moment (GET /v2/images/{id}/tasks shows these).</summary>
public sealed record FakeImportTask(string Id, string ImageId, string Status, string Method, IReadOnlyList<string> Stores, string? Message);

/// <summary>
/// Glance's api_image_import task: pending → processing → success | failure, with the request it was given
/// ("input": image_id, import_req, backend) and a message ("Copied 1 MiB"; "Task failed due to Internal Error").
/// Touched only under <see cref="FakeGlance.Gate"/>.
/// </summary>
internal sealed class ImportTaskRecord
{
    public required string Id { get; init; }
    public required string ImageId { get; init; }
    public required string Owner { get; init; }
    public required string? UserId { get; init; }
    public required string? RequestId { get; init; }
    public required JsonObject ImportRequest { get; init; }
    public required List<string> Stores { get; init; }
    public string Status { get; set; } = "pending";
    public string? Message { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }

    public string Method => ImportRequest["method"]?["name"]?.GetValue<string>() ?? "";

    public FakeImportTask Snapshot() => new(Id, ImageId, Status, Method, Stores.ToList(), Message);

    /// <summary>The task as glance's tasks serializer writes it (times with microseconds and no zone).</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["type"] = "api_image_import",
        ["status"] = Status,
        ["owner"] = Owner,
        ["expires_at"] = ExpiresAt is { } e ? TaskTime(e) : null,
        ["created_at"] = TaskTime(CreatedAt),
        ["updated_at"] = TaskTime(UpdatedAt),
        ["deleted_at"] = null,
        ["deleted"] = false,
        ["image_id"] = ImageId,
        ["request_id"] = RequestId,
        ["user_id"] = UserId,
        ["input"] = new JsonObject
        {
            ["image_id"] = ImageId,
            ["import_req"] = ImportRequest.DeepClone(),
            ["backend"] = new JsonArray(Stores.Select(s => (JsonNode?)s).ToArray()),
        },
        ["result"] = Status == "success" ? new JsonObject { ["image_id"] = ImageId } : null,
        ["message"] = Message,
    };

    private static string TaskTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
