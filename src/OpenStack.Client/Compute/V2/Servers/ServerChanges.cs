using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Resources;

namespace OpenStack.Client.Compute.V2
{
    /// <summary>The body of PUT /servers/{id}: name and description (from 2.19), only those set.</summary>
    public sealed class UpdateServerOptions : RequestOptions
    {
        public string? Name { get; set; }
        public string? Description { get; set; }

        internal override BodyMap ToBody() => new BodyMap().Set("name", Name).Set("description", Description);
    }

    /// <summary>The changes a runbook makes to a server after boot: its metadata, and its console log.</summary>
    public sealed partial class ComputeClient
    {
        /// <summary>POST /servers/{id}/metadata: the given keys are set, the others kept (Nova merges).</summary>
        public async Task SetMetadataAsync(string id, IDictionary<string, string> items, CancellationToken cancellationToken)
        {
            var metadata = new BodyMap();
            foreach (var pair in items) metadata.Set(pair.Key, pair.Value);
            using var _ = await SendJsonAsync(HttpMethod.Post, Servers.Resource.ActionUrl(Root, id, "metadata"), new BodyMap().Set("metadata", metadata),
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE /servers/{id}/metadata/{key}; a key the server does not have is Nova's 404 "Metadata item was not found".</summary>
        public async Task DeleteMetadataAsync(string id, string key, CancellationToken cancellationToken)
        {
            var url = Servers.Resource.ActionUrl(Root, id, "metadata/" + Uri.EscapeDataString(key));
            using var _ = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, url), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>os-getConsoleOutput: the console's last <paramref name="lines"/> lines (all when null), one string each.</summary>
        public async Task<IReadOnlyList<string>> GetConsoleOutputAsync(string id, int? lines, CancellationToken cancellationToken)
        {
            var args = new BodyMap().Set("length", lines);
            using var response = await SendJsonAsync(HttpMethod.Post, Servers.Resource.ActionUrl(Root, id, "action"),
                new BodyMap().Set("os-getConsoleOutput", args), cancellationToken).ConfigureAwait(false);
            var output = await ReadAsync(response, root => root.GetProperty("output").GetString() ?? string.Empty).ConfigureAwait(false);
            if (output.Length == 0) return Array.Empty<string>();
            return output.TrimEnd('\n').Split('\n');
        }
    }
}
