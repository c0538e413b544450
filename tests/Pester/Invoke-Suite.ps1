<#
.SYNOPSIS
    Runs the Pester suite: every *.Tests.ps1 under tests/Pester and examples (or the paths given).
    Called by tests/Pester/run.sh, which installs pwsh and Pester first. Prints one closing line,
    "Pester: Passed: N, Failed: M, Skipped: K", that .ci/run adds to its count; exits 1 when anything failed.
#>
param([string[]] $Path)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$root = (Resolve-Path "$PSScriptRoot/../..").Path
if (-not $Path) { $Path = @("$root/tests/Pester", "$root/examples") }
Import-Module $env:OSPS_PESTER_PSD1 -Force

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = if ($env:OSPS_PESTER_OUTPUT) { $env:OSPS_PESTER_OUTPUT } else { 'Normal' }
$config.Output.RenderMode = 'Plaintext'
$config.Should.ErrorAction = 'Continue'
try { $result = Invoke-Pester -Configuration $config }
catch { Write-Error $_ -ErrorAction Continue; "Pester: Passed: 0, Failed: 1, Skipped: 0"; exit 1 }

# A failing BeforeAll fails its tests as well; a file that cannot even be discovered counts as one failure.
$failed = $result.FailedCount + $result.FailedContainersCount
if ($result.TotalCount -eq 0) { $failed++ }
"Pester: Passed: $($result.PassedCount), Failed: $failed, Skipped: $($result.SkippedCount + $result.NotRunCount)"
exit ([int]($failed -gt 0))
