# A server's security groups and interfaces as users type them: wildcards down the pipeline, -WhatIf, ErrorVariable
# and -ErrorAction Stop, tab completion of group names, and the views.
BeforeDiscovery { . $PSScriptRoot/TestHelpers.ps1; $targets = @(Get-TestTarget -FakeOnly) }

Describe 'Server security groups and interfaces on the <Name> cloud' -ForEach $targets {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        $ctx = Connect-TestTarget $_
        $web = New-TestName web
        $net = New-TestName net
        $other = New-TestName net2
        New-OSNetwork $net | New-OSSubnet -Name $net -Cidr 10.91.0.0/24 | Out-Null
        New-OSNetwork $other | New-OSSubnet -Name $other -Cidr 10.92.0.0/24 | Out-Null
        $ssh = New-TestName ssh
        $null = New-OSSecurityGroup $ssh
        $servers = foreach ($i in 1, 2) { New-OSServer -Name "$web-$i" -Image cirros-0.6.2-x86_64-disk -Flavor m1.tiny -Network $net -Wait }
    }
    AfterAll {
        Get-OSServer -Name "$web-*" | Remove-OSServer -Wait -Confirm:$false
        Remove-OSSecurityGroup $ssh -Confirm:$false -ErrorAction SilentlyContinue
        Remove-OSNetwork $net, $other -Confirm:$false -ErrorAction SilentlyContinue
        Disconnect-TestTarget $ctx
    }

    It 'Get-OSServer web-* | Add-OSServerSecurityGroup -SecurityGroup ssh opens both servers' {
        Get-OSServer "$web-*" | Add-OSServerSecurityGroup -SecurityGroup $ssh
        foreach ($i in 1, 2) { (Get-OSServer "$web-$i").SecurityGroups.Name | Should -Contain $ssh }
    }

    It 'adding it again is an error a script can catch, and -ErrorVariable collects one per server' {
        Get-OSServer "$web-*" | Add-OSServerSecurityGroup -SecurityGroup $ssh -ErrorAction SilentlyContinue -ErrorVariable failed
        @($failed).Count | Should -Be 2
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ServerSecurityGroupAlreadyAssociated,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $caught = $null
        try { Add-OSServerSecurityGroup "$web-1" $ssh -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ServerSecurityGroupAlreadyAssociated,*'
        "$caught" | Should -Match 'Duplicate items in the list'
    }

    It '-WhatIf says what it would remove and removes nothing' {
        Remove-OSServerSecurityGroup "$web-1" $ssh -WhatIf
        (Get-OSServer "$web-1").SecurityGroups.Name | Should -Contain $ssh
        Remove-OSServerSecurityGroup "$web-*" $ssh -Confirm:$false
        (Get-OSServer "$web-2").SecurityGroups.Name | Should -Not -Contain $ssh
    }

    It 'completes security group names for -SecurityGroup, on New-OSServer too (not file names)' {
        $prefix = $ssh.Substring(0, $ssh.Length - 3)
        foreach ($line in "Add-OSServerSecurityGroup $web-1 -SecurityGroup $prefix", "New-OSServer -Name x -SecurityGroup $prefix") {
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            $completions | Should -Contain $ssh
        }
    }

    It 'attaches another network, refuses a second port on the same one without -Force, and lists the interfaces' {
        $attached = Get-OSServer "$web-1" | Add-OSServerInterface -Network $other
        $attached.FixedIps.IpAddress | Should -BeLike '10.92.0.*'
        Add-OSServerInterface "$web-1" -Network $net -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ServerNetworkAlreadyAttached,*'
        "$($refused[0])" | Should -Match '-Force'
        $table = Get-OSServerInterface "$web-1" | Out-String -Width 120
        $table | Should -Match 'Port ID\s+Net ID\s+State\s+IP Addresses\s+MAC Address'
        $table | Should -Match '10\.92\.0\.'
        Get-OSServerInterface "$web-1" | Where-Object NetworkId -eq $attached.NetworkId | ForEach-Object { Remove-OSServerInterface "$web-1" -Port $_ -Confirm:$false }
        @(Get-OSServerInterface "$web-1").Count | Should -Be 1
    }

    It 'shows the fixed addresses apart and a Floating IP column in the table' {
        $server = Get-OSServer "$web-1"
        $server.FixedAddresses | Should -BeLike '10.91.0.*'
        @($server.FloatingAddresses).Count | Should -Be 0
        ($server | Out-String -Width 120) | Should -Match 'Status\s+Floating IP\s+Networks'
        ($server | Format-List | Out-String) | Should -Match 'FixedAddresses\s+: 10\.91\.0\.'
    }
}
