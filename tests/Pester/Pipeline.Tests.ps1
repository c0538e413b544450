# Select-Object, Sort-Object, Group-Object, Measure-Object, Where-Object over every output type, as users chain them.
BeforeDiscovery { . $PSScriptRoot/TestHelpers.ps1; $targets = @(Get-TestTarget) }

Describe 'Pipeline cmdlets over every output type on the <Name> cloud' -ForEach $targets {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        $ctx = Connect-TestTarget $_
        $samples = Get-OutputSample $ctx
    }
    AfterAll { Remove-OutputSample $samples; Disconnect-TestTarget $ctx }

    It 'Select-Object of each type keeps the typed values (<_>)' -ForEach @('Session', 'Image', 'Flavor', 'Project', 'CatalogEntry', 'Network', 'Keypair', 'Subnet', 'Router', 'Server', 'RouterInterface') {
        $type = $_
        if (-not $samples.Contains($type)) { Set-ItResult -Skipped -Because "the cloud has no $type"; return }
        $first = $samples[$type][0]
        $names = @($first.PSObject.Properties.Name | Select-Object -First 3)
        $selected = $samples[$type] | Select-Object -Property $names
        @($selected).Count | Should -Be $samples[$type].Count
        foreach ($name in $names) { @($selected)[0].$name | Should -Be $first.$name }
        # -ExpandProperty gives the value itself, not a wrapper.
        $samples[$type] | Select-Object -First 1 -ExpandProperty $names[0] | Should -Be $first.($names[0])
    }

    It 'Sort-Object by Name and Group-Object by a property work on <_>' -ForEach @('Image', 'Flavor', 'Project', 'Network', 'Subnet', 'Router', 'Server', 'Keypair') {
        $type = $_
        if (-not $samples.Contains($type)) { Set-ItResult -Skipped -Because "the cloud has no $type"; return }
        $sorted = @($samples[$type] | Sort-Object -Property Name)
        $expected = @($samples[$type].Name | Sort-Object)
        $sorted.Name | Should -Be $expected
        $descending = @($samples[$type] | Sort-Object Name -Descending)
        $descending[0].Name | Should -Be $expected[-1]
        $groupBy = if ($samples[$type][0].PSObject.Properties['Status']) { 'Status' } else { 'Name' }
        $groups = @($samples[$type] | Group-Object -Property $groupBy)
        ($groups | Measure-Object -Property Count -Sum).Sum | Should -Be $samples[$type].Count
        $groups[0].Group[0].GetType() | Should -Be $samples[$type][0].GetType()
    }

    It 'Measure-Object sums numeric properties (image Size, flavor RAM)' {
        $images = @(Get-OSImage | Where-Object Size)
        ($images | Measure-Object -Property Size -Sum).Sum | Should -Be ([long]($images | ForEach-Object { $_.Size } | Measure-Object -Sum).Sum)
        $flavors = @(Get-OSFlavor)
        $measure = $flavors | Measure-Object -Property RamMB -Minimum -Maximum -Average
        $measure.Count | Should -Be $flavors.Count
        $measure.Maximum | Should -Be ($flavors.RamMB | Sort-Object | Select-Object -Last 1)
    }

    It 'Where-Object and Sort-Object on dates: CreatedAt values are dates' {
        $images = @(Get-OSImage)
        $images[0].CreatedAt | Should -BeOfType [DateTimeOffset]
        @($images | Where-Object CreatedAt -LT ([DateTimeOffset]::UtcNow.AddMinutes(5))).Count | Should -Be $images.Count
        $newest = $images | Sort-Object CreatedAt -Descending | Select-Object -First 1
        $newest.CreatedAt | Should -Be ($images.CreatedAt | Sort-Object | Select-Object -Last 1)
    }

    It 'keypair CreatedAt is a date like every other CreatedAt' {
        $keypair = Get-OSKeypair -Name $samples["Keypair"][0].Name
        $keypair.CreatedAt | Should -BeOfType [DateTimeOffset]
        $keypair.CreatedAt | Should -BeLessOrEqual ([DateTimeOffset]::UtcNow.AddMinutes(5))
    }

    It 'Select-Object -Unique and Sort-Object -Unique on server image names' -Skip:($_.Kind -ne 'Fake') {
        @(Get-OSServer | Sort-Object -Property Image -Unique).Count | Should -BeGreaterOrEqual 1
        Get-OSServer | Select-Object -ExpandProperty Image -First 1 | Should -Be 'cirros-0.6.2-x86_64-disk'
    }
}
