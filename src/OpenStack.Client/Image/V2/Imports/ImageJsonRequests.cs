using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OpenStack.Client.Http;
using OpenStack.Client.Json;

namespace OpenStack.Client.Image.V2.Imports
{
    /// <summary>A JSON body sent through the client's one request path (fresh content for each attempt).</summary>
    internal static class ImageJsonRequests
    {
        public static Task<HttpResponseMessage> SendJsonAsync(this ServiceClient client, HttpMethod method, Uri url, IDictionary<string, object?> body,
            CancellationToken cancellationToken)
        {
            var bytes = JsonBodyWriter.Write(body!);
            return client.SendAsync(() =>
            {
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return new HttpRequestMessage(method, url) { Content = content };
            }, cancellationToken);
        }
    }
}
