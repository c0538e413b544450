using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Image.V2.Imports;

namespace OpenStack.Client.Image.V2.Members
{
    /// <summary>
    /// Image members (/v2/images/{id}/members): the owner adds and removes projects, each member project accepts
    /// or rejects. Only images with visibility "shared" have members.
    /// </summary>
    public static class ImageMembers
    {
        public static readonly string[] Statuses = { "pending", "accepted", "rejected" };

        internal static Uri List(Uri root, string imageId) => new Uri(root, "v2/images/" + Uri.EscapeDataString(imageId) + "/members");

        internal static Uri Member(Uri root, string imageId, string memberId) => new Uri(List(root, imageId) + "/" + Uri.EscapeDataString(memberId));

        public static async Task<IReadOnlyList<ImageMember>> ListMembersAsync(this ImageClient client, Image image, CancellationToken cancellationToken)
        {
            try
            {
                return (await client.GetJsonAsync(List(client.Root, image.Id), ImageMemberJson.Default.ImageMemberList, cancellationToken).ConfigureAwait(false)).Members;
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
                return await SendAsync(client, HttpMethod.Post, List(client.Root, image.Id), "member", projectId, cancellationToken).ConfigureAwait(false);
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
                return await SendAsync(client, HttpMethod.Put, Member(client.Root, imageId, projectId), "status", status, cancellationToken).ConfigureAwait(false);
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
                using var _ = await client.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, Member(client.Root, imageId, projectId)), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound && (ex.ServerMessage ?? "").Contains("member list"))
            {
                throw new ImageImportException(ImageImportProblem.MemberNotFound, $"Project {projectId} is not a member of image {imageId}. {ex.Message}", ex, imageId);
            }
        }

        private static async Task<ImageMember> SendAsync(ImageClient client, HttpMethod method, Uri url, string key, string value, CancellationToken cancellationToken)
        {
            using var response = await client.SendJsonAsync(method, url, new Dictionary<string, object?>(StringComparer.Ordinal) { [key] = value }, cancellationToken)
                .ConfigureAwait(false);
            return await ServiceClient.ReadJsonAsync(response, ImageMemberJson.Default.ImageMember).ConfigureAwait(false);
        }

        private static ImageImportException NotShared(Image image, OpenStackApiException ex) =>
            new ImageImportException(ImageImportProblem.NotShared,
                $"Image '{image.Name}' ({image.Id}) is {image.Visibility}: only images with visibility 'shared' have members. " +
                $"Make it shared first: Set-OSImage -Image {image.Id} -Visibility shared. {ex.Message}", ex, image.Id);
    }
}
