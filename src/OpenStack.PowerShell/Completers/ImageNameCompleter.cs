using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenStack.Client;
using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Completers
{
    /// <summary>Completes image names (and ids) from the default session, remembering the list briefly.</summary>
    public sealed class ImageNameCompleter : CachedNameCompleter
    {
        private static readonly ConditionalCache<OpenStackSession, IReadOnlyList<(string Id, string? Name)>> Cache = NewCache();

        public ImageNameCompleter() : base(Cache) { }

        protected override IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken) =>
            FirstPage(new ImageClient(session).ListImages(new ListImagesOptions { Limit = 1000 }, cancellationToken)).Select(i => (i.Id, i.Name));
    }
}
