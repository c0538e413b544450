using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>
/// Glance's error bodies are webob's <c>HTTPException</c> pages. webob picks HTML, JSON or plain text from the
/// Accept header and fills one template (plain text when there is no Accept header at all, HTML for */*), so one message gives three shapes:
/// <c>"&lt;html&gt;…  {explanation}&lt;br /&gt;&lt;br /&gt;\n{detail}\n\n …"</c>,
/// <c>{"message": "{explanation}&lt;br /&gt;&lt;br /&gt;\n{detail}\n\n", "code": "404 Not Found", "title": "Not Found"}</c>
/// and <c>"404 Not Found\n\n{explanation}\n\n   "</c>. Glance raises most errors as
/// <c>HTTPXxx(explanation=msg)</c>; a few pass the message positionally, which makes it the <em>detail</em> under
/// the class's default explanation — <see cref="GlanceError.Detail"/> reproduces those.
/// </summary>
internal sealed class GlanceError : Exception
{
    public int Status { get; }
    public string Explanation { get; }
    public string DetailText { get; }
    /// <summary>A body that replaces webob's "{explanation}&lt;br /&gt;&lt;br /&gt;\n{detail}\n\n" (415, 405 have their own).</summary>
    public string? RawBody { get; init; }
    public Dictionary<string, string> Headers { get; } = new();
    public bool WithRequestId { get; init; } = true;

    public GlanceError(int status, string? explanation = null, string detail = "") : base(explanation ?? DefaultExplanation(status))
    {
        Status = status;
        Explanation = explanation ?? DefaultExplanation(status);
        DetailText = detail;
    }

    /// <summary><c>HTTPXxx(msg)</c>: the message under the default explanation.</summary>
    public static GlanceError Detail(int status, string detail) => new(status, null, detail);

    public static GlanceError UnsupportedMediaType(string? contentType) =>
        new(415) { RawBody = $"The request media type {contentType} is not supported by this server.\n<br /><br />\n" };

    public static GlanceError MethodNotAllowed(string method, string allow)
    {
        var e = new GlanceError(405) { RawBody = $"The method {method} is not allowed for this resource. <br /><br />\n" };
        e.Headers["Allow"] = allow;
        return e;
    }

    public static string DefaultExplanation(int status) => status switch
    {
        400 => "The server could not comply with the request since it is either malformed or otherwise incorrect.",
        401 => "This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.",
        403 => "Access was denied to this resource.",
        404 => "The resource could not be found.",
        409 => "There was a conflict when trying to complete your request.",
        410 => "This resource is no longer available.  No forwarding address is given.",
        413 => "The request is larger than the server is willing or able to process.",
        500 => "The server has either erred or is incapable of performing the requested operation.",
        _ => "",
    };

    public static string Title(int status) => status switch
    {
        400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found", 405 => "Method Not Allowed",
        409 => "Conflict", 410 => "Gone", 413 => "Request Entity Too Large", 415 => "Unsupported Media Type",
        416 => "Request Range Not Satisfiable", 500 => "Internal Server Error", 503 => "Service Unavailable",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };

    public async Task WriteAsync(HttpContext ctx)
    {
        var status = $"{Status} {Title(Status)}";
        var plainBody = RawBody ?? $"{Explanation}<br /><br />\n{DetailText}\n\n";
        string body, contentType;
        switch (WebObAccept.Choose(ctx.Request.Headers.Accept.ToString()))
        {
            case "text/html":
                var html = RawBody is null ? $"{Escape(Explanation)}<br /><br />\n{Escape(DetailText)}\n\n" : Escape(RawBody, keepTags: true);
                body = $"<html>\n <head>\n  <title>{status}</title>\n </head>\n <body>\n  <h1>{status}</h1>\n  {html}\n </body>\n</html>";
                contentType = "text/html; charset=UTF-8";
                break;
            case "application/json":
                body = Py.Dumps(new JsonObject { ["message"] = plainBody, ["code"] = status, ["title"] = Title(Status) });
                contentType = "application/json";
                break;
            default:
                body = $"{status}\n\n{StripTags(plainBody)}";
                contentType = "text/plain; charset=UTF-8";
                break;
        }
        ctx.Response.StatusCode = Status;
        foreach (var (k, v) in Headers) ctx.Response.Headers[k] = v;
        if (WithRequestId) ctx.Response.Headers["X-Openstack-Request-Id"] = ctx.Items[FakeCloud.RequestIdKey] as string;
        await HttpOut.WriteTextAsync(ctx, body, contentType);
    }

    /// <summary>Python's <c>html.escape(s, quote=True)</c>, as webob applies it to the explanation and detail.</summary>
    private static string Escape(string s, bool keepTags = false)
    {
        var escaped = s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#x27;");
        return keepTags ? escaped.Replace("&lt;br /&gt;", "<br />") : escaped;
    }

    /// <summary>webob's <c>strip_tags</c>: newlines become spaces, &lt;br /&gt; becomes a newline, other tags go.</summary>
    private static string StripTags(string s)
    {
        s = s.Replace("\n", " ").Replace("\r", "");
        s = Regex.Replace(s, @"<br\s*/?>", "\n", RegexOptions.IgnoreCase);
        s = Regex.Replace(s, "<!--.*?-->", "");
        return Regex.Replace(s, "<[^>]*>", "");
    }
}

/// <summary>webob's <c>acceptable_offers(['text/html', 'application/json'])</c>: best q, ties to the first offer.</summary>
internal static class WebObAccept
{
    public static string Choose(string? accept)
    {
        // No Accept header at all: webob matches no offer and falls back to plain text (curl's "*/*" gets HTML).
        if (string.IsNullOrWhiteSpace(accept)) return "text/plain";
        string[] offers = ["text/html", "application/json"];
        var best = (Offer: (string?)null, Q: 0.0);
        foreach (var offer in offers)
        {
            var (q, specificity) = (0.0, 0);
            foreach (var range in accept.Split(','))
            {
                var parts = range.Split(';');
                var mediaRange = parts[0].Trim().ToLowerInvariant();
                var rangeQ = 1.0;
                foreach (var p in parts.Skip(1))
                {
                    var kv = p.Split('=', 2);
                    if (kv.Length == 2 && kv[0].Trim() == "q" && double.TryParse(kv[1].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)) rangeQ = parsed;
                }
                var s = mediaRange == offer ? 3 : mediaRange == offer.Split('/')[0] + "/*" ? 2 : mediaRange == "*/*" ? 1 : 0;
                if (s > specificity) (q, specificity) = (rangeQ, s);
            }
            if (q > best.Q) best = (offer, q);
        }
        return best.Offer ?? "text/plain";
    }
}
