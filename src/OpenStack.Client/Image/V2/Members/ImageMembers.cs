using OpenStack.Client.Image.V2.Imports;

namespace OpenStack.Client.Image.V2.Members
{
    /// <summary>
    /// Image members (/v2/images/{id}/members): the owner adds and removes projects, each member project accepts
    /// or rejects. Only images with visibility "shared" have members.
    /// </summary>
    public static class ImageMembers
    {
        public static readonly ResourceNoun Noun = new ResourceNoun("ImageMember", "image member");

        public static readonly string[] Statuses = { "pending", "accepted", "rejected" };

        /// <summary>An image's members: /v2/images/{id}/members, {"members": [...]}, members bare, known by project id.</summary>
        public static ResourceDescriptor<ImageMember> Of(string imageId) => new ResourceDescriptor<ImageMember>(
            Noun, "v2/images/" + Uri.EscapeDataString(imageId) + "/members", null, "members", ImageMemberJson.Default.ImageMember, PagingStyle.None,
            ResourceIdentity.NameIsId);

        public static async Task<IReadOnlyList<ImageMember>> ListMembersAsync(this ImageClient client, Image image, CancellationToken cancellationToken)
        {
            try
            {
                return await client.List(Of(image.Id), null, cancellationToken).AllAsync().ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.Forbidden && image.Visibility != "shared")
            {
                throw NotShared(image, ex);
            }
        }

        /// <summary>POST {"member": project}: the member starts "pending" until the project accepts.</summary>
        public static async Task<ImageMember> AddMemberAsync(this ImageClient client, Image image, string projectId, CancellationToken cancellationToken)
        {
            try
            {
                return await client.CreateAsync(Of(image.Id), new AddMemberOptions(projectId), cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.Forbidden && image.Visibility != "shared")
            {
                throw NotShared(image, ex);
            }
        }

        /// <summary>PUT {"status": …} as the member project: accept, reject, or back to pending.</summary>
        public static async Task<ImageMember> SetMemberStatusAsync(this ImageClient client, string imageId, string projectId, string status,
            CancellationToken cancellationToken)
        {
            try
            {
                return await client.UpdateAsync(Of(imageId), projectId, new SetMemberStatusOptions(status), cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ImageImportException(ImageImportProblem.MemberNotFound,
                    $"Image {imageId} is not shared with project {projectId}: Glance does not show it to that project (ask the owner to add it with Add-OSImageMember). {ex.Message}",
                    ex, imageId);
            }
        }

        public static async Task RemoveMemberAsync(this ImageClient client, string imageId, string projectId, CancellationToken cancellationToken)
        {
            try
            {
                await client.DeleteAsync(Of(imageId), projectId, cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound && (ex.ServerMessage ?? "").Contains("member list"))
            {
                throw new ImageImportException(ImageImportProblem.MemberNotFound, $"Project {projectId} is not a member of image {imageId}. {ex.Message}", ex, imageId);
            }
        }

        private static ImageImportException NotShared(Image image, OpenStackApiException ex) =>
            new ImageImportException(ImageImportProblem.NotShared,
                $"Image '{image.Name}' ({image.Id}) is {image.Visibility}: only images with visibility 'shared' have members. " +
                $"Make it shared first: Set-OSImage -Image {image.Id} -Visibility shared. {ex.Message}", ex, image.Id);
    }
}
