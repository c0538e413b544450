using System.Management.Automation;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using OpenStack.Client.Auth;
using OpenStack.Client.Compute.V2;
using OpenStack.Client.Config;
using OpenStack.Client.Http;
using OpenStack.Client.Image.V2;
using OpenStack.Client.Resources;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>
/// Every ErrorId the module can emit, listed by driving its ErrorRecord factory with every kind of failure for every
/// cmdlet's noun and every descriptor's noun, plus the ids cmdlets create themselves: each is &lt;Noun&gt;&lt;Problem&gt;
/// PascalCase, and every ErrorId the help pages promise (today's, which users script against) is among them.
/// </summary>
public sealed class ErrorIdTests : IDisposable
{
    private static readonly Regex PascalCase = new(@"^(?:[A-Z][a-z0-9]+)+$");
    private readonly PowerShellSession _ps = new();

    private Assembly ModuleAssembly => (Assembly)_ps.Run("(Get-Module OpenStack.PowerShell).ImplementingAssembly").Output.Single()!;

    /// <summary>The ErrorNoun of every cmdlet (read from an instance: the generic bases take it from the descriptor).</summary>
    private IEnumerable<string> CmdletNouns()
    {
        foreach (var type in ModuleAssembly.GetTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() != null))
        {
            // Connect-/Disconnect-OpenStack have no noun of their own: their ids are literals, found by CreatedIds.
            var property = ErrorNounOf(type);
            if (property != null) yield return (string)property.GetValue(Activator.CreateInstance(type))!;
        }
    }

    private static PropertyInfo? ErrorNounOf(Type? type)
    {
        for (; type != null; type = type.BaseType)
        {
            var property = type.GetProperty("ErrorNoun", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            if (property != null) return property;
        }
        return null;
    }

    /// <summary>The noun of every resource descriptor in the client.</summary>
    private static IEnumerable<ResourceNoun> DescriptorNouns() => typeof(ResourceNoun).Assembly.GetTypes()
        .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
        .Where(f => f.FieldType == typeof(ResourceNoun)).Select(f => (ResourceNoun)f.GetValue(null)!);

    private static IEnumerable<Exception> Failures(ResourceNoun noun)
    {
        var uri = new Uri("http://h/x");
        foreach (var status in new[] { 400, 401, 403, 404, 409, 413, 415, 418, 429, 500, 503 })
            yield return new OpenStackApiException((HttpStatusCode)status, "GET", uri, "m", "req-1");
        var conflict = new OpenStackApiException(HttpStatusCode.Conflict, "DELETE", uri, "m", "req-1");
        yield return new ResourceNotFoundException(noun, "x");
        yield return new AmbiguousNameException(noun, "x", new[] { "1", "2" });
        yield return new ResourceInUseException(noun, conflict);
        yield return new ArgumentException("x");
        yield return new OpenStackException("x");
        yield return new IOException("x");
        yield return new UnauthorizedAccessException("x");
        yield return new InvalidOperationException("x");
        yield return new OpenStackConnectionException("x", uri);
        var tls = new OpenStackConnectionException("x", uri);
        typeof(OpenStackConnectionException).GetProperty(nameof(OpenStackConnectionException.IsCertificateError))!.SetValue(tls, true);
        yield return tls;
        yield return new EndpointNotFoundException("x");
        yield return new NotKeystoneException(uri, "x");
        yield return new ServerStateConflictException("s", ServerAction.Start, conflict);
        yield return new ServerWaitTimeoutException("s", "ACTIVE", "BUILD", TimeSpan.FromSeconds(1));
        yield return new ServerFaultException(new Server { Id = "s", Status = "ERROR" });
        foreach (var p in Enum.GetValues<ImageInputProblem>()) yield return new ImageInputException(p, "x");
        foreach (var p in Enum.GetValues<ImageDataProblem>())
        {
            yield return new ImageDataException(p, "x");
            yield return new ImageUploadException("i", "n", false, false, new ImageDataException(p, "x"));
        }
        yield return new ImageUploadException("i", "n", false, false, new IOException("x"));
        foreach (var p in Enum.GetValues<OpenStack.Client.Image.V2.Imports.ImageImportProblem>())
            yield return new OpenStack.Client.Image.V2.Imports.ImageImportException(p, "x");
        foreach (var p in Enum.GetValues<CloudConfigProblem>()) yield return new CloudConfigException(p, "x");
    }

    private static IEnumerable<string> Sources()
    {
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/OpenStack.PowerShell"));
        return Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/")).Select(File.ReadAllText);
    }

    /// <summary>Nouns given as literals (Connect-OpenStack's "Connect").</summary>
    private static IEnumerable<string> LiteralNouns() =>
        Sources().SelectMany(text => Regex.Matches(text, @"ErrorRecords\.From\(\w+, ""(\w+)""").Select(m => m.Groups[1].Value));

    /// <summary>The ids cmdlets create themselves: a literal id before its ErrorCategory, or ErrorNoun + a problem.</summary>
    private static IEnumerable<string> CreatedIds(IReadOnlyCollection<string> nouns)
    {
        foreach (var text in Sources())
        {
            foreach (Match m in Regex.Matches(text, @"""(\w+)"",\s*ErrorCategory\.")) yield return m.Groups[1].Value;
            foreach (Match m in Regex.Matches(text, @"ErrorNoun \+ ""(\w+)"",\s*ErrorCategory\.")) foreach (var noun in nouns) yield return noun + m.Groups[1].Value;
        }
    }

    private HashSet<string> EmittableIds()
    {
        var from = ModuleAssembly.GetType("OpenStack.PowerShell.Infrastructure.ErrorRecords")!.GetMethod("From", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
        var nouns = CmdletNouns().Concat(DescriptorNouns().Select(n => n.ErrorNoun)).Concat(LiteralNouns()).Distinct().ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var noun in nouns)
            foreach (var failure in Failures(DescriptorNouns().FirstOrDefault(n => n.ErrorNoun == noun) ?? new ResourceNoun(noun, noun.ToLowerInvariant())))
                ids.Add(((ErrorRecord)from.Invoke(null, new object?[] { failure, noun, null })!).FullyQualifiedErrorId);
        ids.UnionWith(CreatedIds(nouns));
        return ids;
    }

    [Fact]
    public void EveryErrorIdTheModuleCanEmit_IsNounProblemPascalCase()
    {
        var ids = EmittableIds();
        Assert.True(ids.Count > 100, $"only {ids.Count} ids listed");
        var bad = ids.Where(id => !PascalCase.IsMatch(id)).OrderBy(i => i).ToList();
        Assert.True(bad.Count == 0, "Not <Noun><Problem> PascalCase: " + string.Join(", ", bad));
        Assert.Contains("NetworkInUse", ids);
        Assert.Contains("RouterNoChangeGiven", ids);
        Assert.Contains("SubnetInputInvalid", ids);
    }

    [Fact]
    public void EveryErrorIdTheHelpPagesName_IsStillEmitted()
    {
        var docs = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../docs/en-US"));
        var promised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in Directory.EnumerateFiles(docs, "*-OS*.md").Concat(Directory.EnumerateFiles(docs, "*-OpenStack.md")))
        {
            var text = File.ReadAllText(page);
            var notes = text.IndexOf("## NOTES", StringComparison.Ordinal);
            if (notes < 0) continue;
            // Ids are two words at least (`ImageNotFound`); `Low` (a ConfirmImpact) is not one.
            foreach (Match m in Regex.Matches(text[notes..], @"`([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)`")) promised.Add(m.Groups[1].Value);
        }
        Assert.True(promised.Count > 30, $"only {promised.Count} ids found in the help pages");
        var ids = EmittableIds();
        var missing = promised.Where(p => !ids.Contains(p)).OrderBy(p => p).ToList();
        Assert.True(missing.Count == 0, "Named in help but never emitted: " + string.Join(", ", missing));
    }

    public void Dispose() => _ps.Dispose();
}
