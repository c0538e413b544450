using System.Threading;
using OpenStack.Client;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Identity.V3;
using OpenStack.Client.Image.V2;
using OpenStack.Client.Network.V2;

// Each completer says only which list to read; CachedNameCompleter does the rest. A new resource adds one here
// and an entry in IdCompleter's table.
namespace OpenStack.PowerShell.Completers
{
    /// <summary>Completes image names and ids.</summary>
    public sealed class ImageNameCompleter : CachedNameCompleter
    {
        protected override IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken) =>
            FirstPage(new ImageClient(session).ListImages(new ListImagesOptions { Limit = 1000 }, cancellationToken)).Select(i => (i.Id, i.Name));
    }

    /// <summary>Completes server names and ids (the first page of GET /servers/detail).</summary>
    public sealed class ServerNameCompleter : CachedNameCompleter
    {
        protected override IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken) =>
            FirstPage(new ComputeClient(session).List(Servers.Resource, new ListServersOptions { Limit = 1000 }, cancellationToken)).Select(s => (s.Id, s.Name));
    }

    /// <summary>Completes flavor names and ids.</summary>
    public sealed class FlavorNameCompleter : CachedNameCompleter
    {
        protected override IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken) =>
            FirstPage(new ComputeClient(session).List(Flavors.Resource, null, cancellationToken)).Select(f => (f.Id, (string?)f.Name));
    }

    /// <summary>Completes keypair names (keypairs have no other id).</summary>
    public sealed class KeypairNameCompleter : CachedNameCompleter
    {
        protected override bool CompleteIds => false;

        protected override IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken) =>
            FirstPage(new ComputeClient(session).List(Keypairs.Resource, null, cancellationToken)).Select(k => (k.Name, (string?)k.Name));
    }

    /// <summary>Completes network names and ids.</summary>
    public sealed class NetworkNameCompleter : NeutronNameCompleter<Client.Network.V2.Network>
    {
        private protected override ResourceDescriptor<Client.Network.V2.Network> Resource => Networks.Resource;
    }

    /// <summary>Completes subnet names and ids.</summary>
    public sealed class SubnetNameCompleter : NeutronNameCompleter<Subnet>
    {
        private protected override ResourceDescriptor<Subnet> Resource => Subnets.Resource;
    }

    /// <summary>Completes subnet pool names and ids.</summary>
    public sealed class SubnetPoolNameCompleter : NeutronNameCompleter<SubnetPool>
    {
        private protected override ResourceDescriptor<SubnetPool> Resource => SubnetPools.Resource;
    }

    /// <summary>Completes router names and ids.</summary>
    public sealed class RouterNameCompleter : NeutronNameCompleter<Router>
    {
        private protected override ResourceDescriptor<Router> Resource => Routers.Resource;
    }

    /// <summary>Completes project names and ids: those the user can scope to (GET /v3/auth/projects), as Get-OSProject lists them.</summary>
    public sealed class ProjectNameCompleter : CachedNameCompleter
    {
        protected override IEnumerable<(string Id, string? Name)> Load(OpenStackSession session, CancellationToken cancellationToken) =>
            FirstPage(new IdentityClient(session).List(Projects.OwnResource, null, cancellationToken)).Select(p => (p.Id, (string?)p.Name));
    }
}
