namespace OpenStack.Client.Image.V2.Members
{
    /// <summary>A project an image is shared with, and what that project (the consumer) said: pending, accepted or rejected.</summary>
    public sealed class ImageMember : IResource
    {
        [JsonPropertyName("image_id")] public string ImageId { get; set; } = string.Empty;
        [JsonPropertyName("member_id")] public string MemberId { get; set; } = string.Empty;
        [JsonPropertyName("status")] public string Status { get; set; } = string.Empty;
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>A member is known by its project id.</summary>
        [JsonIgnore] string IResource.Id => MemberId;

        [JsonIgnore] string? IResource.Name => MemberId;

        public override string ToString() => $"{MemberId} ({Status})";
    }

    /// <summary>POST {"member": project}.</summary>
    public sealed class AddMemberOptions : RequestOptions
    {
        public AddMemberOptions(string projectId) => ProjectId = projectId;

        public string ProjectId { get; }

        internal override BodyMap ToBody() => new BodyMap().Set("member", ProjectId);
    }

    /// <summary>PUT {"status": pending|accepted|rejected}, by the member project.</summary>
    public sealed class SetMemberStatusOptions : RequestOptions
    {
        public SetMemberStatusOptions(string status) => Status = status;

        public string Status { get; }

        internal override BodyMap ToBody() => new BodyMap().Set("status", Status);
    }

    [JsonSerializable(typeof(ImageMember))]
    internal partial class ImageMemberJson : JsonSerializerContext
    {
    }
}
