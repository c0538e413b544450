# What the console prints, watched in a new pwsh: -WhatIf messages and the error view.
BeforeDiscovery { . $PSScriptRoot/TestHelpers.ps1; $targets = @(Get-TestTarget) }

Describe 'Console text on the <Name> cloud' -ForEach $targets {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        $ctx = Connect-TestTarget $_
        $image = Get-OSImage | Select-Object -First 1
        $flavor = Get-OSFlavor | Select-Object -First 1
        $network = Get-OSNetwork | Select-Object -First 1
        # One child pwsh for all the -WhatIf lines (a process start costs about a second).
        $whatIf = Invoke-ChildPwsh $ctx @"
Get-OSImage -Id $($image.Id) | Remove-OSImage -WhatIf
Get-OSImage -Id $($image.Id) | Set-OSImage -Deactivate -WhatIf
Remove-OSFlavor -Id $($flavor.Id) -WhatIf
Remove-OSNetwork -Id $($network.Id) -WhatIf
New-OSNetwork -Name pester-whatif-net -WhatIf
New-OSImage -Name pester-whatif-image -File `$PSCommandPath -DiskFormat raw -WhatIf
'done'
"@
        $errorView = Invoke-ChildPwsh $ctx @'
Get-OSImage -Id 00000000-0000-0000-0000-000000000000
Get-OSFlavor -Name no-such-flavor-pester
'done'
'@
    }
    AfterAll { Disconnect-TestTarget $ctx }

    It '-WhatIf prints one "What if:" line per change, naming the target, and changes nothing' {
        $lines = @($whatIf | Where-Object { $_ -match '^What if:' })
        $lines.Count | Should -Be 6 -Because ($whatIf -join "`n")
        $lines[0] | Should -Match ([regex]::Escape($image.Id))
        $lines[2] | Should -Match ([regex]::Escape($flavor.Id))
        $lines[4] | Should -Match 'pester-whatif-net'
        $whatIf[-1] | Should -Be 'done'
        (Get-OSImage -Id $image.Id).Status | Should -Be $image.Status
        @(Get-OSNetwork -Name pester-whatif-net -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'the error view is one readable message per error: no .NET stack trace, no exception type names' {
        $text = $errorView -join "`n"
        $text | Should -Match 'Get-OSImage:'
        $text | Should -Match '00000000-0000-0000-0000-000000000000'
        $text | Should -Match 'Get-OSFlavor:'
        $text | Should -Not -Match '   at [A-Z][\w.]+\(|System\.\w+Exception|OpenStack\.Client\.'
        # The script went on after both errors; stdout and stderr reach us as two streams, so 'done' need not be last.
        $errorView | Should -Contain 'done'
    }

    It 'the error record has a stable ErrorId and category in $Error' {
        Get-OSImage -Id 00000000-0000-0000-0000-000000000000 -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -Match '^ImageNotFound,'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        ($failure[0] | Out-String) | Should -Not -Match '   at '
    }
}
