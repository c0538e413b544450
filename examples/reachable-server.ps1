<#
.SYNOPSIS
    Boots a server you could SSH into: a keypair, a security group allowing SSH (tcp 22) and ping from anywhere,
    a network and subnet routed to the external network, the server (-Wait), a floating IP, its console log, the
    server shown with both addresses — then deletes everything.
.DESCRIPTION
    Runs against the cloud in the OS_* variables (or OS_CLOUD). The external network is "public" (devstack's, and
    tests/cloud/start.sh's); give -ExternalNetwork for another one. Every object is named <NamePrefix>-<random> (reachable-…) and
    deleted at the end, even on failure.
        ./run.sh examples/reachable-server.ps1
    (./run.sh with no arguments runs it after the quickstart.) On a cloud without that external network it says it
    skipped and why, and changes nothing.
#>
param(
    [string] $ExternalNetwork = 'public',
    [string] $Cidr = '10.123.45.0/24',
    # What every object's name starts with (then a random suffix).
    [string] $NamePrefix = 'reachable'
)
$ErrorActionPreference = 'Stop'
# From OS_* or OS_CLOUD; a runbook test connects first itself (Start-OSTestCloud | Connect-OpenStack).
if ($env:OS_AUTH_URL -or $env:OS_CLOUD) {
    "== Connect-OpenStack"
    Connect-OpenStack | Out-Host
}
if (-not (Get-OSNetwork -Name $ExternalNetwork -ErrorAction SilentlyContinue | Where-Object External)) {
    "reachable-server: skipped: this cloud has no external network '$ExternalNetwork' to take a floating IP from (give -ExternalNetwork)."
    return
}
$name = "$NamePrefix-" + [guid]::NewGuid().ToString('n').Substring(0, 6)
$keyFile = [IO.Path]::Combine([IO.Path]::GetTempPath(), "$name.pem")
$diskFile = [IO.Path]::Combine([IO.Path]::GetTempPath(), "$name.img")

try {
    "== New-OSKeypair $name (the private key goes to $keyFile)"
    New-OSKeypair $name -PrivateKeyFile $keyFile | Out-Host

    "== New-OSSecurityGroup $name, with SSH and ICMP from anywhere"
    $group = New-OSSecurityGroup $name -Description 'ssh and ping from anywhere'
    $group | New-OSSecurityGroupRule -Protocol tcp -Port 22 -RemoteIpPrefix 0.0.0.0/0 | Out-Null
    $group | New-OSSecurityGroupRule -Protocol icmp -RemoteIpPrefix 0.0.0.0/0 | Out-Null
    $group | Get-OSSecurityGroupRule | Out-Host

    "== A network and subnet, routed to $ExternalNetwork"
    New-OSNetwork $name | New-OSSubnet -Name $name -Cidr $Cidr | Out-Host
    New-OSRouter $name -ExternalNetwork $ExternalNetwork | Out-Null
    Add-OSRouterInterface $name $name | Out-Null
    Get-OSRouter $name | Out-Host

    "== An image to boot (a small raw disk stands in for cirros)"
    $stream = [IO.File]::Create($diskFile); $stream.SetLength(16MB); $stream.Dispose()
    $image = New-OSImage -Name $name -File $diskFile -DiskFormat raw

    "== New-OSServer $name -Network $name -SecurityGroup `$group -KeyName $name -Wait"
    $flavor = @(Get-OSFlavor | Where-Object Name -eq 'm1.tiny')[0]
    if (-not $flavor) { $flavor = @(Get-OSFlavor)[0] }
    # The group object (or its name: resolved in this project first, never another project's group) goes to Nova by id.
    $server = New-OSServer -Name $name -Image $image -Flavor $flavor -Network $name -SecurityGroup $group -KeyName $name -Wait
    $server | Out-Host

    "== New-OSFloatingIp $ExternalNetwork -Server $name (the port that reaches $ExternalNetwork is found)"
    $fip = New-OSFloatingIp $ExternalNetwork -Server $name
    $fip | Out-Host

    "== Get-OSServerConsoleLog $name -Lines 10"
    Get-OSServerConsoleLog $name -Lines 10

    "== The server with its fixed and floating addresses"
    # Nova learns of the floating IP from Neutron's event; give it a few seconds.
    # (Only the engine's core commands are used: the runbook host loads no Utility module.)
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    do {
        $server = Get-OSServer $name
        if ($server.FloatingAddresses) { break }
        [Threading.Thread]::Sleep(1000)
    } while ([DateTime]::UtcNow -lt $deadline)
    $server | Out-Host
    "Fixed:    $($server.FixedAddresses -join ', ')"
    "Floating: $($server.FloatingAddresses -join ', ')"
    if ($server.FloatingAddresses -notcontains $fip.FloatingIpAddress) { throw "The server does not show its floating IP $($fip.FloatingIpAddress) after 30 s." }
    "ssh -i $keyFile cirros@$($fip.FloatingIpAddress)   # on a cloud with real networking"
}
finally {
    "== Clean up"
    Get-OSFloatingIp -Server $name -ErrorAction SilentlyContinue | Remove-OSFloatingIp -Confirm:$false -ErrorAction Continue
    Get-OSServer -Name $name -ErrorAction SilentlyContinue | Where-Object Name -eq $name | Remove-OSServer -Wait -Confirm:$false -ErrorAction Continue
    if (Get-OSRouter -Name $name -ErrorAction SilentlyContinue) {
        Remove-OSRouterInterface $name $name -Confirm:$false -ErrorAction SilentlyContinue
        Remove-OSRouter $name -Confirm:$false -ErrorAction Continue
    }
    Get-OSNetwork -Name $name -ErrorAction SilentlyContinue | Remove-OSNetwork -Confirm:$false -ErrorAction Continue
    Get-OSSecurityGroup -Name $name -ErrorAction SilentlyContinue | Remove-OSSecurityGroup -Confirm:$false -ErrorAction Continue
    Get-OSImage -Name $name -ErrorAction SilentlyContinue | Remove-OSImage -Confirm:$false -ErrorAction Continue
    Get-OSKeypair -Name $name -ErrorAction SilentlyContinue | Remove-OSKeypair -Confirm:$false -ErrorAction Continue
    foreach ($f in $keyFile, $diskFile) { if ([IO.File]::Exists($f)) { [IO.File]::Delete($f) } }
    "Removed everything named $name."
}
