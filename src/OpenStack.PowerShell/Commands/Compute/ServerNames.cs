using OpenStack.Client.Compute.V2;

namespace OpenStack.PowerShell.Commands.Compute
{
    /// <summary>
    /// Fills in the image and flavor names of servers (Nova gives ids) from one list of each, fetched the first time
    /// a page needs them: never one call per server.
    /// </summary>
    internal sealed class ServerNames
    {
        private readonly Func<IEnumerable<(string Id, string? Name)>> _listImages;
        private readonly Func<IEnumerable<Flavor>> _listFlavors;
        private readonly Action<string> _verbose;
        private Dictionary<string, string?>? _images;
        private Dictionary<string, string>? _flavors;

        /// <param name="listImages">Every image (a failure leaves ids in place of names, as for a cloud without Glance).</param>
        /// <param name="listFlavors">Every flavor, private ones included.</param>
        public ServerNames(Func<IEnumerable<(string Id, string? Name)>> listImages, Func<IEnumerable<Flavor>> listFlavors, Action<string> verbose)
        {
            _listImages = listImages;
            _listFlavors = listFlavors;
            _verbose = verbose;
        }

        public void Fill(IReadOnlyCollection<Server> servers)
        {
            if (servers.Any(s => s.ImageId != null) && _images == null)
            {
                _images = new Dictionary<string, string?>();
                try
                {
                    foreach (var (id, name) in _listImages()) _images[id] = name;
                }
                catch (Exception ex) when (ex is Client.Http.OpenStackException)
                {
                    _verbose($"Image names not resolved: {ex.Message}");
                }
            }
            if (servers.Any(s => s.FlavorRef?.OriginalName == null && s.FlavorId != null) && _flavors == null)
            {
                _flavors = _listFlavors().ToDictionary(f => f.Id, f => f.Name);
            }
            foreach (var server in servers)
            {
                if (server.ImageId != null && _images != null && _images.TryGetValue(server.ImageId, out var imageName)) server.ImageName = imageName;
                if (server.FlavorRef?.OriginalName != null) server.FlavorName = server.FlavorRef.OriginalName;
                else if (server.FlavorId != null && _flavors != null && _flavors.TryGetValue(server.FlavorId, out var flavorName)) server.FlavorName = flavorName;
            }
        }
    }
}
