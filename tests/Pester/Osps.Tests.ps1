# osps, the runbook host: pwsh's command set (Utility, Management, Security, ThreadJob) with the module loaded.
BeforeDiscovery { . $PSScriptRoot/TestHelpers.ps1; $targets = @(Get-TestTarget -FakeOnly) }

Describe 'osps on the <Name> cloud' -ForEach $targets {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        $ctx = Connect-TestTarget $_
        $osps = if ($env:OSPS_TEST_OSPS) { $env:OSPS_TEST_OSPS } else { @("$script:RepoRoot/src/OpenStack.PowerShell.Host/bin/Debug/net10.0/osps.dll", "$script:RepoRoot/src/OpenStack.PowerShell.Host/bin/Release/net10.0/osps.dll") |
            Where-Object { Test-Path $_ } | Sort-Object { (Get-Item $_).LastWriteTimeUtc } -Descending | Select-Object -First 1 }
        function Invoke-Osps {
            $vars = @{ OS_AUTH_URL = [string]$ctx.Cloud.AuthUrl; OS_USERNAME = 'admin'; OS_PASSWORD = $ctx.Cloud.Credential.GetNetworkCredential().Password
                OS_PROJECT_NAME = 'admin'; OS_USER_DOMAIN_NAME = 'Default'; OS_PROJECT_DOMAIN_NAME = 'Default'; OS_REGION_NAME = 'RegionOne'; OS_CLOUD = $null }
            $saved = @{}
            foreach ($name in $vars.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $vars[$name]) }
            try { $out = & dotnet $osps @args 2>&1 | ForEach-Object { "$_" }; $global:OspsExit = $LASTEXITCODE; @($out) }
            finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
        }
    }
    AfterAll { Disconnect-TestTarget $ctx }

    It 'osps is built' { $osps | Should -Not -BeNullOrEmpty }

    It "osps -c 'Get-OSImage -All | Select-Object Name, Status | ConvertTo-Json' prints the images as JSON" {
        $out = Invoke-Osps -c 'Connect-OpenStack | Out-Null; Get-OSImage -All | Select-Object Name, Status | ConvertTo-Json'
        $OspsExit | Should -Be 0 -Because ($out -join "`n")
        $images = ($out -join "`n") | ConvertFrom-Json
        @($images).Name | Sort-Object | Should -Be @('cirros-0.5.2-x86_64-disk', 'cirros-0.6.2-x86_64-disk')
        @($images | Where-Object Name -EQ 'cirros-0.6.2-x86_64-disk').Status | Should -Be 'active'
    }

    It 'a runbook gets Sort-Object, Group-Object, Measure-Object, Format-Table, Get-Date, Write-Output, Get-ChildItem, ConvertTo-SecureString and ForEach-Object -Parallel (the SDK has no ThreadJob module)' {
        $script = @'
Connect-OpenStack | Out-Null
$images = Get-OSImage | Sort-Object Name
Write-Output ("count=" + ($images | Measure-Object).Count)
Write-Output ("groups=" + (($images | Group-Object Status | Sort-Object Name).Name -join ','))
Write-Output ("date=" + ((Get-Date) -is [datetime]))
Write-Output ("dir=" + (@(Get-ChildItem -Path $PSHOME -Filter *.dll).Count -gt 0))
Write-Output ("secure=" + ((ConvertTo-SecureString 'x' -AsPlainText -Force) -is [securestring]))
Write-Output ("parallel=" + ((1..3 | ForEach-Object -Parallel { $_ * 2 } | Measure-Object -Sum).Sum))
Write-Output ("utility=" + ((Get-Command Select-Object).Source))
$images | Format-Table Name, Status | Out-String -Width 80
'@
        $file = Join-Path ([IO.Path]::GetTempPath()) "pester-osps-$([Guid]::NewGuid().ToString('N')).ps1"
        Set-Content $file $script
        try { $out = Invoke-Osps $file } finally { Remove-Item $file }
        $text = $out -join "`n"
        $OspsExit | Should -Be 0 -Because $text
        $text | Should -Match 'count=2'
        $text | Should -Match 'groups=active,deactivated'
        $text | Should -Match 'date=True'
        $text | Should -Match 'dir=True'
        $text | Should -Match 'secure=True'
        $text | Should -Match 'parallel=12'
        $text | Should -Match 'utility=Microsoft.PowerShell.Utility'
        $text | Should -Match 'cirros-0.6.2-x86_64-disk\s+active'
    }

    It 'an unknown command fails the runbook with exit code 1 and the error on stderr' {
        $out = Invoke-Osps -c 'No-SuchCommand-Pester'
        $OspsExit | Should -Be 1
        ($out -join "`n") | Should -Match 'No-SuchCommand-Pester'
    }
}
