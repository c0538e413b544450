using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using OpenStack.Client.Http;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>Filters of GET /servers/detail, sent to Nova.</summary>
    public sealed class ListServersOptions
    {
        /// <summary>An exact name (sent anchored and escaped: Nova matches `name` as a regular expression).</summary>
        public string? ExactName { get; set; }
        public string? Status { get; set; }
        public string? ImageId { get; set; }
        public string? FlavorId { get; set; }
        /// <summary>Servers of every project (admin): all_tenants=1.</summary>
        public bool AllProjects { get; set; }
        /// <summary>Servers made by one multiple-create request.</summary>
        public string? ReservationId { get; set; }
        /// <summary>Page size; Nova's osapi_max_limit (1000) when unset.</summary>
        public int? Limit { get; set; }

        internal Uri ToUrl(Uri root) => new QueryString()
            .Add("limit", Limit)
            .Add("name", ExactName == null ? null : "^" + Regex.Escape(ExactName) + "$")
            .Add("status", Status)
            .Add("image", ImageId)
            .Add("flavor", FlavorId)
            .Add("reservation_id", ReservationId)
            .Add("all_tenants", AllProjects ? "1" : null)
            .AppendTo(Urls.ServersDetail(root));
    }

    /// <summary>The body of POST /servers.</summary>
    public sealed class CreateServerOptions
    {
        public string Name { get; set; } = string.Empty;
        public string ImageId { get; set; } = string.Empty;
        public string FlavorId { get; set; } = string.Empty;
        /// <summary>Network ids to attach; empty means "auto" (or nothing before 2.37), unless <see cref="NoNetwork"/>.</summary>
        public IList<string> NetworkIds { get; } = new List<string>();
        public bool NoNetwork { get; set; }
        public string? KeyName { get; set; }
        public IList<string> SecurityGroups { get; } = new List<string>();
        /// <summary>Plain text; base64-encoded on the way out as Nova requires.</summary>
        public string? UserData { get; set; }
        public string? AvailabilityZone { get; set; }
        public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
        /// <summary>How many servers (min_count = max_count).</summary>
        public int Count { get; set; } = 1;
    }

    /// <summary>Server actions, each one POST /servers/{id}/action body.</summary>
    public enum ServerAction
    {
        Reboot, HardReboot, Start, Stop, Pause, Unpause, Suspend, Resume, Lock, Unlock,
        Rescue, Unrescue, Shelve, Unshelve, Resize, ConfirmResize, RevertResize, Rebuild, CreateImage,
    }

    /// <summary>What some actions need besides the server.</summary>
    public sealed class ServerActionArguments
    {
        public string? LockReason { get; set; }
        public string? FlavorId { get; set; }
        public string? ImageId { get; set; }
        public string? ImageName { get; set; }
    }

    public sealed class CreateFlavorOptions
    {
        public string Name { get; set; } = string.Empty;
        public string? Id { get; set; }
        public int VCpus { get; set; }
        public int RamMB { get; set; }
        public int DiskGB { get; set; }
        public int EphemeralGB { get; set; }
        public int SwapMB { get; set; }
        public bool IsPublic { get; set; } = true;
        public string? Description { get; set; }
    }
}
