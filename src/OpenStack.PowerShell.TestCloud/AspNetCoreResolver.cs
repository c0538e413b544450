using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace OpenStack.PowerShell.TestCloud;

/// <summary>
/// pwsh runs on Microsoft.NETCore.App alone, so Kestrel's assemblies (the ASP.NET Core shared framework) are not on its
/// probing paths. On import this points the default load context at the newest Microsoft.AspNetCore.App of the same major
/// version installed beside the running runtime (or under DOTNET_ROOT). The resolver is C#, not a script block: Kestrel
/// loads assemblies on thread-pool threads, where no runspace could run one.
/// </summary>
public sealed class AspNetCoreResolver : IModuleAssemblyInitializer
{
    private static readonly object Gate = new();
    private static string? _directory;
    private static bool _registered;

    public void OnImport()
    {
        lock (Gate)
        {
            if (_registered) return;
            _registered = true;
            _directory = FindFramework();
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
    }

    /// <summary>Where the ASP.NET Core framework was found, or null (Start-OSTestCloud then says what to install).</summary>
    internal static string? Directory => _directory;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (_directory == null || name.Name == null) return null;
        var path = Path.Combine(_directory, name.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }

    private static string? FindFramework()
    {
        var major = Environment.Version.Major;
        var roots = new List<string>();
        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/ → .../dotnet/
        var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var dotnetRoot = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtime)));
        if (dotnetRoot != null) roots.Add(dotnetRoot);
        foreach (var variable in new[] { "DOTNET_ROOT", "DOTNET_ROOT_X64" })
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(value)) roots.Add(value);
        }
        roots.AddRange(new[] { "/usr/share/dotnet", "/usr/lib/dotnet", "/usr/local/share/dotnet", "/opt/dotnet",
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "dotnet") });
        foreach (var root in roots.Distinct())
        {
            var frameworks = Path.Combine(root, "shared", "Microsoft.AspNetCore.App");
            if (!System.IO.Directory.Exists(frameworks)) continue;
            var best = System.IO.Directory.GetDirectories(frameworks)
                .Select(d => (Path: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(d => d.Version != null && d.Version.Major == major && File.Exists(Path.Combine(d.Path, "Microsoft.AspNetCore.dll")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (best.Path != null) return best.Path;
        }
        return null;
    }
}
