# Pester tests of the Retire-OldImages.ps1 runbook against an offline cloud: no real OpenStack needed.
#   Invoke-Pester ./examples/Retire-OldImages.Tests.ps1
BeforeAll {
    # A runbook repository imports the installed modules by name; inside this project the suite points at the build.
    $built = "$PSScriptRoot/../out"
    if ($env:OSPS_TEST_MODULE -or (Test-Path "$built/OpenStack.PowerShell/OpenStack.PowerShell.psd1")) {
        Import-Module ($env:OSPS_TEST_MODULE ?? "$built/OpenStack.PowerShell/OpenStack.PowerShell.psd1")
        Import-Module ($env:OSPS_TEST_CLOUD_MODULE ?? "$built/OpenStack.PowerShell.TestCloud/OpenStack.PowerShell.TestCloud.psd1")
    }
    else {
        Import-Module OpenStack.PowerShell, OpenStack.PowerShell.TestCloud
    }
    $runbook = "$PSScriptRoot/Retire-OldImages.ps1"

    function New-TestImage([string] $Name, [string[]] $Tags = @()) {
        $file = New-TemporaryFile
        try {
            [IO.File]::WriteAllBytes($file, [byte[]](1..32))
            $tagging = if ($Tags) { @{ Tag = $Tags } } else { @{} }
            New-OSImage -Name $Name -File $file -DiskFormat raw @tagging
        }
        finally { Remove-Item $file }
    }
}

Describe 'Retire-OldImages' {
    BeforeEach {
        # A fresh, empty cloud for every test: nothing one test does can leak into the next.
        $cloud = Start-OSTestCloud -Seed Empty
        $mine = $cloud | Connect-OpenStack
        foreach ($version in '0.5.1', '0.5.2', '0.6.0', '0.6.2') { $null = New-TestImage "cirros-$version-x86_64-disk" }
        $null = New-TestImage 'ubuntu-22.04-server'
    }
    AfterEach { $cloud | Stop-OSTestCloud }

    It 'keeps the newest image of each family and deactivates the others' {
        $report = & $runbook -Keep 1
        @($report).Name | Sort-Object | Should -Be @('cirros-0.5.1-x86_64-disk', 'cirros-0.5.2-x86_64-disk', 'cirros-0.6.0-x86_64-disk')
        (Get-OSImage -Name cirros-0.6.2-x86_64-disk).Status | Should -Be 'active'
        (Get-OSImage -Name ubuntu-22.04-server).Status | Should -Be 'active'
        @(Get-OSImage -Status deactivated).Count | Should -Be 3
    }

    It '-Keep 2 keeps two per family' {
        $report = & $runbook -Keep 2
        @($report).Name | Sort-Object | Should -Be @('cirros-0.5.1-x86_64-disk', 'cirros-0.5.2-x86_64-disk')
    }

    It '-WhatIf reports what it would do and changes nothing' {
        $report = & $runbook -WhatIf
        @($report).Count | Should -Be 3
        @($report | Where-Object Deactivated).Count | Should -Be 0
        @(Get-OSImage -Status deactivated).Count | Should -Be 0
    }

    It 'never retires an image tagged pinned' {
        $null = New-TestImage 'cirros-0.4.0-x86_64-disk' -Tags pinned
        $report = & $runbook -Keep 1
        @($report).Name | Should -Not -Contain 'cirros-0.4.0-x86_64-disk'
        (Get-OSImage -Name cirros-0.4.0-x86_64-disk).Status | Should -Be 'active'
    }

    It 'runs on an explicit -Session' {
        $other = Start-OSTestCloud -Seed Default
        try {
            $session = $other | Connect-OpenStack
            $report = & $runbook -Session $session
            @($report).Count | Should -Be 0 -Because 'the Default seed has one active cirros (and a deactivated one)'
            @(Get-OSImage -Status deactivated -Session $mine).Count | Should -Be 0 -Because 'the first cloud is not touched'
        }
        finally { $other | Stop-OSTestCloud }
    }
}
