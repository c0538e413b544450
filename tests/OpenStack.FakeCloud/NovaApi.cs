using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace OpenStack.FakeCloud;

/// <summary>Nova's error bodies: <c>{"itemNotFound": {"code": 404, "message": "…"}}</c>, keyed by the fault's name.</summary>
internal sealed class NovaError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Key => Status switch
    {
        400 => "badRequest", 403 => "forbidden", 404 => "itemNotFound", 405 => "HTTPMethodNotAllowed",
        409 => "conflictingRequest", _ => "computeFault",
    };

    public static NovaError InvalidState(string action, FakeServer s, bool taskState = false) => taskState
        ? new(409, $"Cannot '{action}' instance {s.Id} while it is in task_state {s.TaskState}")
        : new(409, $"Cannot '{action}' instance {s.Id} while it is in vm_state {s.VmState}");
}

/// <summary>
/// Nova v2.1 under /compute/v2.1 as Zed (max microversion 2.93) answers: microversion negotiation and headers,
/// servers (list with servers_links paging, show, create, delete, actions with Nova's state checks), flavors
/// and keypairs. Bodies are shaped by the request's microversion where the shapes differ (embedded flavor from 2.47,
/// flavor swap, keypair generation until 2.91).
/// </summary>
internal sealed partial class NovaApi(FakeNova nova, FakeGlance glance, FakeIdentity identity, FakeNeutron neutron)
{
    /// <summary>Zed's maximum unless a test lowers <see cref="FakeNova.MaxMicroversion"/> to play an older cloud.</summary>
    private string MaxVersion => nova.MaxMicroversion;
    private const int MaxLimit = 1000;

    private string Root => identity.BaseUri + "compute/v2.1";

    public async Task HandleAsync(HttpContext ctx, string path)
    {
        ctx.Response.Headers["X-Openstack-Request-Id"] = ctx.Items[FakeCloud.RequestIdKey] as string;
        ctx.Response.Headers["X-Compute-Request-Id"] = ctx.Items[FakeCloud.RequestIdKey] as string;
        try
        {
            if (path is "" or "/")
            {
                var legacy = new JsonObject
                {
                    ["id"] = "v2.0", ["status"] = "SUPPORTED", ["version"] = "", ["min_version"] = "", ["updated"] = "2011-01-21T11:33:21Z",
                    ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = identity.BaseUri + "compute/v2/" }),
                };
                await WriteAsync(ctx, 200, new JsonObject { ["versions"] = new JsonArray(legacy, VersionDoc("v2.1")) });
                return;
            }
            if (!(path == "/v2.1" || path.StartsWith("/v2.1/", StringComparison.Ordinal))) throw new NovaError(404, "The resource could not be found.");
            var segments = path[5..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0)
            {
                // The version document needs no token and carries no microversion headers.
                await WriteAsync(ctx, 200, new JsonObject { ["version"] = VersionDoc("v2.1") });
                return;
            }
            // keystonemiddleware answers before Nova sees the request: no microversion headers on a 401.
            var token = identity.Authenticate(ctx.Request.Headers["X-Auth-Token"].ToString());
            if (token is null)
            {
                ctx.Response.Headers.WWWAuthenticate = $"Keystone uri=\"{identity.BaseUri}identity\"";
                ctx.Response.StatusCode = 401;
                await HttpOut.WriteTextAsync(ctx, "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request you have made requires authentication.\"}}", "application/json");
                return;
            }
            var version = Negotiate(ctx);
            ctx.Response.Headers["OpenStack-API-Version"] = "compute " + version;
            ctx.Response.Headers["X-OpenStack-Nova-API-Version"] = version.ToString();
            ctx.Response.Headers.Append("Vary", "OpenStack-API-Version");
            ctx.Response.Headers.Append("Vary", "X-OpenStack-Nova-API-Version");
            await RouteAsync(ctx, new NovaCaller(token.ProjectId ?? "", token.User.Id, token.IsAdmin, version), segments);
        }
        catch (NovaError e) when (!ctx.Response.HasStarted)
        {
            ctx.Response.StatusCode = e.Status;
            await HttpOut.WriteTextAsync(ctx, Py.Dumps(new JsonObject { [e.Key] = new JsonObject { ["code"] = e.Status, ["message"] = e.Message } }),
                "application/json; charset=UTF-8");
        }
    }

    private JsonObject VersionDoc(string id) => new()
    {
        ["id"] = id, ["status"] = "CURRENT", ["version"] = MaxVersion, ["min_version"] = "2.1", ["updated"] = "2013-07-23T11:33:21Z",
        ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = Root + "/" }),
    };

    /// <summary>The request's microversion: the newer header wins, "latest" is the maximum, none is 2.1; out of range is 406.</summary>
    private Version Negotiate(HttpContext ctx)
    {
        var text = ctx.Request.Headers["OpenStack-API-Version"].ToString();
        if (text.Length > 0)
        {
            var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            text = parts.Length == 2 && parts[0].Equals("compute", StringComparison.OrdinalIgnoreCase) ? parts[1] : "";
        }
        if (text.Length == 0) text = ctx.Request.Headers["X-OpenStack-Nova-API-Version"].ToString();
        if (text.Length == 0) return new Version(2, 1);
        if (text == "latest") return Version.Parse(MaxVersion);
        if (!Version.TryParse(text, out var v) || v.Build >= 0)
            throw new NovaError(400, $"API Version String {text} is of invalid format. Must be of format MajorNum.MinorNum.");
        if (v < new Version(2, 1) || v > Version.Parse(MaxVersion))
            throw new NovaError(406, $"Version {text} is not supported by the API. Minimum is 2.1 and maximum is {MaxVersion}.");
        return v;
    }

    private Task RouteAsync(HttpContext ctx, NovaCaller caller, string[] segments)
    {
        var method = ctx.Request.Method;
        return (segments, method) switch
        {
            (["servers", "detail"], "GET") => ListServersAsync(ctx, caller),
            (["servers"], "POST") => CreateServerAsync(ctx, caller),
            (["servers", var id], "GET") => ShowServerAsync(ctx, caller, id),
            (["servers", var id], "DELETE") => DeleteServerAsync(ctx, caller, id),
            (["servers", var id], "PUT") => UpdateServerAsync(ctx, caller, id),
            (["servers", var id, "action"], "POST") => ActionAsync(ctx, caller, id),
            (["servers", var id, "metadata"], "GET" or "POST" or "PUT") => MetadataAsync(ctx, caller, id),
            (["servers", var id, "metadata", var key], "GET" or "PUT" or "DELETE") => MetadataItemAsync(ctx, caller, id, key),
            (["servers", var id, "os-interface"], "GET") => ListInterfacesAsync(ctx, caller, id),
            (["servers", var id, "os-interface"], "POST") => AttachInterfaceAsync(ctx, caller, id),
            (["servers", var id, "os-interface", var port], "DELETE") => DetachInterfaceAsync(ctx, caller, id, port),
            (["flavors", "detail"], "GET") => ListFlavorsAsync(ctx, caller),
            (["flavors"], "GET") => ListFlavorsAsync(ctx, caller, brief: true),
            (["flavors"], "POST") => CreateFlavorAsync(ctx, caller),
            (["flavors", var id], "GET") => ShowFlavorAsync(ctx, caller, id),
            (["flavors", var id], "DELETE") => DeleteFlavorAsync(ctx, caller, id),
            (["os-security-groups"], "GET") => ListProxyGroupsAsync(ctx, caller),
            (["os-security-groups", var id], "GET") => ShowProxyGroupAsync(ctx, caller, id),
            (["os-keypairs"], "GET") => ListKeypairsAsync(ctx, caller),
            (["os-keypairs"], "POST") => CreateKeypairAsync(ctx, caller),
            (["os-keypairs", var name], "GET") => ShowKeypairAsync(ctx, caller, name),
            (["os-keypairs", var name], "DELETE") => DeleteKeypairAsync(ctx, caller, name),
            _ => throw new NovaError(404, "The resource could not be found."),
        };
    }

    // ---------------------------------------------------------------- helpers

    internal static Task WriteAsync(HttpContext ctx, int status, JsonNode body)
    {
        ctx.Response.StatusCode = status;
        return HttpOut.WriteTextAsync(ctx, Py.Dumps(body), "application/json");
    }

    internal static Task EmptyAsync(HttpContext ctx, int status)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    internal static async Task<JsonObject> ReadBodyAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new NovaError(400, "The request body is not a JSON object.");
        }
        catch (JsonException)
        {
            throw new NovaError(400, "Malformed request body");
        }
    }

    /// <summary>limit/marker paging with a "*_links" next link when the page is full, as Nova's common view builder does.</summary>
    internal JsonArray? Page<T>(HttpContext ctx, List<T> items, Func<T, string> id, string collectionPath, out List<T> page)
    {
        var query = Py.ParseQuery(Py.RawQuery(ctx));
        var limitText = query.LastOrDefault(p => p.Key == "limit").Value;
        var marker = query.LastOrDefault(p => p.Key == "marker").Value;
        var limit = MaxLimit;
        if (limitText is not null && (!int.TryParse(limitText, out limit) || limit < 0))
            throw new NovaError(400, $"Invalid input for query parameters limit. Value: {limitText}. '{limitText}' does not match '^[0-9]*$'");
        limit = Math.Min(limit, MaxLimit);
        var start = 0;
        if (marker is not null)
        {
            var index = items.FindIndex(i => id(i) == marker);
            if (index < 0) throw new NovaError(400, $"marker [{marker}] not found");
            start = index + 1;
        }
        page = items.Skip(start).Take(limit).ToList();
        if (page.Count == 0 || page.Count < limit) return null;
        var keep = query.Where(p => p.Key != "marker").ToList();
        keep.Add(new("marker", id(page[^1])));
        return new JsonArray(new JsonObject { ["rel"] = "next", ["href"] = $"{Root}/{collectionPath}?{Py.UrlEncode(keep)}" });
    }

    internal static List<KeyValuePair<string, string>> Query(HttpContext ctx) => Py.ParseQuery(Py.RawQuery(ctx));

    private static string SchemaError(string field, JsonNode? value, string problem) =>
        $"Invalid input for field/attribute {field}. Value: {Py.Repr(value)}. {problem}";

    internal static string Md5Fingerprint(string publicKey)
    {
        var parts = publicKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        byte[] blob;
        try { blob = Convert.FromBase64String(parts.Length > 1 ? parts[1] : ""); }
        catch (FormatException) { throw new NovaError(400, "Keypair data is invalid: failed to generate fingerprint"); }
        if (blob.Length == 0) throw new NovaError(400, "Keypair data is invalid: failed to generate fingerprint");
        return string.Join(":", MD5.HashData(blob).Select(b => b.ToString("x2")));
    }

    /// <summary>An RSA pair as Nova generated it before 2.92: PKCS#1 PEM private key, "ssh-rsa … Generated-by-Nova" public key.</summary>
    internal static (string Private, string Public) GenerateKeypair()
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(false);
        using var blob = new MemoryStream();
        void Put(byte[] data)
        {
            var len = BitConverter.GetBytes(data.Length);
            if (BitConverter.IsLittleEndian) Array.Reverse(len);
            blob.Write(len);
            blob.Write(data);
        }
        Put(Encoding.ASCII.GetBytes("ssh-rsa"));
        Put(p.Exponent!);
        Put(p.Modulus![0] >= 0x80 ? [0, .. p.Modulus] : p.Modulus);
        return (rsa.ExportRSAPrivateKeyPem() + "\n", "ssh-rsa " + Convert.ToBase64String(blob.ToArray()) + " Generated-by-Nova");
    }

    internal static bool MatchesRegex(string pattern, string? value)
    {
        try { return value is not null && Regex.IsMatch(value, pattern); }
        catch (ArgumentException) { return false; }
    }
}

internal sealed record NovaCaller(string ProjectId, string UserId, bool IsAdmin, Version Version)
{
    public bool AtLeast(int minor) => Version >= new Version(2, minor);
}
