# ConvertTo-Json -Depth 5, Export-Csv and ConvertTo-Csv of every output type: plain values only, dates as dates,
# no System.Text.Json internals (ValueKind), no wire-format reference objects, no secrets.
BeforeDiscovery { . $PSScriptRoot/TestHelpers.ps1; $targets = @(Get-TestTarget) }

Describe 'JSON and CSV of every output type on the <Name> cloud' -ForEach $targets {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        $ctx = Connect-TestTarget $_
        $samples = Get-OutputSample $ctx
        # Raw wire shapes the models once exposed; none may reach a user's JSON or CSV.
        $internalNames = 'ValueKind', 'SwapRaw', 'ImageRef', 'FlavorRef', 'ExtraFields'
        $secrets = @($env:OS_PASSWORD, 's3cr3t-Passw0rd', $ctx.Session.PSObject.Properties['Token']) | Where-Object { $_ -is [string] -and $_ }
        function Get-JsonKeys($node) {
            if ($node -is [System.Collections.IDictionary]) { foreach ($k in $node.Keys) { $k; Get-JsonKeys $node[$k] } }
            elseif ($node -is [System.Collections.IList]) { foreach ($v in $node) { Get-JsonKeys $v } }
        }
    }
    AfterAll { Remove-OutputSample $samples; Disconnect-TestTarget $ctx }

    Context '<_>' -ForEach @('Session', 'Image', 'Flavor', 'Project', 'CatalogEntry', 'Network', 'Keypair', 'Subnet', 'Router', 'Server', 'RouterInterface') {
        BeforeAll {
            $type = $_
            $objects = @(if ($samples.Contains($type)) { $samples[$type] })
            $json = if ($objects) { $objects | ConvertTo-Json -Depth 5 -WarningAction Stop } else { '' }
            $parsed = if ($json) { $json | ConvertFrom-Json -AsHashtable -Depth 10 } else { $null }
        }

        It 'ConvertTo-Json -Depth 5 has no ValueKind, no internal reference objects' {
            if (-not $objects) { Set-ItResult -Skipped -Because "the cloud has no $type"; return }
            $keys = @(Get-JsonKeys $parsed)
            foreach ($name in $internalNames) { $keys | Should -Not -Contain $name -Because "$type must not show $name" }
        }

        It 'ConvertTo-Json writes dates as ISO 8601 date strings, not objects' {
            if (-not $objects) { Set-ItResult -Skipped -Because "the cloud has no $type"; return }
            $dateProperties = @($objects[0].PSObject.Properties | Where-Object { $_.Name -cmatch '(At|^Created|^Updated)$' })
            foreach ($property in $dateProperties) {
                $value = $objects[0].($property.Name)
                if ($null -eq $value) { continue }
                $value | Should -BeOfType [DateTimeOffset] -Because "$type.$($property.Name) is a date"
                $json | Should -Match ('"' + $property.Name + '": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)"')
            }
        }

        It 'ConvertTo-Json holds no secret' {
            if (-not $objects) { Set-ItResult -Skipped -Because "the cloud has no $type"; return }
            foreach ($secret in $secrets) { $json | Should -Not -Match ([regex]::Escape($secret)) }
            $json | Should -Not -Match '"(Token|Password|AuthToken|PrivateKey)": "[^"]'
        }

        It 'ConvertTo-Csv and Export-Csv write values, never .NET type names' {
            if (-not $objects) { Set-ItResult -Skipped -Because "the cloud has no $type"; return }
            $csv = $objects | ConvertTo-Csv
            $csv -join "`n" | Should -Not -Match 'System\.(Collections|Text\.Json|Management)|OpenStack\.Client\.'
            $file = Join-Path ([IO.Path]::GetTempPath()) "pester-$type-$([Guid]::NewGuid().ToString('N')).csv"
            try {
                $objects | Export-Csv -Path $file
                $rows = @(Import-Csv -Path $file)
                $rows.Count | Should -Be $objects.Count
                $idProperty = @('Id', 'Name', 'RouterId', 'Type', 'AuthUrl') | Where-Object { $objects[0].PSObject.Properties[$_] } | Select-Object -First 1
                $rows[0].$idProperty | Should -Be ([string]$objects[0].$idProperty)
            }
            finally { Remove-Item $file -ErrorAction SilentlyContinue }
        }
    }

    It 'a list in CSV reads as its items (image tags and properties)' -Skip:($_.Kind -ne 'Fake') {
        $image = Get-OSImage -Name cirros-0.6.2-x86_64-disk
        $row = $image | ConvertTo-Csv | ConvertFrom-Csv
        $row.Tags | Should -Be ($image.Tags -join ', ')
        $row.Properties | Should -Match 'os_distro=cirros'
    }

    It 'image custom properties are plain values in JSON' -Skip:($_.Kind -ne 'Fake') {
        $parsed = Get-OSImage -Name cirros-0.6.2-x86_64-disk | ConvertTo-Json -Depth 5 | ConvertFrom-Json -AsHashtable
        $parsed.Properties.os_distro | Should -Be 'cirros'
    }

    It 'a server JSON has the image and flavor as plain ids and names' -Skip:($_.Kind -ne 'Fake') {
        $server = Get-OSServer -Name web-1
        $parsed = $server | ConvertTo-Json -Depth 5 | ConvertFrom-Json -AsHashtable
        $parsed.ImageId | Should -Be $server.ImageId
        $parsed.Image | Should -Be 'cirros-0.6.2-x86_64-disk'
        $parsed.Flavor | Should -Be 'm1.tiny'
    }

    It 'a flavor JSON has SwapMB as a number and no raw swap' {
        $parsed = Get-OSFlavor | Select-Object -First 1 | ConvertTo-Json -Depth 5 | ConvertFrom-Json -AsHashtable
        $parsed.SwapMB | Should -BeOfType [long]
        $parsed.Keys | Should -Not -Contain 'SwapRaw'
    }
}
