# Pester tests of the reachable-server.ps1 runbook against an offline cloud: no real OpenStack needed.
#   Invoke-Pester ./examples/reachable-server.Tests.ps1
BeforeAll {
    $built = "$PSScriptRoot/../out"
    if ($env:OSPS_TEST_MODULE -or (Test-Path "$built/OpenStack.PowerShell/OpenStack.PowerShell.psd1")) {
        Import-Module ($env:OSPS_TEST_MODULE ?? "$built/OpenStack.PowerShell/OpenStack.PowerShell.psd1")
        Import-Module ($env:OSPS_TEST_CLOUD_MODULE ?? "$built/OpenStack.PowerShell.TestCloud/OpenStack.PowerShell.TestCloud.psd1")
    }
    else {
        Import-Module OpenStack.PowerShell, OpenStack.PowerShell.TestCloud
    }
    $runbook = "$PSScriptRoot/reachable-server.ps1"
    # The runbook connects from OS_* / OS_CLOUD when they are set (as in CI, beside a real cloud): hide them, so it
    # runs on the offline cloud this test connected to.
    $savedEnv = @(Get-ChildItem env:OS_* | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Value = $_.Value } })
    $savedEnv | ForEach-Object { Remove-Item "env:$($_.Name)" }
}

AfterAll {
    $savedEnv | ForEach-Object { Set-Item "env:$($_.Name)" $_.Value }
}

Describe 'reachable-server' {
    BeforeEach {
        $cloud = Start-OSTestCloud -Seed Empty
        $null = $cloud | Connect-OpenStack
    }
    AfterEach { $cloud | Stop-OSTestCloud }

    It 'boots a server with a floating IP on the external network, shows both addresses, and leaves nothing behind' {
        # As an operator sets up devstack's public network.
        New-OSNetwork public -External | New-OSSubnet -Name public-subnet -Cidr 172.24.4.0/24 -EnableDhcp:$false | Out-Null
        $lines = @(& $runbook -NamePrefix pester 6>&1 | Out-String -Stream)
        $text = $lines -join "`n"
        $text | Should -Match 'Fixed:    10\.123\.45\.\d+'
        $text | Should -Match 'Floating: 172\.24\.4\.\d+'
        $text | Should -Match 'FAKE CONSOLE OUTPUT'
        $text | Should -Match 'Removed everything named pester-'
        @(Get-OSServer).Count | Should -Be 0
        @(Get-OSFloatingIp).Count | Should -Be 0
        @(Get-OSSecurityGroup -Name pester-*).Count | Should -Be 0
        @(Get-OSNetwork -Name pester-*).Count | Should -Be 0
        @(Get-OSRouter).Count | Should -Be 0
        @(Get-OSKeypair).Count | Should -Be 0
        @(Get-OSImage).Count | Should -Be 0
    }

    It 'says it skipped, and changes nothing, on a cloud without the external network' {
        $text = (& $runbook -NamePrefix pester | Out-String)
        $text | Should -Match "skipped: this cloud has no external network 'public'"
        @(Get-OSSecurityGroup -Name pester-*).Count | Should -Be 0
        @(Get-OSKeypair).Count | Should -Be 0
    }
}
