# Get-Help as users read it in pwsh: every exported cmdlet (of both modules) has a synopsis, a description, parameters and examples;
# the about topic is found by name.
BeforeDiscovery {
    . $PSScriptRoot/TestHelpers.ps1
    Import-TestModule
    # The test cloud's cmdlets too: its module ships its own help (docs/testcloud/en-US).
    $cmdlets = @(Get-Module OpenStack.PowerShell, OpenStack.PowerShell.TestCloud | ForEach-Object { $_.ExportedCmdlets.Keys } | Sort-Object | ForEach-Object { @{ Name = $_ } })
}

Describe 'Get-Help' {
    BeforeAll { . $PSScriptRoot/TestHelpers.ps1; Import-TestModule }

    It '<Name> has a synopsis, a description and an example' -ForEach $cmdlets {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -Match "^$([regex]::Escape($Name))\s*(\[|$)" -Because 'a synopsis that is only the syntax means no help was found'
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 1
        (Get-Help $Name -Examples | Out-String -Width 120) | Should -Match 'EXAMPLE 1|Example 1'
    }

    It 'Get-Help <Name> -Parameter * documents every parameter the cmdlet has' -ForEach $cmdlets {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $declared = @((Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common })
        $documented = @((Get-Help $Name -Parameter *) | ForEach-Object { $_.name })
        foreach ($parameter in $declared) { $documented | Should -Contain $parameter -Because "$Name -$parameter needs a help entry" }
    }

    It 'about_OpenStack.PowerShell is found by name and by wildcard' {
        $about = Get-Help about_OpenStack.PowerShell
        ($about | Out-String) | Should -Match 'Connect-OpenStack'
        @(Get-Help about_OpenStack* | Where-Object Name -EQ 'about_OpenStack.PowerShell').Count | Should -Be 1
    }

    It 'Get-Help lists the module''s commands by noun' {
        @(Get-Help -Name *-OSImage -Category Cmdlet).Name | Should -Contain 'Get-OSImage'
    }
}
