using System.Diagnostics;
using OpenStack.Client.Image.V2.Tasks;

namespace OpenStack.Client.Image.V2.Imports
{
    /// <summary>
    /// Waits for an import by polling the image and its task (no fixed sleep): done when the image is active and
    /// every asked store has it; a specific error when it is killed, when an asked store fails while all must
    /// succeed, when the task fails, or when nothing changes for <see cref="Timeout"/>.
    /// </summary>
    public sealed class ImportWaiter
    {
        private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(200);
        private static readonly TimeSpan SlowestPoll = TimeSpan.FromSeconds(2);
        private readonly ImageClient _client;

        public ImportWaiter(ImageClient client, TimeSpan timeout)
        {
            _client = client;
            Timeout = timeout;
        }

        /// <summary>How long the import may stand still (no change of status, stores or task message) before giving up.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>The image's task ids before an import is started, so the new one can be told apart.</summary>
        public async Task<HashSet<string>> KnownTasksAsync(string imageId, CancellationToken cancellationToken) =>
            new HashSet<string>((await _client.ListTasksAsync(imageId, cancellationToken).ConfigureAwait(false)).Select(t => t.Id), StringComparer.Ordinal);

        public async Task<Image> WaitAsync(string imageId, IReadOnlyList<string> stores, bool allowFailure, ISet<string> tasksBefore,
            ImportProgress? progress, CancellationToken cancellationToken)
        {
            var still = Stopwatch.StartNew();
            var delay = FirstPoll;
            string? last = null;
            while (true)
            {
                // The task first: the image read after it is at least as new (a failed task's image may still say importing).
                var tasks = await _client.ListTasksAsync(imageId, cancellationToken).ConfigureAwait(false);
                var image = await _client.GetImageAsync(imageId, cancellationToken).ConfigureAwait(false);
                var task = tasks.FirstOrDefault(t => !tasksBefore.Contains(t.Id));
                var snapshot = Look(image, stores, task);
                progress?.Set(snapshot);

                var outcome = Judge(image, snapshot, task, allowFailure);
                if (outcome == Outcome.Done) return image;
                if (outcome != Outcome.Running) throw Failure(outcome, image, snapshot);

                var now = $"{snapshot.Describe()}|{task?.UpdatedAt}";
                if (now != last)
                {
                    (last, delay) = (now, FirstPoll);
                    still.Restart();
                }
                else if (still.Elapsed >= Timeout)
                {
                    throw new ImageImportException(ImageImportProblem.ImportTimeout,
                        $"Image '{image.Name}' ({image.Id}) did not finish importing: nothing changed for {Timeout.TotalSeconds:0} s ({snapshot.Describe()}).", imageId: image.Id);
                }
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(SlowestPoll.Ticks, delay.Ticks * 2));
            }
        }

        private enum Outcome { Running, Done, Killed, StoreFailed, TaskFailed }

        private static ImportSnapshot Look(Image image, IReadOnlyList<string> stores, ImageTask? task)
        {
            var failed = stores.Where(s => image.FailedStores.Contains(s) && !image.Stores.Contains(s)).ToList();
            var done = stores.Where(s => image.Stores.Contains(s) && !image.ImportingToStores.Contains(s)).ToList();
            var toDo = stores.Except(done).Except(failed).ToList();
            return new ImportSnapshot(image.Status, done, toDo, failed, task?.Status, task?.Message);
        }

        private static Outcome Judge(Image image, ImportSnapshot snapshot, ImageTask? task, bool allowFailure)
        {
            if (image.Status == "killed") return Outcome.Killed;
            // Until the task has ended and Glance has put the image back (queued) or made it active, a failure is not
            // yet the whole story (nor has the task its message).
            var taskEnded = task == null || task.HasEnded;
            var settled = image.Status != "importing" && image.Status != "saving" && taskEnded;
            // A store failing while the image is not active means the import as a whole failed (a URL that answers 404).
            if (snapshot.Failed.Count > 0 && !allowFailure && settled) return image.Status == "active" ? Outcome.StoreFailed : Outcome.TaskFailed;
            if (image.Status == "active" && snapshot.ToDo.Count == 0 && taskEnded)
                return snapshot.Done.Count > 0 ? Outcome.Done : Outcome.StoreFailed;
            if (task != null && task.Status == "failure" && settled) return Outcome.TaskFailed;
            return Outcome.Running;
        }

        private static ImageImportException Failure(Outcome outcome, Image image, ImportSnapshot s)
        {
            var who = $"Image '{image.Name}' ({image.Id})";
            var why = string.IsNullOrEmpty(s.TaskMessage) ? "" : $" Glance's task says: {s.TaskMessage}.";
            switch (outcome)
            {
                case Outcome.Killed:
                    return new ImageImportException(ImageImportProblem.Killed, $"{who} was killed by Glance during its import.{why}", imageId: image.Id);
                case Outcome.StoreFailed:
                    return new ImageImportException(ImageImportProblem.StoreImportFailed,
                        $"{who}: the import into store(s) {string.Join(", ", s.Failed)} failed (os_glance_failed_import), and every store had to succeed; the image is '{image.Status}'.{why}",
                        imageId: image.Id);
                default:
                    return new ImageImportException(ImageImportProblem.ImportFailed,
                        $"{who}: the import failed in Glance and the image is back in '{image.Status}'.{why}" +
                        (s.Failed.Count > 0 ? $" Failed store(s): {string.Join(", ", s.Failed)}." : ""), imageId: image.Id);
            }
        }
    }
}
