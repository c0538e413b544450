<#
.SYNOPSIS
    The OpenStack.PowerShell quickstart: connect, upload an image, list, deactivate, reactivate, boot a server
    from it, stop and start the server, clean up.
.DESCRIPTION
    Runs against the cloud described by the OS_* variables (or OS_CLOUD and clouds.yaml).
    Every object it creates is named quickstart-<random> and deleted at the end, even on failure.
    The server part needs a compute service in the catalog; it is skipped (with a note) where there is none.
#>
param(
    # Size of the demo disk image in MiB.
    [int] $SizeMiB = 16
)
$ErrorActionPreference = 'Stop'
$suffix = [guid]::NewGuid().ToString('n').Substring(0, 6)
$imageName = "quickstart-$suffix"
$serverName = "quickstart-vm-$suffix"
$file = [IO.Path]::Combine([IO.Path]::GetTempPath(), "$imageName.img")

"== Connect-OpenStack (from OS_* / clouds.yaml)"
$session = Connect-OpenStack
# Each section goes to Out-Host on its own: a script's output is otherwise formatted as one stream, and
# objects of a second type after a table would fall back to a list of every property.
$session | Out-Host

try {
    # A raw disk of zeros stands in for a real cloud image such as cirros.
    $stream = [IO.File]::Create($file)
    $stream.SetLength($SizeMiB * 1MB)
    $stream.Dispose()

    "== New-OSImage -Name $imageName -File $file -DiskFormat raw"
    $image = New-OSImage -Name $imageName -File $file -DiskFormat raw -Property @{ purpose = 'quickstart' } -Tag quickstart
    $image | Out-Host

    "== Get-OSImage -All"
    Get-OSImage -All | Out-Host

    "== Get-OSImage -Name quickstart-* | Set-OSImage -Deactivate"
    Get-OSImage -Name 'quickstart-*' | Where-Object Name -eq $imageName | Set-OSImage -Deactivate
    Get-OSImage -Id $image.Id | Out-Host

    "== Set-OSImage $imageName -Reactivate -PassThru"
    Set-OSImage $imageName -Reactivate -PassThru | Out-Host

    if (-not ($session.Catalog | Where-Object Type -eq 'compute')) {
        "== No compute service in this cloud's catalog: skipping the server part."
    }
    else {
        $flavor = @(Get-OSFlavor | Where-Object Name -eq 'm1.tiny')[0]
        if (-not $flavor) { $flavor = @(Get-OSFlavor)[0] }

        "== Get-OSImage $imageName | New-OSServer -Name $serverName -Flavor $($flavor.Name) -NoNetwork -Wait"
        Get-OSImage $imageName | New-OSServer -Name $serverName -Flavor $flavor -NoNetwork -Wait | Out-Host

        "== Get-OSServer -Name quickstart-vm-* | Invoke-OSServerAction -Action Stop -Wait -PassThru"
        Get-OSServer -Name 'quickstart-vm-*' | Where-Object Name -eq $serverName | Invoke-OSServerAction -Action Stop -Wait -PassThru | Out-Host

        "== Get-OSServer | Where-Object Status -eq SHUTOFF | Invoke-OSServerAction -Action Start -Wait -PassThru"
        Get-OSServer -Name $serverName | Where-Object Status -eq SHUTOFF | Invoke-OSServerAction -Action Start -Wait -PassThru | Out-Host
    }
}
finally {
    "== Clean up"
    if ($session.Catalog | Where-Object Type -eq 'compute') {
        Get-OSServer -Name $serverName -ErrorAction SilentlyContinue | Remove-OSServer -Wait -Confirm:$false
    }
    Get-OSImage -Name $imageName -ErrorAction SilentlyContinue | Remove-OSImage -Confirm:$false
    if ([IO.File]::Exists($file)) { [IO.File]::Delete($file) }
    "Removed server $serverName and image $imageName."
}
