namespace OpenStack.Client.Image.V2
{
    /// <summary>
    /// Glance images: /v2/images, answered bare (no envelope), paged by a top-level "next". Custom properties are
    /// filters too, so any key is taken.
    /// </summary>
    public static class Images
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("Image", "image");

        public static readonly ResourceDescriptor<Image> Resource = new ResourceDescriptor<Image>(
            Noun, "v2/images", null, "images", ImageJson.Default.Image, PagingStyle.Next,
            filters: new[] { ResourceDescriptor<Image>.AnyFilter });
    }

    [JsonSerializable(typeof(Image))]
    internal partial class ImageJson : JsonSerializerContext
    {
    }
}
