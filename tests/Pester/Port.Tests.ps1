# New-OSPort and Set-OSPort as users type them in real pwsh: the network piped in, -FixedIp hashtables, groups by
# name, wildcards piped to Set-OSPort, and the errors a script catches by ErrorId.
BeforeDiscovery { . $PSScriptRoot/TestHelpers.ps1; $targets = @(Get-TestTarget) }

Describe 'Ports made and changed on the <Name> cloud' -ForEach $targets {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        $ctx = Connect-TestTarget $_
        # p12-: what this file makes on the shared cloud is named so.
        $name = 'p12-' + (New-TestName 'port')
        $net = New-OSNetwork $name
        $null = $net | New-OSSubnet -Name "$name-s" -Cidr 10.216.1.0/24
        $group = New-OSSecurityGroup "$name-sg"
    }
    AfterAll {
        if ($net) { Get-OSPort -Network $net.Id | Remove-OSPort -Confirm:$false; Remove-OSNetwork $net.Id -Confirm:$false }
        if ($group) { Remove-OSSecurityGroup $group.Id -Confirm:$false }
        Disconnect-TestTarget $ctx
    }

    It 'Get-OSNetwork n | New-OSPort -Name p -FixedIp @{Subnet; IpAddress} -SecurityGroup makes the port asked for' {
        $port = Get-OSNetwork $name | New-OSPort -Name "$name-p1" -FixedIp @{ Subnet = "$name-s"; IpAddress = '10.216.1.5' } -SecurityGroup "$name-sg"
        $port | Should -BeOfType ([OpenStack.Client.Network.V2.Port])
        $port.FixedIps.IpAddress | Should -Be '10.216.1.5'
        $port.SecurityGroups | Should -Be @($group.Id)
        $port.NetworkId | Should -Be $net.Id
        # The table shows what `openstack port list` shows: ID, name, status, addresses, MAC.
        $text = $port | Format-Table | Out-String -Width 120
        $text | Should -Match 'ID\s+Name\s+Status\s+Fixed IPs\s+MAC Address'
        $text | Should -Match ([regex]::Escape('10.216.1.5'))
    }

    It 'Get-OSPort p* | Set-OSPort -NoSecurityGroup takes the groups off every match' {
        $null = New-OSPort -Network $name -Name "$name-p2" -SecurityGroup $group
        Get-OSPort "$name-p*" | Set-OSPort -NoSecurityGroup
        $ports = @(Get-OSPort "$name-p*")
        $ports.Count | Should -Be 2
        $ports | ForEach-Object { @($_.SecurityGroups).Count | Should -Be 0 }
    }

    It 'a taken address is PortIpAddressInUse with Neutron''s words, and try/catch sees the ErrorId' {
        $null = New-OSPort -Network $name -FixedIp @{ IpAddress = '10.216.1.5' } -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'PortIpAddressInUse,*'
        "$($failed[0])" | Should -Match 'already allocated in subnet'
        { New-OSPort -Network $name -FixedIp @{ Subnet = "$name-s"; Ip = '10.216.1.9' } } | Should -Throw -ErrorId 'PortFixedIpKeyUnknown,*'
        { New-OSPort -Network $name -SecurityGroup $group -DisablePortSecurity } | Should -Throw -ErrorId 'PortSecurityGroupsNeedPortSecurity,*'
    }

    It '-DisablePortSecurity needs -NoSecurityGroup on a port with groups; -WhatIf changes nothing' {
        $port = New-OSPort -Network $name -Name "$name-q" -SecurityGroup "$name-sg"
        $null = Set-OSPort $port.Id -DisablePortSecurity -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'PortHasSecurityGroups,*'
        Set-OSPort $port.Id -DisablePortSecurity -NoSecurityGroup -WhatIf
        (Get-OSPort $port.Id).PortSecurityEnabled | Should -BeTrue
        $after = $port | Set-OSPort -DisablePortSecurity -NoSecurityGroup -PassThru
        $after.PortSecurityEnabled | Should -BeFalse
        @($after.SecurityGroups).Count | Should -Be 0
    }
}
