# The default views at a console of 80 and 120 columns: full IDs, names whole up to the width each view promises
# (cut with "…" beyond), headers on one line, and Format-List showing the same objects readably.
BeforeDiscovery { . $PSScriptRoot/TestHelpers.ps1; $targets = @(Get-TestTarget) }

Describe 'Default views at 80 and 120 columns on the <Name> cloud' -ForEach $targets {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        $ctx = Connect-TestTarget $_
        $samples = Get-OutputSample $ctx
        if ($ctx.Kind -eq 'Fake') {
            # Names as long as real ones get: the view must show them whole at 80 columns.
            $samples['Server'] = @($samples['Server']) + @(New-OSServer -Name pester-web-server-0001 -Image cirros-0.6.2-x86_64-disk -Flavor m1.small -Network private -Wait)
            $samples['Router'] = @($samples['Router']) + @(New-OSRouter -Name pester-edge-router-0001)
        }
        # The key columns of each type's table and the width each view gives them at 80 and 120 columns: a value up to
        # that width must show whole, a longer one (a real cloud's names can be any length) cut with "…", never dropped.
        $keyColumns = @{
            Image = @{ Id = 36; Name = @{ 80 = 31; 120 = 71 } }; Server = @{ Id = 36; Name = 28 }; Flavor = @{ Id = 36; Name = 20 }
            Keypair = @{ Name = 24; Fingerprint = 47 }; Network = @{ Id = 36; Name = 26 }; Subnet = @{ Id = 36; Name = 26 }
            Router = @{ Id = 36; Name = 27 }; Project = @{ Id = 32; Name = 28 }; RouterInterface = @{ RouterId = 36; SubnetId = 36 }
            CatalogEntry = @{ Type = 10; Url = @{ 80 = 37; 120 = 77 } }; Session = @{ AuthUrl = @{ 80 = 37; 120 = 77 }; UserName = 12 }
            SecurityGroup = @{ Id = 36; Name = 26 }; SecurityGroupRule = @{ Id = 36; Direction = 7 }; Port = @{ Id = 36; Status = 4 }
        }
        function Assert-Shown([string[]] $Lines, [string] $Type, [string] $Column, [string] $Value, [int] $Width) {
            $room = $keyColumns[$Type][$Column]
            if ($room -is [hashtable]) { $room = $room[$Width] }
            $text = $Lines -join "`n"
            $expected = if ($Value.Length -le $room) { [regex]::Escape($Value) } else { [regex]::Escape($Value.Substring(0, $room - 1)) + '…' }
            $text | Should -Match $expected -Because "$Type $Column '$Value' must show at $Width columns (room: $room):`n$text"
        }
    }
    AfterAll { Remove-OutputSample $samples; Disconnect-TestTarget $ctx }

    Context '<_> columns' -ForEach 80, 120 {
        BeforeAll { $width = $_ }

        It 'the table of <_> shows its key columns whole and its header on one line' -ForEach @('Session', 'Image', 'Flavor', 'Project', 'CatalogEntry', 'Network', 'Keypair', 'Subnet', 'Router', 'Server', 'RouterInterface', 'SecurityGroup', 'SecurityGroupRule', 'Port') {
            $type = $_
            if (-not $samples.Contains($type)) { Set-ItResult -Skipped -Because "the cloud has no $type"; return }
            $lines = Get-TableText $samples[$type] -Width $width
            $header = @(Get-TableHeader $lines)
            $header.Count | Should -Be 1 -Because "the $type header must not wrap at $width columns:`n$($lines -join "`n")"
            ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual $width
            foreach ($object in $samples[$type]) {
                foreach ($column in $keyColumns[$type].Keys) {
                    $value = [string]$object.$column
                    if ($value) { Assert-Shown $lines $type $column $value $width }
                }
            }
        }

        It 'Format-List of <_> shows every key value whole' -ForEach @('Session', 'Image', 'Flavor', 'Project', 'CatalogEntry', 'Network', 'Keypair', 'Subnet', 'Router', 'Server', 'RouterInterface', 'SecurityGroup', 'SecurityGroupRule', 'Port') {
            $type = $_
            if (-not $samples.Contains($type)) { Set-ItResult -Skipped -Because "the cloud has no $type"; return }
            $text = (Get-TableText $samples[$type][0] -Width $width -List) -join "`n"
            foreach ($column in $keyColumns[$type].Keys) {
                $value = [string]$samples[$type][0].$column
                if ($value) { $text | Should -Match ([regex]::Escape($value)) -Because "$type $column in Format-List" }
            }
            $text | Should -Not -Match 'System\.(Collections|Text\.Json)|ValueKind'
        }
    }

    It 'Format-Table -Property picks columns by name as with any object' {
        $text = Get-OSImage | Format-Table Name, Status, Size | Out-String -Width 120
        $text | Should -Match 'Name\s+Status\s+Size'
    }

    It 'Save-OSImage writes a file item that shows its size, mode and name like Get-Item' -Skip:($_.Kind -ne 'Fake') {
        $path = Join-Path ([IO.Path]::GetTempPath()) "px-$([Guid]::NewGuid().ToString('N').Substring(0, 6)).img"
        try {
            $file = Get-OSImage -Name cirros-0.6.2-x86_64-disk | Save-OSImage -Path $path
            $file.Length | Should -Be 4096
            $saved = ($file | Out-String -Width 80)
            $expected = (Get-Item $path | Out-String -Width 80)
            $saved | Should -Be $expected
            $saved | Should -Match '4096'
            $saved | Should -Match ([regex]::Escape([IO.Path]::GetFileName($path)))
        }
        finally { Remove-Item $path -ErrorAction SilentlyContinue }
    }
}
