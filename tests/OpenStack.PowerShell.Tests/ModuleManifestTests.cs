using System.Management.Automation;
using System.Reflection;
using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>The manifest and the compiled cmdlets agree, and every cmdlet follows the module's conventions.</summary>
public sealed class ModuleManifestTests : IDisposable
{
    private readonly PowerShellSession _ps = new();

    private Assembly ModuleAssembly =>
        (Assembly)_ps.Run("(Get-Module OpenStack.PowerShell).ImplementingAssembly").Output.Single()!;

    private List<Type> CmdletTypes => ModuleAssembly.GetTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() != null).ToList();

    private static string NameOf(Type t)
    {
        var a = t.GetCustomAttribute<CmdletAttribute>()!;
        return a.VerbName + "-" + a.NounName;
    }

    [Fact]
    public void CmdletsToExport_EqualsTheCompiledCmdlets()
    {
        var manifest = _ps.Run("(Test-ModuleManifest $p).ExportedCmdlets.Keys", new() { ["p"] = PowerShellSession.ModuleManifest });
        manifest.AssertNoErrors();
        var exported = manifest.Output.Cast<string>().OrderBy(n => n).ToList();
        var compiled = CmdletTypes.Select(NameOf).OrderBy(n => n).ToList();
        Assert.Equal(compiled, exported);
        var loaded = _ps.Run("(Get-Command -Module OpenStack.PowerShell).Name").Output.Cast<string>().OrderBy(n => n).ToList();
        Assert.Equal(compiled, loaded);
    }

    [Fact]
    public void EveryCmdlet_UsesAnApprovedVerb_DeclaresOutputType_AndChangesOnlyWithShouldProcess()
    {
        var approved = new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsLifecycle), typeof(VerbsDiagnostic), typeof(VerbsSecurity), typeof(VerbsOther) }
            .SelectMany(t => t.GetFields()).Select(f => (string)f.GetValue(null)!).ToHashSet();
        foreach (var type in CmdletTypes)
        {
            var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
            Assert.True(approved.Contains(attribute.VerbName), $"{NameOf(type)}: unapproved verb");
            Assert.True(type.GetCustomAttributes<OutputTypeAttribute>().Any(), $"{NameOf(type)}: no [OutputType]");
            var changes = attribute.VerbName is not ("Get" or "Connect");
            Assert.True(!changes || attribute.SupportsShouldProcess, $"{NameOf(type)}: changes state without -WhatIf/-Confirm");
        }
    }

    [Fact]
    public void Manifest_DeclaresEditionsVersionAndViews()
    {
        var info = _ps.Run("Test-ModuleManifest $p", new() { ["p"] = PowerShellSession.ModuleManifest });
        info.AssertNoErrors();
        var module = Assert.IsType<PSModuleInfo>(info.Output.Single());
        Assert.Equal(new Version(5, 1), module.PowerShellVersion);
        Assert.Contains("Core", module.CompatiblePSEditions);
        Assert.Contains("Desktop", module.CompatiblePSEditions);
        Assert.Contains(module.ExportedFormatFiles, f => f.EndsWith("OpenStack.PowerShell.Format.ps1xml", StringComparison.Ordinal));
    }

    public void Dispose() => _ps.Dispose();
}
