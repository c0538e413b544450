using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStack.Client.Image.V2.Tasks
{
    /// <summary>
    /// A Glance task of an image (GET /v2/images/{id}/tasks): an import runs as one, "api_image_import",
    /// pending → processing → success | failure, with a message ("Copied 256 MiB", "Task failed due to Internal Error").
    /// </summary>
    public sealed class ImageTask
    {
        [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("image_id")] public string? ImageId { get; set; }
        [JsonPropertyName("request_id")] public string? RequestId { get; set; }
        [JsonPropertyName("created_at")] public string? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public string? UpdatedAt { get; set; }

        public bool HasEnded => Status == "success" || Status == "failure";

        public override string ToString() => $"{Type} {Status}: {Message}";
    }

    internal sealed class ImageTaskList
    {
        [JsonPropertyName("tasks")] public List<ImageTask> Tasks { get; set; } = new List<ImageTask>();
    }

    [JsonSerializable(typeof(ImageTaskList))]
    internal partial class ImageTaskJson : JsonSerializerContext
    {
    }

    public static class ImageTasks
    {
        internal static Uri List(Uri root, string imageId) => new Uri(root, "v2/images/" + Uri.EscapeDataString(imageId) + "/tasks");

        /// <summary>GET /v2/images/{id}/tasks, newest first as Glance lists them.</summary>
        public static async Task<IReadOnlyList<ImageTask>> ListTasksAsync(this ImageClient client, string imageId, CancellationToken cancellationToken) =>
            (await client.GetJsonAsync(List(client.Root, imageId), ImageTaskJson.Default.ImageTaskList, cancellationToken).ConfigureAwait(false)).Tasks;
    }
}
