using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Network.V2;
using OpenStack.PowerShell.Infrastructure;

namespace OpenStack.PowerShell.Commands.Network
{
    /// <summary>
    /// Base of the Neutron cmdlets: one client per invocation, and names-or-ids resolved as the CLI does
    /// (id first, then exact name), so a piped object's Id and a typed name take the same path.
    /// </summary>
    public abstract class NeutronCmdlet : OpenStackCmdlet
    {
        private NetworkClient? _client;

        protected NetworkClient Client => _client ??= CreateClient(s => new NetworkClient(s));

        protected Client.Network.V2.Network FindNetwork(string nameOrId) => Run(ct => Client.FindNetworkAsync(nameOrId, ct));

        protected Subnet FindSubnet(string nameOrId) => Run(ct => Client.FindSubnetAsync(nameOrId, ct));

        protected Router FindRouter(string nameOrId) => Run(ct => Client.FindRouterAsync(nameOrId, ct));

        /// <summary>
        /// The Get-OS* listing rule: plain names are exact server-side filters (a UUID-looking one is tried as
        /// an id first), any wildcard means one unfiltered list matched here; a plain name that matched nothing
        /// is a non-terminating &lt;Kind&gt;NotFound error after the list.
        /// </summary>
        protected void WriteMatching<T>(string kind, string[]? names, Func<string?, CancellationToken, Pager<T>> list,
            Func<string, CancellationToken, Task<T>> get, Func<T, string?> nameOf, Func<T, string> idOf)
        {
            var filter = new NameFilter(names);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var serverNames = filter.IsEmpty || filter.HasWildcards ? new string?[] { null } : new List<string?>(filter.Literals).ToArray();
            foreach (var serverName in serverNames)
            {
                ForEachInput(serverName, () =>
                {
                    if (serverName != null && Guid.TryParse(serverName, out _))
                    {
                        try
                        {
                            var byId = Run(ct => get(serverName, ct));
                            filter.MarkMatched(serverName);
                            if (seen.Add(idOf(byId))) WriteObject(byId);
                            return;
                        }
                        catch (OpenStackApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                        {
                            // A name may look like a UUID: look it up as a name.
                        }
                    }
                    var pager = list(serverName, CancellationToken);
                    IReadOnlyList<T>? page;
                    while ((page = Run(_ => pager.NextPageAsync())) != null)
                    {
                        foreach (var item in page)
                        {
                            if (filter.Matches(nameOf(item)) && seen.Add(idOf(item))) WriteObject(item);
                        }
                    }
                });
            }
            foreach (var missing in filter.UnmatchedLiterals()) WriteFailure(new ResourceNotFoundException(kind, missing), missing);
        }

        protected static string Describe(string? name, string id) => string.IsNullOrEmpty(name) ? id : $"{name} ({id})";
    }
}
