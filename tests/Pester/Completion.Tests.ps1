# TabExpansion2, as the console's Tab key calls it: commands, parameters, names from the cloud, fixed values.
BeforeDiscovery { . $PSScriptRoot/TestHelpers.ps1; $targets = @(Get-TestTarget -FakeOnly) }

Describe 'Tab completion on the <Name> cloud' -ForEach $targets {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        $ctx = Connect-TestTarget $_
        function Complete([string] $line) { @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) }
    }
    AfterAll { Disconnect-TestTarget $ctx }

    It 'completes the module''s commands' {
        Complete 'Get-OSIm' | Should -Contain 'Get-OSImage'
        Complete 'Connect-Open' | Should -Contain 'Connect-OpenStack'
    }

    It 'completes parameters' {
        Complete 'Get-OSImage -Sta' | Should -Contain '-Status'
        Complete 'New-OSServer -Fla' | Should -Contain '-Flavor'
    }

    It 'completes <Command> <Parameter> from the cloud' -ForEach @(
        @{ Command = 'Get-OSImage'; Parameter = '-Name'; Prefix = 'cirros-0.6'; Expected = 'cirros-0.6.2-x86_64-disk' }
        @{ Command = 'Get-OSServer'; Parameter = '-Name'; Prefix = 'we'; Expected = 'web-1' }
        @{ Command = 'Get-OSFlavor'; Parameter = '-Name'; Prefix = 'm1.sm'; Expected = 'm1.small' }
        @{ Command = 'Get-OSNetwork'; Parameter = '-Name'; Prefix = 'priv'; Expected = 'private' }
        @{ Command = 'New-OSServer x -Image'; Parameter = ''; Prefix = 'cirros-0.6'; Expected = 'cirros-0.6.2-x86_64-disk' }
    ) {
        $found = Complete "$Command $Parameter $Prefix".Replace('  ', ' ')
        $found | Should -Contain $Expected
    }

    It 'completes fixed values: -Interface and -Status' {
        Complete 'Connect-OpenStack -Interface ' | Should -Be @('admin', 'internal', 'public')
        Complete 'Get-OSImage -Status deac' | Should -Contain 'deactivated'
    }
}
