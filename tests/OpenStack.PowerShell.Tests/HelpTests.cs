using OpenStack.PowerShell.Tests.Harness;

namespace OpenStack.PowerShell.Tests;

/// <summary>
/// The staged module's MAML help (built from docs/en-US by tools/HelpBuilder) reaches Get-Help for every cmdlet:
/// a real synopsis, at least two examples, and a description for every parameter the cmdlet has.
/// </summary>
public sealed class HelpTests : IDisposable
{
    private readonly PowerShellSession _ps = new();

    public static TheoryData<string> Cmdlets()
    {
        using var ps = new PowerShellSession();
        var names = ps.Run("(Get-Module OpenStack.PowerShell).ExportedCmdlets.Keys").Output.Select(o => o!.ToString()!).ToList();
        var data = new TheoryData<string>();
        foreach (var name in names) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void GetHelp_ShowsTheWrittenPage_WithExamples_AndEveryParameter(string cmdlet)
    {
        var synopsis = _ps.Run("(Get-Help $c -Full).Synopsis", new() { ["c"] = cmdlet }).Output.SingleOrDefault()?.ToString()?.Trim() ?? "";
        Assert.False(string.IsNullOrEmpty(synopsis), $"{cmdlet}: no synopsis");
        // Without a help file PowerShell makes a synopsis from the syntax ("Get-OSImage [[-Name] <string[]>] …").
        Assert.DoesNotContain("[-", synopsis);

        var examples = _ps.Run("@((Get-Help $c -Examples).examples.example).Count", new() { ["c"] = cmdlet }).Output.Single();
        Assert.True(Convert.ToInt32(examples) >= 2, $"{cmdlet}: {examples} examples");

        var actual = _ps.Run("(Get-Command $c).Parameters.Keys", new() { ["c"] = cmdlet }).Output.Select(o => o!.ToString()!)
            .Where(p => !CommonParameters.Contains(p)).ToList();
        var documented = _ps.Run("(Get-Help $c -Full).parameters.parameter | ForEach-Object { $_.name + '|' + (($_.description | ForEach-Object { $_.Text }) -join ' ') }",
            new() { ["c"] = cmdlet }).Output.Select(o => o!.ToString()!).ToDictionary(l => l.Split('|')[0], l => l.Split('|', 2)[1], StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in actual)
        {
            Assert.True(documented.ContainsKey(parameter), $"{cmdlet} -{parameter} is not in its help page");
            Assert.False(string.IsNullOrWhiteSpace(documented[parameter]), $"{cmdlet} -{parameter} has no description");
        }
    }

    [Fact]
    public void AboutTopic_IsFoundByGetHelp()
    {
        var text = string.Join("\n", _ps.Run("Get-Help about_OpenStack.PowerShell").Output.Select(o => o?.ToString()));
        Assert.Contains("Connect-OpenStack", text);
        Assert.Contains("OS_AUTH_URL", text);
    }

    private static readonly HashSet<string> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    public void Dispose() => _ps.Dispose();
}
