#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds OpenStack.PowerShell and stages a ready-to-import module in out/OpenStack.PowerShell/.
.DESCRIPTION
    The .NET build does all the work (it also turns docs/en-US/*.md into MAML help); this script is for
    people who have pwsh. Where PlatyPS is installed it makes the help instead (-PlatyPS:$false keeps the .NET-built file).
.EXAMPLE
    ./build.ps1 -Configuration Release; Import-Module ./out/OpenStack.PowerShell/OpenStack.PowerShell.psd1
.EXAMPLE
    ./build.ps1 -Pack     # out/packages/OpenStack.PowerShell.<version>.nupkg and the test cloud's package
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Test,
    # Also build the test cloud companion module and make out/packages/*.nupkg (tools/Pack-Module.ps1).
    [switch] $Pack,
    [switch] $PlatyPS = [bool](Get-Module -ListAvailable platyPS)
)
$ErrorActionPreference = 'Stop'
Push-Location $PSScriptRoot
try {
    dotnet build src/OpenStack.PowerShell -c $Configuration --nologo
    if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)" }
    if ($PlatyPS) {
        Import-Module platyPS -ErrorAction Stop
        New-ExternalHelp -Path docs/en-US -OutputPath out/OpenStack.PowerShell/en-US -Force | Out-Null
    }
    if ($Pack) {
        dotnet build src/OpenStack.PowerShell.TestCloud -c $Configuration --nologo
        if ($LASTEXITCODE) { throw "dotnet build of the test cloud failed ($LASTEXITCODE)" }
        & "$PSScriptRoot/tools/Pack-Module.ps1"
    }
    if ($Test) {
        dotnet test OpenStack.PowerShell.sln -c $Configuration --nologo
        if ($LASTEXITCODE) { throw "tests failed ($LASTEXITCODE)" }
    }
    Write-Host "Module staged: $(Join-Path $PSScriptRoot 'out/OpenStack.PowerShell/OpenStack.PowerShell.psd1')"
}
finally {
    Pop-Location
}
