namespace OpenStack.Client.Image.V2.Tasks
{
    /// <summary>
    /// A Glance task of an image (GET /v2/images/{id}/tasks): an import runs as one, "api_image_import",
    /// pending → processing → success | failure, with a message ("Copied 256 MiB", "Task failed due to Internal Error").
    /// </summary>
    public sealed class ImageTask : IResource
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

        [JsonIgnore] string? IResource.Name => Type;

        public override string ToString() => $"{Type} {Status}: {Message}";
    }

    [JsonSerializable(typeof(ImageTask))]
    internal partial class ImageTaskJson : JsonSerializerContext
    {
    }

    public static class ImageTasks
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("ImageTask", "image task");

        /// <summary>An image's tasks: /v2/images/{id}/tasks, {"tasks": [...]}, one answer.</summary>
        public static ResourceDescriptor<ImageTask> Of(string imageId) => new ResourceDescriptor<ImageTask>(
            Noun, "v2/images/" + Uri.EscapeDataString(imageId) + "/tasks", null, "tasks", ImageTaskJson.Default.ImageTask, PagingStyle.None,
            ResourceIdentity.Uuid, nameFilter: null);

        /// <summary>GET /v2/images/{id}/tasks, newest first as Glance lists them.</summary>
        public static async Task<IReadOnlyList<ImageTask>> ListTasksAsync(this ImageClient client, string imageId, CancellationToken cancellationToken) =>
            await client.List(Of(imageId), null, cancellationToken).AllAsync().ConfigureAwait(false);
    }
}
