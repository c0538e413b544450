using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenStack.FakeCloud.Tests;

/// <summary>
/// Sends the recorded requests, in order, to a fake cloud and compares its answers with the real ones: the status,
/// the Content-Type, and the body — JSON by keys, shapes and values, text exactly. What the two clouds may not agree
/// on is listed here, once: identifiers (each real id is paired with the fake's on first sight, and from then on must
/// map consistently, in URLs, bodies and messages), dates and request ids, and the few values in
/// <see cref="AllowedToDiffer"/>.
/// </summary>
public sealed class ObservedReplay(FakeCloud cloud)
{
    /// <summary>Values a fake may choose differently from the real service (the keys must still be there, with the same type).</summary>
    public static readonly IReadOnlySet<string> AllowedToDiffer = new HashSet<string>
    {
        // addresses the services allocate (the real ones pick at random)
        "ip_address", "addr", "floating_ip_address", "fixed_ip_address", "mac_address", "mac_addr", "OS-EXT-IPS-MAC:mac_addr",
        // generated secrets, hashes of content the replay makes up, counters of the real database
        "adminPass", "hostId", "checksum", "os_hash_value", "standard_attr_id", "revision_number", "provider:segmentation_id", "audit_ids",
        // the fake's catalog lists a second image region (RegionTwo) on purpose
        "catalog",
    };

    private static readonly Regex Identifier = new(@"^(req-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^[0-9a-f]{32}$");
    private static readonly Regex Date = new(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?$");
    private static readonly Regex AnyIdentifier = new(@"(?:req-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{32}\b");

    private readonly Dictionary<string, string> _ids = new();
    private readonly Dictionary<string, string> _tokens = new();
    // A 300 from Keystone's root is an answer to compare, not a redirect to follow.
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async Task<IReadOnlyList<string>> RunAsync(RecordedExchange exchange)
    {
        using var request = new HttpRequestMessage(new HttpMethod(exchange.Method), MapUrl(Map(exchange.Url)));
        HttpContent? content = null;
        if (exchange.BinaryBodyBytes is long size) content = new ByteArrayContent(Qcow2(size));
        else if (exchange.RequestBody is { } body)
            content = new StringContent(Map(body).Replace("<REDACTED-PASSWORD>", "s3cr3t-Passw0rd").Replace("<REDACTED-DEMO-PASSWORD>", FakeIdentity.DemoPassword), Encoding.UTF8);
        foreach (var (name, value) in exchange.RequestHeaders)
        {
            var actual = value.StartsWith('<') && value.EndsWith(" token>") ? await TokenAsync(value) : Map(value);
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                content ??= new ByteArrayContent([]);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(actual);
            }
            else request.Headers.TryAddWithoutValidation(name, actual);
        }
        if (content != null && exchange.RequestHeaders.All(h => !h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded"); // curl's default for -d
        // curl sends Accept: */* unless told otherwise (Glance's error format follows it).
        if (exchange.RequestHeaders.All(h => !h.Name.Equals("Accept", StringComparison.OrdinalIgnoreCase))) request.Headers.TryAddWithoutValidation("Accept", "*/*");
        request.Content = content;
        using var response = await _http.SendAsync(request);
        var fakeBody = exchange.BodyNotSaved ? "" : (await response.Content.ReadAsStringAsync()).TrimEnd('\n');
        var fakeType = response.Content.Headers.ContentType?.ToString();
        return Compare(exchange, (int)response.StatusCode, fakeType, fakeBody);
    }

    /// <summary>The differences between the real answer and the fake's (empty when they agree).</summary>
    public IReadOnlyList<string> Compare(RecordedExchange real, int status, string? contentType, string body)
    {
        var diffs = new List<string>();
        if (real.Status != status) diffs.Add($"status {status}, the real service answered {real.Status}");
        var realType = real.ResponseHeader("Content-Type");
        if (realType != null && real.ResponseBody.Length > 0 && !string.Equals(realType, contentType, StringComparison.OrdinalIgnoreCase))
            diffs.Add($"Content-Type '{contentType}', the real service sent '{realType}'");
        var realText = MapUrl(Map(real.ResponseBody));
        if (realText.Length == 0 || real.BodyNotSaved)
        {
            if (body.Length > 0 && !real.BodyNotSaved && real.Status != 204 || body.Length > 0 && real.Status == 204) diffs.Add($"a body ({Cut(body)}), the real service sent none");
            return diffs;
        }
        JsonNode? realJson = null, fakeJson = null;
        try { realJson = JsonNode.Parse(realText); } catch (JsonException) { }
        if (realJson is null)
        {
            if (realText != body && !LearnEmbedded(realText, body)) diffs.Add($"body '{Cut(body)}', the real service sent '{Cut(realText)}'");
            return diffs;
        }
        try { fakeJson = JsonNode.Parse(body); } catch (JsonException) { }
        if (fakeJson is null) diffs.Add($"body is not JSON: '{Cut(body)}'");
        else Walk("$", null, realJson, fakeJson, diffs);
        return diffs;
    }

    private void Walk(string path, string? key, JsonNode? real, JsonNode? fake, List<string> diffs)
    {
        var allowed = key != null && AllowedToDiffer.Contains(key);
        if (Kind(real) != Kind(fake))
        {
            if (!allowed || real is not null && fake is not null && Kind(real) == "string") diffs.Add($"{path}: {Kind(fake)}, the real service has {Kind(real)} {Cut(real?.ToJsonString() ?? "null")}");
            return;
        }
        switch (real)
        {
            case JsonObject ro:
                var fo = (JsonObject)fake!;
                foreach (var missing in ro.Select(p => p.Key).Except(fo.Select(p => p.Key))) diffs.Add($"{path}: key '{missing}' missing");
                foreach (var extra in fo.Select(p => p.Key).Except(ro.Select(p => p.Key))) diffs.Add($"{path}: key '{extra}' that the real service does not send");
                if (allowed) return;
                foreach (var (k, v) in ro) if (fo.ContainsKey(k)) Walk($"{path}.{k}", k, v, fo[k], diffs);
                break;
            case JsonArray ra:
                var fa = (JsonArray)fake!;
                if (allowed) return;
                if (ra.Count != fa.Count)
                {
                    diffs.Add($"{path}: {fa.Count} items, the real service has {ra.Count}");
                    return;
                }
                // Glance keeps tags in a set: their order is not the service's choice to make.
                if (key == "tags" && ra.All(t => t is JsonValue) && fa.All(t => t is JsonValue))
                {
                    if (!ra.Select(t => t!.ToJsonString()).Order().SequenceEqual(fa.Select(t => t!.ToJsonString()).Order()))
                        diffs.Add($"{path}: {Cut(fa.ToJsonString())}, the real service has {Cut(ra.ToJsonString())}");
                    return;
                }
                foreach (var (r, f) in Pair(ra, fa)) Walk($"{path}[{r.Index}]", key, r.Node, f, diffs);
                break;
            case JsonValue rv when !allowed:
                var realValue = rv.ToJsonString();
                var fakeValue = fake!.ToJsonString();
                if (realValue == fakeValue) return;
                if (rv.GetValueKind() == JsonValueKind.String && Learn((string)rv!, (string)fake!)) return;
                if (rv.GetValueKind() == JsonValueKind.String && LearnEmbedded((string)rv!, (string)fake!)) return;
                diffs.Add($"{path}: {Cut(fakeValue)}, the real service has {Cut(realValue)}");
                break;
        }
    }

    /// <summary>Objects are paired by id when their ids are already paired, else by name (lists come in another order), else by position.</summary>
    private IEnumerable<((int Index, JsonNode? Node), JsonNode?)> Pair(JsonArray real, JsonArray fake)
    {
        // (Nova's interface attachments are identified by their port_id.)
        string? Id(JsonNode? n) => n is JsonObject o && (o["id"] ?? o["port_id"]) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string?)v : null;
        // (The real text has been through Map already: a known id appears as the fake's.)
        var known = _ids.Values.ToHashSet();
        var mapped = real.Select(r => Id(r) is { } id ? _ids.TryGetValue(id, out var f) ? f : known.Contains(id) ? id : null : null).ToList();
        if (mapped.Any(m => m != null) && mapped.Where(m => m != null).All(m => fake.Any(f => Id(f) == m)))
        {
            // Those seen before by id; one first seen here (a port only a list names) takes the fake's next unpaired item.
            var rest = new Queue<JsonNode?>(fake.Where(f => !mapped.Contains(Id(f))));
            for (var i = 0; i < real.Count; i++) yield return ((i, real[i]), mapped[i] != null ? fake.First(f => Id(f) == mapped[i]) : rest.Dequeue());
            yield break;
        }
        string? Name(JsonNode? n) => n is JsonObject o && o["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string?)v : null;
        var names = real.Select(Name).ToList();
        var byName = names.All(n => n != null) && names.Distinct().Count() == names.Count && fake.All(f => Name(f) != null && names.Contains(Name(f)));
        for (var i = 0; i < real.Count; i++)
            yield return ((i, real[i]), byName ? fake.First(f => Name(f) == names[i]) : fake[i]);
    }

    /// <summary>An id (or date) the real service chose: paired with the fake's on first sight; true when they correspond.</summary>
    private bool Learn(string real, string fake)
    {
        if (Date.IsMatch(real) && Date.IsMatch(fake)) return true;
        if (!Identifier.IsMatch(real) || !Identifier.IsMatch(fake)) return false;
        if (_ids.TryGetValue(real, out var known)) return known == fake;
        // Already the fake's side of a pair (the real text went through Map): it must be that very id.
        if (_ids.ContainsValue(real)) return real == fake;
        _ids[real] = fake;
        return true;
    }

    /// <summary>Ids inside a longer string (a link, a message): the rest must be equal, the ids must pair.</summary>
    private bool LearnEmbedded(string real, string fake)
    {
        if (Map(real) == fake) return true;
        var realParts = AnyIdentifier.Split(real);
        var fakeParts = AnyIdentifier.Split(fake);
        var realIds = AnyIdentifier.Matches(real).Select(m => m.Value).ToList();
        var fakeIds = AnyIdentifier.Matches(fake).Select(m => m.Value).ToList();
        if (realIds.Count == 0 || realIds.Count != fakeIds.Count || !realParts.SequenceEqual(fakeParts)) return false;
        return realIds.Zip(fakeIds).All(p => Learn(p.First, p.Second));
    }

    /// <summary>Real ids already paired with the fake's, replaced in a URL, body or message.</summary>
    private string Map(string text) => AnyIdentifier.Replace(text, m => _ids.TryGetValue(m.Value, out var fake) ? fake : m.Value);

    /// <summary>The real services' endpoints as the fake lays them out (devstack style, one port).</summary>
    private string MapUrl(string text) => text
        .Replace("http://127.0.0.1:5000", cloud.BaseUri + "identity")
        .Replace("http://127.0.0.1:9292", cloud.BaseUri + "image")
        .Replace("http://127.0.0.1:8774", cloud.BaseUri + "compute")
        .Replace("http://127.0.0.1:9696", cloud.BaseUri + "network");

    private async Task<string> TokenAsync(string name)
    {
        if (_tokens.TryGetValue(name, out var token)) return token;
        var (user, password, project) = name switch
        {
            "<admin token>" or "<second admin token>" => ("admin", "s3cr3t-Passw0rd", "admin"),
            "<demo token>" => ("demo", FakeIdentity.DemoPassword, "demo"),
            "<alt_demo token>" => ("alt_demo", FakeIdentity.DemoPassword, "alt_demo"),
            _ => throw new InvalidOperationException("unknown token " + name),
        };
        return _tokens[name] = await PasswordAuth.TokenAsync(_http, cloud, user, password, project);
    }

    /// <summary>A qcow2 image of <paramref name="size"/> bytes with a 16 MiB virtual size, as `qemu-img create -f qcow2 x 16M` makes.</summary>
    private static byte[] Qcow2(long size)
    {
        var data = new byte[Math.Max(size, 512)];
        new byte[] { (byte)'Q', (byte)'F', (byte)'I', 0xfb }.CopyTo(data, 0);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), 3);
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(24), 16 * 1024 * 1024);
        return data;
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string", JsonValueKind.Number => "number", JsonValueKind.True or JsonValueKind.False => "boolean", _ => "null",
        },
    };

    private static string Cut(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
