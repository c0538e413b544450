using System.Reflection.PortableExecutable;

namespace OpenStack.PowerShell.Tests;

/// <summary>Skips unless the linux-x64 ReadyToRun module was built (`dotnet build src/OpenStack.PowerShell -p:ModuleReadyToRun=true`; bench.sh does).</summary>
public sealed class ReadyToRunModuleFactAttribute : FactAttribute
{
    public ReadyToRunModuleFactAttribute()
    {
        if (!Directory.Exists(ReadyToRunModuleTests.ReadyToRunDir))
            Skip = $"No ReadyToRun module at {ReadyToRunModuleTests.ReadyToRunDir}: build with -p:ModuleReadyToRun=true.";
    }
}

/// <summary>
/// Issue 15: the linux-x64 ReadyToRun copy of the staged module holds precompiled images of the module's own DLLs and
/// otherwise the same files; the cross-platform staged module stays IL (Windows PowerShell cannot load crossgen2 images).
/// </summary>
public sealed class ReadyToRunModuleTests
{
    private static readonly string[] Own = { "OpenStack.PowerShell.dll", "OpenStack.Client.dll", "YamlDotNet.dll" };

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "OpenStack.PowerShell.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("not inside the repository");
    }

    internal static string StagedDir => Path.Combine(RepoRoot(), "out", "OpenStack.PowerShell");
    internal static string ReadyToRunDir => Path.Combine(RepoRoot(), "out", "OpenStack.PowerShell.linux-x64");

    private static bool IsReadyToRun(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    [ReadyToRunModuleFact]
    public void TheModulesOwnDlls_AreReadyToRun_AndEveryOtherFileIsThere()
    {
        foreach (var dll in Own) Assert.True(IsReadyToRun(Path.Combine(ReadyToRunDir, dll)), dll + " is not a ReadyToRun image");
        var staged = Directory.GetFiles(StagedDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(StagedDir, f)).OrderBy(f => f);
        var r2r = Directory.GetFiles(ReadyToRunDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(ReadyToRunDir, f)).OrderBy(f => f);
        Assert.Equal(staged, r2r);
    }

    [Fact]
    public void TheCrossPlatformStagedModule_StaysIl()
    {
        foreach (var dll in Own) Assert.False(IsReadyToRun(Path.Combine(StagedDir, dll)), dll + " in the staged module is a ReadyToRun image");
    }
}
