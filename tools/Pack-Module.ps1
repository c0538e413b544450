<#
.SYNOPSIS
    Makes the installable packages from the staged modules, as Publish-PSResource would (PSResourceGet's
    Compress-PSResource: the same .nuspec from the manifest, the same layout): out/packages/OpenStack.PowerShell.<v>.nupkg
    and OpenStack.PowerShell.TestCloud.<v>.nupkg. Run after the build (./test.sh and build.ps1 -Pack do).
.EXAMPLE
    Register-PSResourceRepository -Name local -Uri ./out/packages -Trusted; Install-PSResource OpenStack.PowerShell -Repository local
#>
param([string] $Destination = "$PSScriptRoot/../out/packages")
$ErrorActionPreference = 'Stop'
$out = Resolve-Path "$PSScriptRoot/../out"
$null = New-Item -ItemType Directory -Force -Path $Destination
Get-ChildItem $Destination -Filter *.nupkg | Remove-Item
foreach ($module in 'OpenStack.PowerShell', 'OpenStack.PowerShell.TestCloud') {
    $folder = Join-Path $out $module
    if (-not (Test-Path "$folder/$module.psd1")) { throw "$module is not staged in ${folder}: build it first (dotnet build)" }
    Compress-PSResource -Path $folder -DestinationPath $Destination
}
Get-ChildItem $Destination -Filter *.nupkg | ForEach-Object { "pack: $($_.FullName)" }
