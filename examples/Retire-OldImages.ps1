<#
.SYNOPSIS
    Image retirement runbook: in each family of images (the name up to its version, e.g. "cirros" for
    "cirros-0.6.2-x86_64-disk"), keeps the newest -Keep active images and deactivates the older ones.
.DESCRIPTION
    Runs on the default session (Connect-OpenStack first) or -Session. Supports -WhatIf and -Confirm. Writes one
    report object per image it deactivated (or would have, under -WhatIf). Images tagged "pinned" are never retired.
    Tested offline by Retire-OldImages.Tests.ps1 against Start-OSTestCloud.
.EXAMPLE
    Connect-OpenStack; ./Retire-OldImages.ps1 -Keep 2 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateRange(1, 100)] [int] $Keep = 1,
    [string] $Family = '*',
    $Session
)
$ErrorActionPreference = 'Stop'
$common = @{}
if ($Session) { $common.Session = $Session }

$images = Get-OSImage -Status active @common | Where-Object { $_.Tags -notcontains 'pinned' }
$families = $images | Group-Object { ($_.Name -split '-\d', 2)[0] } | Where-Object Name -Like $Family
foreach ($group in $families) {
    $retire = $group.Group | Sort-Object CreatedAt, Name -Descending | Select-Object -Skip $Keep
    foreach ($image in $retire) {
        if ($PSCmdlet.ShouldProcess("$($image.Name) ($($image.Id))", 'Deactivate image')) {
            $image | Set-OSImage -Deactivate @common -Confirm:$false
        }
        [pscustomobject]@{ Family = $group.Name; Name = $image.Name; Id = $image.Id; CreatedAt = $image.CreatedAt; Deactivated = -not $WhatIfPreference }
    }
}
