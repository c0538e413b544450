namespace OpenStack.Client.Compute.V2
{
    /// <summary>Filters of GET /servers/detail, sent to Nova (the name is sent anchored: Nova matches it as a regular expression).</summary>
    public sealed class ListServersOptions : ListOptions
    {
        public string? Status { get; set; }
        public string? ImageId { get; set; }
        public string? FlavorId { get; set; }
        /// <summary>Servers of every project (admin): all_tenants=1.</summary>
        public bool AllProjects { get; set; }
        /// <summary>Servers made by one multiple-create request.</summary>
        public string? ReservationId { get; set; }

        private protected override void AddFilters(QueryString query) => query
            .Add("status", Status)
            .Add("image", ImageId)
            .Add("flavor", FlavorId)
            .Add("reservation_id", ReservationId)
            .Add("all_tenants", AllProjects ? "1" : null);
    }

    /// <summary>The body of POST /servers.</summary>
    public sealed class CreateServerOptions
    {
        public string Name { get; set; } = string.Empty;
        public string ImageId { get; set; } = string.Empty;
        public string FlavorId { get; set; } = string.Empty;
        /// <summary>Network ids to attach (a new port on each); with no <see cref="PortIds"/> either, empty means "auto" (or nothing before 2.37), unless <see cref="NoNetwork"/>.</summary>
        public IList<string> NetworkIds { get; } = new List<string>();
        /// <summary>Existing ports to attach (networks: [{"port": id}]), after the networks.</summary>
        public IList<string> PortIds { get; } = new List<string>();
        public bool NoNetwork { get; set; }
        public string? KeyName { get; set; }
        /// <summary>Security group names or ids (Nova takes either; an id is never ambiguous).</summary>
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
}
