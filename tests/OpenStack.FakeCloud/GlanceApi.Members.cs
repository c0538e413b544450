using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>
/// Image members (glance.api.v2.image_members, tests/cloud/observed/130-139): only "shared" images have them,
/// the owner adds and removes them, the member (consumer) sets its own status.
/// </summary>
internal sealed partial class GlanceApi
{
    private static readonly string[] MemberStatuses = ["pending", "accepted", "rejected"];

    private Task MembersAsync(HttpContext ctx, GlanceCaller caller, string id)
    {
        JsonObject body;
        lock (store.Gate)
        {
            var image = MemberImage(caller, id);
            if (image.Visibility != "shared") throw new GlanceError(403, $"Not allowed to list members for image {id}: Only shared images have members.");
            // A consumer sees its own membership only.
            var members = image.Members.Keys.Where(m => caller.IsAdmin || caller.Owner == image.Owner || m == caller.Owner);
            body = new JsonObject
            {
                ["members"] = new JsonArray(members.Select(m => (JsonNode?)MemberJson(image, m)).ToArray()),
                ["schema"] = "/v2/schemas/members",
            };
        }
        return WriteJsonAsync(ctx, 200, body);
    }

    private Task MemberAsync(HttpContext ctx, GlanceCaller caller, string id, string member)
    {
        JsonObject body;
        lock (store.Gate)
        {
            var image = MemberImage(caller, id);
            if (image.Visibility != "shared") throw new GlanceError(404, "Only shared images have members.");
            body = MemberJson(image, LookupMember(caller, image, member));
        }
        return WriteJsonAsync(ctx, 200, body);
    }

    private async Task AddMemberAsync(HttpContext ctx, GlanceCaller caller, string id)
    {
        var body = JsonNode.Parse(await ReadTextAsync(ctx)) as JsonObject ?? throw new GlanceError(400, "Body expected in request.");
        if (!body.ContainsKey("member")) throw new GlanceError(400, "Member to be added not specified");
        var member = Str(body["member"]);
        if (string.IsNullOrEmpty(member)) throw new GlanceError(400, "Member can't be empty");
        JsonObject json;
        lock (store.Gate)
        {
            var image = MemberImage(caller, id);
            if (image.Visibility != "shared" || !caller.IsAdmin && caller.Owner != image.Owner)
                throw new GlanceError(403, $"Not allowed to create members for image {id}.");
            if (image.Members.ContainsKey(member)) throw new GlanceError(409, $"Member {member} is duplicated for image {id}");
            var now = store.NextTimestamp();
            image.Members[member] = "pending";
            image.MemberTimes[member] = (now, now);
            json = MemberJson(image, member);
        }
        await WriteJsonAsync(ctx, 200, json);
    }

    private async Task UpdateMemberAsync(HttpContext ctx, GlanceCaller caller, string id, string member)
    {
        var body = JsonNode.Parse(await ReadTextAsync(ctx)) as JsonObject ?? throw new GlanceError(400, "Body expected in request.");
        if (!body.ContainsKey("status")) throw new GlanceError(400, "Status not specified");
        var status = Str(body["status"]);
        JsonObject json;
        lock (store.Gate)
        {
            var image = MemberImage(caller, id);
            // The owner may not set a status (the consumer does), unless admin.
            if (image.Visibility != "shared" || !caller.IsAdmin && caller.Owner == image.Owner)
                throw new GlanceError(403, $"Not allowed to update members for image {id}.");
            LookupMember(caller, image, member);
            if (status is null || !MemberStatuses.Contains(status))
                throw new GlanceError(400, "Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\".");
            image.Members[member] = status;
            image.MemberTimes[member] = (image.MemberTimes[member].Created, store.NextTimestamp());
            json = MemberJson(image, member);
        }
        await WriteJsonAsync(ctx, 200, json);
    }

    private Task RemoveMemberAsync(HttpContext ctx, GlanceCaller caller, string id, string member)
    {
        lock (store.Gate)
        {
            var image = MemberImage(caller, id);
            if (image.Visibility != "shared" || !caller.IsAdmin && caller.Owner != image.Owner)
                throw new GlanceError(403, $"Not allowed to delete members for image {id}.");
            LookupMember(caller, image, member);
            image.Members.Remove(member);
            image.MemberTimes.Remove(member);
        }
        // webob.Response(body='', status=204): no Content-Type at all, unlike Glance's other 204s.
        ctx.Response.StatusCode = 204;
        ctx.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>_lookup_image: the image as the caller may see it, else 404 "Image {id} not found.".</summary>
    private ImageRecord MemberImage(GlanceCaller caller, string id) =>
        store.Get(id) is { } image && caller.CanSee(image) ? image : throw new GlanceError(404, $"Image {id} not found.");

    /// <summary>_lookup_member: a consumer's member repo holds its own membership only.</summary>
    private static string LookupMember(GlanceCaller caller, ImageRecord image, string member) =>
        image.Members.ContainsKey(member) && (caller.IsAdmin || caller.Owner == image.Owner || caller.Owner == member)
            ? member
            : throw new GlanceError(404, $"{member} not found in the member list of the image {image.Id}.");

    private static JsonObject MemberJson(ImageRecord image, string member)
    {
        var (created, updated) = image.MemberTimes.TryGetValue(member, out var t) ? t : (image.CreatedAt, image.CreatedAt);
        return new JsonObject
        {
            ["member_id"] = member,
            ["image_id"] = image.Id,
            ["status"] = image.Members[member],
            ["created_at"] = GlanceTime(created),
            ["updated_at"] = GlanceTime(updated),
            ["schema"] = "/v2/schemas/member",
        };
    }
}
