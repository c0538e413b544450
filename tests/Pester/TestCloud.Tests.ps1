# Start-OSTestCloud / Stop-OSTestCloud: the offline cloud users Pester-test their runbooks against.
Describe 'Start-OSTestCloud' {
    BeforeAll { . $PSScriptRoot/TestHelpers.ps1; Import-TestModule }

    It 'starts a cloud whose object pipes into Connect-OpenStack, seeded with the default data set' {
        $cloud = Start-OSTestCloud
        try {
            $cloud.AuthUrl.Host | Should -Be '127.0.0.1'
            $cloud.Port | Should -BeGreaterThan 0
            $cloud.Seed | Should -Be 'Default'
            $session = $cloud | Connect-OpenStack
            $session.UserName | Should -Be 'admin'
            $session.ProjectName | Should -Be 'admin'
            @(Get-OSImage).Name | Should -Contain 'cirros-0.6.2-x86_64-disk'
            @(Get-OSNetwork).Name | Should -Contain 'private'
            @(Get-OSServer).Name | Should -Be 'web-1'
            @(Get-OSFlavor).Name | Should -Contain 'm1.tiny'
        }
        finally { $cloud | Stop-OSTestCloud }
    }

    It '-Seed Empty starts without images, networks or servers' {
        $cloud = Start-OSTestCloud -Seed Empty
        try {
            $null = $cloud | Connect-OpenStack
            @(Get-OSImage).Count | Should -Be 0
            @(Get-OSNetwork).Count | Should -Be 0
            @(Get-OSServer).Count | Should -Be 0
        }
        finally { Stop-OSTestCloud -InputObject $cloud }
    }

    It '-Port listens where asked, and two clouds keep their data apart' {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $one = Start-OSTestCloud -Port $port
        $two = Start-OSTestCloud -Seed Empty
        try {
            $one.Port | Should -Be $port
            $one.AuthUrl.Port | Should -Be $port
            $s1 = $one | Connect-OpenStack
            $s2 = $two | Connect-OpenStack
            $file = New-TemporaryFile
            [IO.File]::WriteAllBytes($file, [byte[]](1..64))
            $null = New-OSImage -Name pester-only-in-two -File $file -Session $s2 -DiskFormat raw
            Remove-Item $file
            @(Get-OSImage -Session $s1).Name | Should -Not -Contain 'pester-only-in-two'
            @(Get-OSImage -Session $s2).Name | Should -Be 'pester-only-in-two'
        }
        finally { $one, $two | Stop-OSTestCloud }
    }

    It 'Stop-OSTestCloud stops it: the port no longer answers, and data is gone with it' {
        $cloud = Start-OSTestCloud
        $null = $cloud | Connect-OpenStack
        $cloud | Stop-OSTestCloud
        $cloud.Running | Should -BeFalse
        { Invoke-WebRequest -Uri $cloud.AuthUrl -TimeoutSec 5 } | Should -Throw
        $again = Start-OSTestCloud -Port $cloud.Port
        try { $again.Seed | Should -Be 'Default' } finally { $again | Stop-OSTestCloud }
    }

    It 'the demo user is a non-admin of project demo' {
        $cloud = Start-OSTestCloud
        try {
            $session = Connect-OpenStack -AuthUrl $cloud.AuthUrl -Credential $cloud.DemoCredential -ProjectName demo -UserDomainName Default -ProjectDomainName Default
            $session.Roles | Should -Not -Contain 'admin'
            { New-OSFlavor -Name pester-nope -RamMB 64 -DiskGB 1 -VCpus 1 -ErrorAction Stop } | Should -Throw
        }
        finally { $cloud | Stop-OSTestCloud }
    }

    It 'the cloud object shows no password in JSON or the table' {
        $cloud = Start-OSTestCloud -Seed Empty
        try {
            $password = $cloud.Credential.GetNetworkCredential().Password
            ($cloud | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue) | Should -Not -Match ([regex]::Escape($password))
            ($cloud | Format-List | Out-String) | Should -Not -Match ([regex]::Escape($password))
            ($cloud | Format-Table | Out-String -Width 80) | Should -Match ([regex]::Escape([string]$cloud.AuthUrl))
        }
        finally { $cloud | Stop-OSTestCloud }
    }
}
