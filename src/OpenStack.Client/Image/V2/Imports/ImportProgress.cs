namespace OpenStack.Client.Image.V2.Imports
{
    /// <summary>One look at an import: what the image and its task said at the last poll.</summary>
    public sealed class ImportSnapshot
    {
        internal ImportSnapshot(string status, IReadOnlyList<string> done, IReadOnlyList<string> toDo, IReadOnlyList<string> failed, string? taskStatus, string? taskMessage)
        {
            Status = status;
            Done = done;
            ToDo = toDo;
            Failed = failed;
            TaskStatus = taskStatus;
            TaskMessage = taskMessage;
        }

        /// <summary>The image's status (queued, uploading, importing, active, killed).</summary>
        public string Status { get; }

        /// <summary>Asked stores that have the image.</summary>
        public IReadOnlyList<string> Done { get; }

        /// <summary>Asked stores still to come.</summary>
        public IReadOnlyList<string> ToDo { get; }

        /// <summary>Asked stores the import failed for.</summary>
        public IReadOnlyList<string> Failed { get; }

        public string? TaskStatus { get; }

        /// <summary>Glance's task message ("Copied 512 MiB"), when the cloud gives one.</summary>
        public string? TaskMessage { get; }

        /// <summary>"stores done 1/2 (primary), to do: secondary; task processing: Copied 1 MiB".</summary>
        public string Describe()
        {
            var total = Done.Count + ToDo.Count + Failed.Count;
            var text = $"image {Status}, stores done {Done.Count}/{total}";
            if (Done.Count > 0) text += $" ({string.Join(", ", Done)})";
            if (ToDo.Count > 0) text += $", to do: {string.Join(", ", ToDo)}";
            if (Failed.Count > 0) text += $", failed: {string.Join(", ", Failed)}";
            if (TaskStatus != null) text += $"; task {TaskStatus}" + (string.IsNullOrEmpty(TaskMessage) ? "" : ": " + TaskMessage);
            return text;
        }
    }

    /// <summary>
    /// The latest <see cref="ImportSnapshot"/>, written by the waiter and read by whoever shows progress (a cmdlet
    /// writes progress from its own thread, so it polls this rather than being called back).
    /// </summary>
    public sealed class ImportProgress
    {
        private volatile ImportSnapshot? _latest;

        public ImportSnapshot? Latest => _latest;

        internal void Set(ImportSnapshot snapshot) => _latest = snapshot;
    }
}
