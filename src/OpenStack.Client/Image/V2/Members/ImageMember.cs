using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OpenStack.Client.Image.V2.Members
{
    /// <summary>A project an image is shared with, and what that project (the consumer) said: pending, accepted or rejected.</summary>
    public sealed class ImageMember
    {
        [JsonPropertyName("image_id")] public string ImageId { get; set; } = string.Empty;
        [JsonPropertyName("member_id")] public string MemberId { get; set; } = string.Empty;
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

        public override string ToString() => $"{MemberId} ({Status})";
    }

    internal sealed class ImageMemberList
    {
        [JsonPropertyName("members")] public List<ImageMember> Members { get; set; } = new List<ImageMember>();
    }

    [JsonSerializable(typeof(ImageMember))]
    [JsonSerializable(typeof(ImageMemberList))]
    internal partial class ImageMemberJson : JsonSerializerContext
    {
    }
}
