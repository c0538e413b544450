#Requires -Version 7.2
<#
    Issue 14 as a user meets it, in real pwsh: connecting on first use from OS_*, one session (one token) for
    the runspaces of a process, the HTTP trace under -Debug and OSPS_DEBUG, about help as plain text, and
    completion. Each scenario runs in a fresh pwsh process whose only OpenStack settings are the OS_* variables
    of the project's fake cloud, which this file starts itself (it counts the tokens it issues in its log).
    Self-contained: needs the staged module (out/OpenStack.PowerShell) and a built tests/OpenStack.FakeCloud.
#>

BeforeDiscovery {
    # The real cloud, if the caller's shell has one (CreateImage on the real Nova and Glance).
    $script:RealCloud = -not [string]::IsNullOrEmpty($env:OS_AUTH_URL)
    # Quotas are set with the openstack CLI (the module has no quota cmdlets), as the cloud's admin.
    $script:RealCloudAdminCli = $RealCloud -and (Get-Command openstack -ErrorAction SilentlyContinue) -and $env:OS_USERNAME -eq 'admin'
}

BeforeAll {
    $script:Repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:ModuleDir = Join-Path $Repo 'out/OpenStack.PowerShell'
    $script:Manifest = Join-Path $ModuleDir 'OpenStack.PowerShell.psd1'
    if (-not (Test-Path $Manifest)) { throw "The module is not staged: build src/OpenStack.PowerShell first ($Manifest)." }
    # This same pwsh: its apphost, or (for the .NET tool, whose process is dotnet) dotnet with pwsh.dll.
    $script:Pwsh = [Environment]::ProcessPath
    $script:PwshPrefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($Pwsh) -ne 'pwsh') { $script:PwshPrefix = @(Join-Path $PSHOME 'pwsh.dll') }
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ("osps-session-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $Work | Out-Null
    # What the caller's shell had: the real cloud's settings, kept for the real-cloud tests only.
    $script:RealEnv = @{}
    Get-ChildItem env: | Where-Object Name -like 'OS_*' | ForEach-Object { $RealEnv[$_.Name] = $_.Value }

    function Start-FakeCloud {
        $dll = 'Release', 'Debug' | ForEach-Object { Join-Path $Repo "tests/OpenStack.FakeCloud/bin/$_/net10.0/OpenStack.FakeCloud.dll" } |
            Where-Object { Test-Path $_ } | Select-Object -First 1
        if (-not $dll) { throw 'tests/OpenStack.FakeCloud is not built.' }
        $name = [guid]::NewGuid().ToString('N').Substring(0, 8)
        $out = Join-Path $Work "fake-$name.env"
        $log = Join-Path $Work "fake-$name.log"
        $process = Start-Process dotnet -ArgumentList $dll, '--port', '0' -RedirectStandardOutput $out -RedirectStandardError $log -PassThru
        $deadline = [datetime]::UtcNow.AddSeconds(60)
        while (-not (Test-Path $out) -or -not (Select-String -Path $out -Pattern '^export OS_AUTH_URL=' -Quiet)) {
            if ([datetime]::UtcNow -gt $deadline -or $process.HasExited) { throw "The fake cloud did not start: $(Get-Content $log -Raw)" }
            Start-Sleep -Milliseconds 100
        }
        Start-Sleep -Milliseconds 200
        $vars = @{}
        foreach ($line in Get-Content $out) {
            if ($line -match '^export (OS_\w+)=(.*)$') { $vars[$Matches[1]] = $Matches[2].Trim("'", '"') }
        }
        [pscustomobject]@{ Process = $process; Env = $vars; Log = $log }
    }

    # Tokens the fake Keystone has issued so far (its log has one line per request).
    function Get-TokenCount($Cloud) {
        @(Select-String -Path $Cloud.Log -Pattern 'POST /identity/v3/auth/tokens 201' -SimpleMatch).Count
    }

    # Runs a script in a fresh pwsh whose environment has no OS_* variable but those given. The module folder
    # is on PSModulePath, as an installed module would be, so new runspaces autoload it.
    function Invoke-FreshPwsh {
        param([string] $Script, [hashtable] $Environment = @{}, [string] $WorkingDirectory = $Work)
        $file = Join-Path $Work ("script-" + [guid]::NewGuid().ToString('N').Substring(0, 8) + '.ps1')
        Set-Content -Path $file -Value ("`$ErrorActionPreference = 'Continue'; `$PSStyle.OutputRendering = 'PlainText'`n" + $Script)
        $psi = [Diagnostics.ProcessStartInfo]::new($Pwsh)
        foreach ($a in @($PwshPrefix) + @('-NoProfile', '-NonInteractive', '-File', $file)) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.WorkingDirectory = $WorkingDirectory
        foreach ($key in @($psi.Environment.Keys)) { if ($key -like 'OS_*' -or $key -eq 'OSPS_DEBUG') { $psi.Environment.Remove($key) | Out-Null } }
        $psi.Environment['NO_COLOR'] = '1'
        $psi.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
        $psi.Environment['PSModulePath'] = (Split-Path $ModuleDir) + [IO.Path]::PathSeparator + $env:PSModulePath
        foreach ($pair in $Environment.GetEnumerator()) { $psi.Environment[$pair.Key] = [string]$pair.Value }
        $p = [Diagnostics.Process]::Start($psi)
        $stderr = $p.StandardError.ReadToEndAsync()
        $stdout = $p.StandardOutput.ReadToEnd()
        if (-not $p.WaitForExit(300000)) { $p.Kill(); throw "pwsh did not finish: $Script" }
        [pscustomobject]@{ ExitCode = $p.ExitCode; Out = $stdout; Err = $stderr.Result; All = $stdout + "`n" + $stderr.Result }
    }

    # The last line of stdout is the script's answer, as JSON.
    function Get-Answer($Result) {
        $json = ($Result.Out -split "`n" | Where-Object { $_.Trim() } | Select-Object -Last 1)
        try { $json | ConvertFrom-Json } catch { throw "No JSON answer. stdout: $($Result.Out) stderr: $($Result.Err)" }
    }

    $script:Cloud = Start-FakeCloud
    $script:FakeEnv = $Cloud.Env
    $script:Password = $FakeEnv['OS_PASSWORD']
    # Resources for the tests to find, made by a process of their own (its token is counted before each test).
    $seed = Invoke-FreshPwsh -Environment $FakeEnv -Script @'
$f = Join-Path ([IO.Path]::GetTempPath()) ('sess-' + [guid]::NewGuid() + '.img')
[IO.File]::WriteAllBytes($f, [byte[]](1..200))
$img = New-OSImage -Name sess-img -File $f -DiskFormat raw -ContainerFormat bare
$net = New-OSNetwork -Name sess-net
$sub = New-OSSubnet -Name sess-sub -Network sess-net -Cidr 10.14.0.0/24
$rtr = New-OSRouter -Name sess-rtr
$key = New-OSKeypair -Name sess-key -PrivateKeyFile (Join-Path ([IO.Path]::GetTempPath()) ('sess-key-' + [guid]::NewGuid() + '.pem'))
$srv = New-OSServer -Name sess-srv -Image sess-img -Flavor m1.tiny -NoNetwork -Wait
[pscustomobject]@{ Image = $img.Id; Network = $net.Id; Subnet = $sub.Id; Router = $rtr.Id; Server = $srv.Id } | ConvertTo-Json -Compress
'@
    $script:Seeded = Get-Answer $seed
    if (-not $Seeded.Server) { throw "Seeding failed: $($seed.All)" }
}

AfterAll {
    if ($script:Cloud) { Stop-Process -Id $Cloud.Process.Id -ErrorAction SilentlyContinue }
    if ($script:Work) { Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue }
}

Describe 'Connect on first use, one session for the process' {
    It 'a fresh pwsh with only OS_* set runs Get-OSImage and a 4-way ForEach-Object -Parallel { Get-OSImage } on one token' {
        $before = Get-TokenCount $Cloud
        $r = Invoke-FreshPwsh -Environment $FakeEnv -Script @'
$first = @(Get-OSImage).Name
$parallel = 1..4 | ForEach-Object -Parallel { @(Get-OSImage).Name -join ',' } -ThrottleLimit 4
[pscustomobject]@{ First = $first -join ','; Parallel = @($parallel) } | ConvertTo-Json -Compress
'@
        $a = Get-Answer $r
        $a.First | Should -Match 'sess-img'
        $a.Parallel.Count | Should -Be 4
        $a.Parallel | ForEach-Object { $_ | Should -Be $a.First }
        $r.All | Should -Not -Match 'SessionNotConnected'
        ((Get-TokenCount $Cloud) - $before) | Should -Be 1
    }

    It '-Verbose says that it connects on first use, as Connect-OpenStack with no arguments would' {
        $r = Invoke-FreshPwsh -Environment $FakeEnv -Script 'Get-OSImage -Verbose 4>&1 | ForEach-Object { "$_" }'
        $r.Out | Should -Match 'connecting on first use from the OS_\* variables \(Password at http://127\.0\.0\.1:\d+/identity/v3\), as Connect-OpenStack with no arguments would'
        $r.Out | Should -Match 'Connected as admin \(project admin\)'
    }

    It 'Start-ThreadJob runspaces share the first-use session too' {
        $before = Get-TokenCount $Cloud
        $r = Invoke-FreshPwsh -Environment $FakeEnv -Script @'
$jobs = 1..3 | ForEach-Object { Start-ThreadJob { (Get-OSProject).Name -join ',' } }
$names = $jobs | Receive-Job -Wait -AutoRemoveJob
[pscustomobject]@{ Names = @($names) } | ConvertTo-Json -Compress
'@
        (Get-Answer $r).Names | Should -Be @('admin', 'admin', 'admin')
        ((Get-TokenCount $Cloud) - $before) | Should -Be 1
    }

    It "the prompt's explicit Connect-OpenStack wins over OS_* and is shared with -Parallel and thread jobs without `$using:" {
        $before = Get-TokenCount $Cloud
        $r = Invoke-FreshPwsh -Environment ($FakeEnv + @{ DEMO_PW = 'demo-Passw0rd' }) -Script @'
$c = [pscredential]::new('demo', (ConvertTo-SecureString $env:DEMO_PW -AsPlainText -Force))
Connect-OpenStack -Credential $c -ProjectName demo | Out-Null
$parallel = 1..4 | ForEach-Object -Parallel { (Get-OSProject).Name -join ',' }
$job = Start-ThreadJob { (Get-OSProject).Name -join ',' } | Receive-Job -Wait -AutoRemoveJob
[pscustomobject]@{ Here = (Get-OSProject).Name -join ','; Parallel = @($parallel); Job = $job } | ConvertTo-Json -Compress
'@
        $a = Get-Answer $r
        $a.Here | Should -Be 'demo'
        $a.Parallel | Should -Be @('demo', 'demo', 'demo', 'demo')
        $a.Job | Should -Be 'demo'
        ((Get-TokenCount $Cloud) - $before) | Should -Be 1
    }

    It "a parallel runspace's own Connect-OpenStack stays its own" {
        $r = Invoke-FreshPwsh -Environment ($FakeEnv + @{ DEMO_PW = 'demo-Passw0rd' }) -Script @'
$answers = 1..4 | ForEach-Object -Parallel {
    if ($_ -eq 1) {
        $c = [pscredential]::new('demo', (ConvertTo-SecureString $env:DEMO_PW -AsPlainText -Force))
        Connect-OpenStack -Credential $c -ProjectName demo | Out-Null
    }
    Start-Sleep -Milliseconds 300
    "$_=" + ((Get-OSProject).Name -join ',')
} -ThrottleLimit 4
$after = (Get-OSProject).Name -join ','
[pscustomobject]@{ Answers = @($answers | Sort-Object); After = $after } | ConvertTo-Json -Compress
'@
        $a = Get-Answer $r
        $a.Answers | Should -Be @('1=demo', '2=admin', '3=admin', '4=admin')
        $a.After | Should -Be 'admin'
    }

    It 'with no session and no OS_CLOUD or OS_AUTH_URL, a cmdlet says how to connect' {
        $r = Invoke-FreshPwsh -Script 'try { Get-OSImage -ErrorAction Stop } catch { [pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Message = "$_" } | ConvertTo-Json -Compress }'
        $a = Get-Answer $r
        $a.Id | Should -BeLike 'SessionNotConnected,*'
        $a.Message | Should -Match 'OS_CLOUD or OS_AUTH_URL'
    }

    It 'Disconnect-OpenStack revokes the first-use session and never connects just to disconnect' {
        $before = Get-TokenCount $Cloud
        $r = Invoke-FreshPwsh -Environment $FakeEnv -Script @'
$e = $null
try { Disconnect-OpenStack -Confirm:$false -ErrorAction Stop } catch { $e = $_.FullyQualifiedErrorId }
$n = @(Get-OSImage).Count
Disconnect-OpenStack -Confirm:$false
$m = @(Get-OSImage).Count
[pscustomobject]@{ Before = $e; N = $n; M = $m } | ConvertTo-Json -Compress
'@
        $a = Get-Answer $r
        $a.Before | Should -BeLike 'SessionNotConnected,*'
        $a.N | Should -BeGreaterThan 0
        $a.M | Should -Be $a.N
        # One token for the first Get-OSImage, another after the disconnect: never one for Disconnect-OpenStack itself.
        ((Get-TokenCount $Cloud) - $before) | Should -Be 2
        (Select-String -Path $Cloud.Log -Pattern 'DELETE /identity/v3/auth/tokens 204' -SimpleMatch) | Should -Not -BeNullOrEmpty
    }
}

Describe 'The HTTP trace under -Debug' {
    BeforeAll {
        $script:Trace = Invoke-FreshPwsh -Environment $FakeEnv -Script @'
$f = Join-Path ([IO.Path]::GetTempPath()) ('sess-up-' + [guid]::NewGuid() + '.img')
[IO.File]::WriteAllBytes($f, [byte[]](1..250))
& {
    Get-OSImage -Debug -Verbose
    $i = New-OSImage -Name sess-traced -File $f -DiskFormat raw -ContainerFormat bare -Debug -Verbose
    Get-OSImage -Id 00000000-0000-0000-0000-00000000dead -Debug -Verbose
    Remove-OSImage $i.Id -Confirm:$false -Debug -Verbose
} *>&1 | ForEach-Object {
    $kind = if ($_ -is [System.Management.Automation.DebugRecord]) { 'DEBUG' } elseif ($_ -is [System.Management.Automation.VerboseRecord]) { 'VERBOSE' } elseif ($_ -is [System.Management.Automation.ErrorRecord]) { 'ERROR' } else { 'OUT' }
    "${kind}: $_"
}
'@
        $script:Lines = $Trace.Out -split "`n" | ForEach-Object TrimEnd
        $script:DebugLines = $Lines | Where-Object { $_ -like 'DEBUG: *' }
    }

    It 'has one line per request of a list: method, URL, status, duration, request id' {
        $DebugLines | Should -Contain ($DebugLines | Where-Object { $_ -match '^DEBUG: HTTP POST http://127\.0\.0\.1:\d+/identity/v3/auth/tokens -> 201 \w+ in \d+ ms, request id req-[0-9a-f-]+$' } | Select-Object -First 1)
        $DebugLines | Where-Object { $_ -match '^DEBUG: HTTP GET http://127\.0\.0\.1:\d+/image/v2/images\?limit=\d+ -> 200 OK in \d+ ms, request id req-[0-9a-f-]+$' } | Should -Not -BeNullOrEmpty
    }

    It 'traces an upload: the POST that creates the image and the PUT of its data' {
        $DebugLines | Where-Object { $_ -match '^DEBUG: HTTP POST http://127\.0\.0\.1:\d+/image/v2/images -> 201 ' } | Should -Not -BeNullOrEmpty
        $DebugLines | Where-Object { $_ -match '^DEBUG: HTTP PUT http://127\.0\.0\.1:\d+/image/v2/images/[0-9a-f-]+/file -> 204 ' } | Should -Not -BeNullOrEmpty
    }

    It 'traces a failed call with its status and, for an error only, its body' {
        $DebugLines | Where-Object { $_ -match '^DEBUG: HTTP GET .*/images/00000000-0000-0000-0000-00000000dead -> 404 Not Found in \d+ ms, request id req-' } | Should -Not -BeNullOrEmpty
        $bodies = @($DebugLines | Where-Object { $_ -like 'DEBUG: HTTP * body: *' })
        $bodies.Count | Should -Be 1
        $bodies[0] | Should -Match '^DEBUG: HTTP 404 body: .*00000000-0000-0000-0000-00000000dead'
        $Lines | Where-Object { $_ -like 'ERROR: *' } | Should -Match 'ImageNotFound|No image found'
    }

    It 'keeps -Verbose to what the cmdlet does: pages and changes, no HTTP lines' {
        $verbose = $Lines | Where-Object { $_ -like 'VERBOSE: *' }
        $verbose | Where-Object { $_ -match '^VERBOSE: Page 1: \d+ image\(s\)' } | Should -Not -BeNullOrEmpty
        $verbose | Where-Object { $_ -like 'VERBOSE: HTTP *' } | Should -BeNullOrEmpty
    }

    It 'shows no secret anywhere: no password, no token, no X-Auth-Token header' {
        $Trace.All | Should -Not -Match ([regex]::Escape($Password))
        $Trace.All | Should -Not -Match 'gAAAAA'
        $Trace.All | Should -Not -Match 'X-Auth-Token|X-Subject-Token'
        $DebugLines.Count | Should -BeGreaterThan 5
    }

    It '-Debug alone (no -Verbose) traces without prompting, in a non-interactive pwsh' {
        # PowerShell makes Verbose "Inquire" under -Debug alone: a cmdlet that writes Verbose (Remove-*) would
        # prompt, and fail in pwsh -NonInteractive, if the module let it through.
        $r = Invoke-FreshPwsh -Environment $FakeEnv -Script @'
& { Get-OSImage -Debug; $n = New-OSNetwork -Name sess-dbg -Debug; Remove-OSNetwork $n.Id -Confirm:$false -Debug } 5>&1 | ForEach-Object { "$_" }
"exit=$?"
'@
        $r.Out | Should -Match '(?m)^HTTP GET .*/image/v2/images\?limit=\d+ -> 200 OK'
        $r.All | Should -Not -Match 'NonInteractive|prompt|PromptForChoice|ActionPreferenceStop'
        $r.Out | Should -Match '(?m)^HTTP DELETE .*/v2.0/networks/[0-9a-f-]+ -> 204 '
        $r.Out | Should -Match 'exit=True'
    }

    It 'OSPS_DEBUG=1 sends the same trace to standard error, without -Debug, for runbooks' {
        $r = Invoke-FreshPwsh -Environment ($FakeEnv + @{ OSPS_DEBUG = '1' }) -Script '@(Get-OSImage).Count; Get-OSImage -Id nope -ErrorAction SilentlyContinue'
        $r.Err | Should -Match '(?m)^OSPS DEBUG: HTTP POST http://127\.0\.0\.1:\d+/identity/v3/auth/tokens -> 201 '
        $r.Err | Should -Match '(?m)^OSPS DEBUG: HTTP GET .*/image/v2/images\?limit=\d+ -> 200 OK'
        $r.Err | Should -Match '(?m)^OSPS DEBUG: HTTP 404 body: '
        $r.All | Should -Not -Match ([regex]::Escape($Password))
        $r.All | Should -Not -Match 'gAAAAA'
        # Without the switch, nothing is traced.
        (Invoke-FreshPwsh -Environment $FakeEnv -Script '@(Get-OSImage).Count').All | Should -Not -Match 'HTTP GET'
    }
}

Describe 'Help that reads as help' {
    BeforeAll {
        $script:Exported = (Import-PowerShellDataFile (Join-Path $Repo 'OpenStack.PowerShell.psd1')).CmdletsToExport
        $r = Invoke-FreshPwsh -Script "Import-Module '$Manifest'; Get-Help about_OpenStack.PowerShell | Out-String -Width 200"
        $script:About = $r.Out
    }

    It 'Get-Help about_OpenStack.PowerShell is plain text: no front matter, no Markdown' {
        $About | Should -Match 'SHORT DESCRIPTION'
        $About | Should -Not -Match '(?m)^---\s*$'
        $About | Should -Not -Match '(?m)^(title|schema|Locale|Module Name):'
        $About | Should -Not -Match '(?m)^\s*#{1,6} '
        $About | Should -Not -Match '(?m)```|\*\*\w|\|\s*-{3,}|^\s*\|'
        $About | Should -Not -Match '`[A-Za-z-]+`'
    }

    It 'is current for every service' {
        foreach ($service in 'Keystone', 'Glance', 'Nova', 'Neutron') { $About | Should -Match $service }
        $About | Should -Not -Match 'Keystone v3 and Glance v2\)'
    }

    It 'names every exported cmdlet (CmdletsToExport of the psd1)' {
        $Exported.Count | Should -BeGreaterThan 30
        foreach ($name in $Exported) { $About | Should -Match "(?<![\w-])$([regex]::Escape($name))(?![\w-])" -Because "$name is exported" }
    }

    It 'README.md names every exported cmdlet' {
        $readme = Get-Content (Join-Path $Repo 'README.md') -Raw
        foreach ($name in $Exported) { $readme | Should -Match "(?<![\w-])$([regex]::Escape($name))(?![\w-])" -Because "$name is exported" }
        $readme | Should -Not -Match 'rebuild, snapshot'
    }

    It 'its ConfirmImpact table is the code''s, and every Remove-* is High' {
        $r = Invoke-FreshPwsh -Script @"
Import-Module '$Manifest'
Get-Command -Module OpenStack.PowerShell | ForEach-Object {
    `$a = `$_.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], `$false)[0]
    if (`$a.SupportsShouldProcess) { [pscustomobject]@{ Name = `$_.Name; Impact = "`$(`$a.ConfirmImpact)" } }
} | ConvertTo-Json -Compress
"@
        $actual = Get-Answer $r
        $actual.Count | Should -BeGreaterThan 20
        foreach ($c in $actual) {
            $About | Should -Match "(?m)^\s+$([regex]::Escape($c.Name))\s+$($c.Impact)\s*$" -Because "$($c.Name) is $($c.Impact) in the code"
            if ($c.Name -like 'Remove-*') { $c.Impact | Should -Be 'High' -Because "$($c.Name) deletes" }
        }
    }

    It 'lists every ErrorId the code emits (read from the source)' {
        $src = Get-ChildItem (Join-Path $Repo 'src') -Recurse -Filter *.cs | Where-Object FullName -notmatch '[\\/](bin|obj)[\\/]'
        $text = $src | ForEach-Object { Get-Content $_.FullName -Raw }
        $fixed = [regex]::Matches(($text -join "`n"), 'ErrorRecords\.Create\("(\w+)"|new ErrorRecord\([^;]*?"(\w+)",\s*ErrorCategory') |
            ForEach-Object { if ($_.Groups[1].Success) { $_.Groups[1].Value } else { $_.Groups[2].Value } }
        $classify = Get-Content (Join-Path $Repo 'src/OpenStack.PowerShell/Infrastructure/ErrorRecords.cs') -Raw
        $fixed += [regex]::Matches($classify, 'return \("(\w+)",') | ForEach-Object { $_.Groups[1].Value }
        $fixed += [regex]::Matches($classify, '\? "(\w+)" :') | ForEach-Object { $_.Groups[1].Value }
        # Ids made of a noun and a problem, wherever the code builds them (the error table, the cmdlet bases).
        $patterns = [regex]::Matches(($text -join "`n"), '(?:\bnoun|\bErrorNoun|\w+\.Noun\.ErrorNoun|Pascal\(\w+\.Kind\)) \+ "(\w+)"') | ForEach-Object { '<Noun>' + $_.Groups[1].Value }
        # Ids built from an enum: each value of the enum, with its prefix.
        $enumFiles = @{ 'input' = 'ImageInputProblem'; 'data' = 'ImageDataProblem'; 'config' = 'CloudConfigProblem'; 'import' = 'ImageImportProblem' }
        foreach ($m in [regex]::Matches($classify, '"(\w+)" \+ (\w+)\.Problem')) {
            $enum = $enumFiles[$m.Groups[2].Value]
            $enum | Should -Not -BeNullOrEmpty -Because "ErrorRecords.cs builds ids from $($m.Groups[2].Value).Problem, which this test does not know yet"
            $body = [regex]::Match(($text -join "`n"), "enum $enum\s*\{([^}]*)\}").Groups[1].Value
            $values = [regex]::Matches(($body -replace '///[^\n]*', ''), '(\w+)\s*,?') | ForEach-Object { $_.Groups[1].Value }
            foreach ($v in $values) { if ("$($m.Groups[1].Value)$v" -ne 'CloudConfigCloudNotFound') { $fixed += "$($m.Groups[1].Value)$v" } }
        }
        $fixed = $fixed | Where-Object { $_ } | Sort-Object -Unique
        $fixed.Count | Should -BeGreaterThan 25
        foreach ($id in $fixed) { $About | Should -Match "(?m)^\s+$id\s" -Because "the code emits $id" }
        foreach ($p in ($patterns | Sort-Object -Unique)) { $About | Should -Match ([regex]::Escape($p)) -Because "the code emits $p" }
        # Every noun of those patterns is named.
        $nouns = [regex]::Matches(($text -join "`n"), 'ErrorNoun => "(\w+)"|ErrorRecords\.From\(\w+, "(\w+)"|NotFoundException\("(\w+)"|new ResourceNoun\("(\w+)"') |
            ForEach-Object { ($_.Groups | Select-Object -Skip 1 | Where-Object Success | Select-Object -First 1).Value } |
            ForEach-Object { $_.Substring(0, 1).ToUpperInvariant() + $_.Substring(1) } | Sort-Object -Unique
        $nounLine = ($About -replace '\s+', ' ')
        foreach ($n in $nouns) { $nounLine | Should -Match "The nouns are [^.]*\b$n\b" -Because "errors are made with the noun $n" }
    }

    It 'build.ps1 is committed executable' {
        $mode = (git -C $Repo ls-files -s build.ps1) -split '\s+' | Select-Object -First 1
        $mode | Should -Be '100755'
    }
}

Describe 'Completion everywhere a name or id is typed' {
    BeforeAll {
        # A fresh pwsh with only OS_* set: nothing connected before the first Tab.
        $clouds = Join-Path $Work 'cwd'
        New-Item -ItemType Directory -Path $clouds -Force | Out-Null
        Set-Content (Join-Path $clouds 'clouds.yaml') "clouds:`n  sess-yaml:`n    auth:`n      auth_url: http://127.0.0.1:1/v3`n"
        $script:TokensBefore = Get-TokenCount $Cloud
        $r = Invoke-FreshPwsh -Environment $FakeEnv -WorkingDirectory $clouds -Script @'
Import-Module OpenStack.PowerShell
function Complete([string] $line) { @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) }
$lines = [ordered]@{
    image = 'Get-OSImage -Name sess-'; imageParam = 'New-OSServer -Image sess-'; imageId = 'Get-OSImage -Id '
    server = 'Get-OSServer -Name sess-'; serverTarget = 'Remove-OSServer sess-'; serverId = 'Invoke-OSServerAction -Id '
    flavor = 'New-OSServer -Flavor m1.'; flavorId = 'Get-OSFlavor -Id '
    keypair = 'New-OSServer -KeyName sess-'; network = 'New-OSServer -Network sess-'; networkName = 'Get-OSNetwork sess-'
    networkId = 'Get-OSNetwork -Id '; subnet = 'Get-OSSubnet sess-'; subnetId = 'Get-OSSubnet -Id '
    router = 'Get-OSRouter sess-'; routerId = 'Get-OSRouter -Id '; project = 'Get-OSProject adm'; removeProject = 'Remove-OSProject adm'
    cloud = 'Connect-OpenStack -Cloud sess-'; disk = 'New-OSImage -DiskFormat qc'
}
$answer = [ordered]@{}
foreach ($k in $lines.Keys) { $answer[$k] = Complete $lines[$k] }
$n = New-OSNetwork -Name sess-made-now
$answer.afterNew = Complete 'Get-OSNetwork sess-'
Remove-OSNetwork $n.Id -Confirm:$false
$answer.afterRemove = Complete 'Get-OSNetwork sess-'
[pscustomobject]$answer | ConvertTo-Json -Compress -Depth 3
'@
        $script:Completions = Get-Answer $r
        $script:TokensAfter = Get-TokenCount $Cloud
    }

    It 'completes <Key> from the session connecting on first use would make' -ForEach @(
        @{ Key = 'image'; Expected = 'sess-img' }, @{ Key = 'imageParam'; Expected = 'sess-img' },
        @{ Key = 'server'; Expected = 'sess-srv' }, @{ Key = 'serverTarget'; Expected = 'sess-srv' },
        @{ Key = 'flavor'; Expected = 'm1.tiny' }, @{ Key = 'keypair'; Expected = 'sess-key' },
        @{ Key = 'network'; Expected = 'sess-net' }, @{ Key = 'networkName'; Expected = 'sess-net' },
        @{ Key = 'subnet'; Expected = 'sess-sub' }, @{ Key = 'router'; Expected = 'sess-rtr' },
        @{ Key = 'project'; Expected = 'admin' }, @{ Key = 'removeProject'; Expected = 'admin' },
        @{ Key = 'cloud'; Expected = 'sess-yaml' }, @{ Key = 'disk'; Expected = 'qcow2' }
    ) {
        $Completions.$Key | Should -Contain $Expected
    }

    It 'completes -Id with the ids of the cmdlet''s own resource (<Key>)' -ForEach @(
        @{ Key = 'imageId'; Seed = 'Image' }, @{ Key = 'serverId'; Seed = 'Server' }, @{ Key = 'networkId'; Seed = 'Network' },
        @{ Key = 'subnetId'; Seed = 'Subnet' }, @{ Key = 'routerId'; Seed = 'Router' }
    ) {
        $Completions.$Key | Should -Contain $Seeded.$Seed
        # Ids only: no name is offered to -Id.
        $Completions.$Key | Where-Object { $_ -like 'sess-*' } | Should -BeNullOrEmpty
    }

    It 'completes flavor ids' {
        $Completions.flavorId | Should -Not -BeNullOrEmpty
        $Completions.flavorId | Should -Not -Contain 'm1.tiny'
    }

    It 'forgets what the module itself created or removed' {
        $Completions.afterNew | Should -Contain 'sess-made-now'
        $Completions.afterRemove | Should -Not -Contain 'sess-made-now'
    }

    It 'connected once for all of it' {
        ($TokensAfter - $TokensBefore) | Should -Be 1
    }
}

Describe 'CreateImage -Wait' {
    It 'on the fake cloud writes the active snapshot' {
        $r = Invoke-FreshPwsh -Environment $FakeEnv -Script @'
$i = Invoke-OSServerAction sess-srv -Action CreateImage -ImageName sess-snap -Wait -PassThru
[pscustomobject]@{ Name = $i.Name; Status = $i.Status } | ConvertTo-Json -Compress
Remove-OSImage $i.Id -Confirm:$false
'@
        $a = ($r.Out -split "`n" | Where-Object { $_ -like '{*' } | Select-Object -First 1) | ConvertFrom-Json
        $a.Name | Should -Be 'sess-snap'
        $a.Status | Should -Be 'active'
    }

    It 'on the real cloud waits until the snapshot is active, and fails naming its state when it is not' -Skip:(-not $RealCloud) {
        $prefix = 'session-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $r = Invoke-FreshPwsh -Environment $RealEnv -Script @"
`$prefix = '$prefix'
`$answer = [ordered]@{}
`$image = Get-OSImage -Status active | Where-Object { `$_.Name -notlike 'session-*' } | Select-Object -First 1
`$server = New-OSServer -Name "`$prefix-vm" -Image `$image.Id -Flavor m1.tiny -NoNetwork -Wait -Timeout 300 -ErrorVariable setupErrors
`$answer.Setup = "`$image.Name: `$setupErrors"
try {
    # Nova's fake virt driver uploads no data: the snapshot stays queued, and -Wait must say so, not return it.
    `$e = `$null
    `$short = Invoke-OSServerAction -Id `$server.Id -Action CreateImage -ImageName "`$prefix-queued" -Wait -Timeout 15 -ErrorVariable e -ErrorAction SilentlyContinue
    `$answer.ShortOutput = @(`$short).Count
    `$answer.ShortError = "`$(`$e[0].FullyQualifiedErrorId)|`$(`$e[0])"
    # A driver that uploads: do what the libvirt driver does (PUT the data) while -Wait waits, from another runspace.
    `$job = Start-ThreadJob -ArgumentList `$server.Id, `$prefix { param(`$id, `$p) Invoke-OSServerAction -Id `$id -Action CreateImage -ImageName "`$p-snap" -Wait -PassThru -Timeout 120 }
    `$snap = `$null
    for (`$t = 0; `$t -lt 120 -and -not `$snap; `$t++) { Start-Sleep 1; `$snap = Get-OSImage -Name "`$prefix-snap" -ErrorAction SilentlyContinue }
    `$answer.SeenQueued = `$snap.Status
    Start-Sleep 3
    `$answer.StillWaiting = `$job.State
    `$body = @{ auth = @{ identity = @{ methods = @('password'); password = @{ user = @{ name = `$env:OS_USERNAME; domain = @{ name = `$env:OS_USER_DOMAIN_NAME }; password = `$env:OS_PASSWORD } } }; scope = @{ project = @{ name = `$env:OS_PROJECT_NAME; domain = @{ name = `$env:OS_PROJECT_DOMAIN_NAME } } } } } | ConvertTo-Json -Depth 8
    `$auth = Invoke-WebRequest -Method Post -Uri (`$env:OS_AUTH_URL.TrimEnd('/') + '/auth/tokens') -ContentType 'application/json' -Body `$body
    `$glance = (Get-OSCatalog | Where-Object { `$_.Type -eq 'image' -and `$_.Interface -eq 'public' } | Select-Object -First 1).Url.ToString().TrimEnd('/')
    `$headers = @{ 'X-Auth-Token' = "`$(`$auth.Headers['X-Subject-Token'])" }
    try {
        # The driver sets the formats with the upload (Glance refuses data before them).
        `$patch = '[{"op": "add", "path": "/disk_format", "value": "raw"}, {"op": "add", "path": "/container_format", "value": "bare"}]'
        Invoke-RestMethod -Method Patch -Uri "`$glance/v2/images/`$(`$snap.Id)" -ContentType 'application/openstack-images-v2.1-json-patch' -Headers `$headers -Body `$patch | Out-Null
        Invoke-RestMethod -Method Put -Uri "`$glance/v2/images/`$(`$snap.Id)/file" -ContentType 'application/octet-stream' -Headers `$headers -Body ([byte[]](1..250)) | Out-Null
    }
    catch { `$answer.UploadError = "`$_" }
    `$done = `$job | Receive-Job -Wait -AutoRemoveJob -ErrorVariable jobErrors
    `$answer.JobErrors = "`$jobErrors"
    `$answer.Final = "`$(`$done.Name)|`$(`$done.Status)"
}
finally {
    Remove-OSServer -Id `$server.Id -Confirm:`$false -Wait -ErrorAction SilentlyContinue
    Get-OSImage -Name "`$prefix-*" | Remove-OSImage -Confirm:`$false -ErrorAction SilentlyContinue
}
[pscustomobject]`$answer | ConvertTo-Json -Compress
"@
        $a = Get-Answer $r
        $a.Setup | Should -Match ': $'
        $a.ShortOutput | Should -Be 0
        $a.ShortError | Should -Match "^ImageWaitTimeout,.*still 'queued'"
        $a.SeenQueued | Should -Be 'queued'
        $a.StillWaiting | Should -Be 'Running'
        $a.UploadError | Should -BeNullOrEmpty
        $a.JobErrors | Should -BeNullOrEmpty
        $a.Final | Should -Be "$prefix-snap|active"
    }
}

Describe 'Quota answers on the real cloud' -Skip:(-not $RealCloudAdminCli) {
    BeforeAll {
        $script:QuotaProject = 'session-quota-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        openstack project create $QuotaProject -f value -c id | Out-Null
        openstack role add --project $QuotaProject --user admin member
        openstack quota set --instances 0 --networks 0 $QuotaProject
    }
    AfterAll {
        if ($script:QuotaProject) {
            $env:OS_PROJECT_NAME, $saved = $QuotaProject, $env:OS_PROJECT_NAME
            openstack image list --private -f value -c ID | ForEach-Object { openstack image delete $_ 2>$null }
            $env:OS_PROJECT_NAME = $saved
            openstack project delete $QuotaProject
        }
    }

    It 'Nova''s 403 and Neutron''s 409 "Quota exceeded" are ServerQuotaExceeded and NetworkQuotaExceeded (QuotaExceeded)' {
        $quotaEnv = $RealEnv.Clone()
        $quotaEnv['OS_PROJECT_NAME'] = $QuotaProject
        $r = Invoke-FreshPwsh -Environment $quotaEnv -Script @'
$f = Join-Path ([IO.Path]::GetTempPath()) ('sess-q-' + [guid]::NewGuid() + '.img')
[IO.File]::WriteAllBytes($f, [byte[]](1..250))
$img = New-OSImage -Name session-quota-img -File $f -DiskFormat raw -ContainerFormat bare
$answer = [ordered]@{}
New-OSServer -Name session-quota-vm -Image $img.Id -Flavor m1.tiny -NoNetwork -ErrorVariable e -ErrorAction SilentlyContinue | Out-Null
$answer.Server = "$($e[0].FullyQualifiedErrorId)|$($e[0].CategoryInfo.Category)|$($e[0].Exception.Message)"
New-OSNetwork -Name session-quota-net -ErrorVariable n -ErrorAction SilentlyContinue | Out-Null
$answer.Network = "$($n[0].FullyQualifiedErrorId)|$($n[0].CategoryInfo.Category)|$($n[0].Exception.Message)"
Remove-OSImage $img.Id -Confirm:$false
[pscustomobject]$answer | ConvertTo-Json -Compress
'@
        $a = Get-Answer $r
        $a.Server | Should -Match '^ServerQuotaExceeded,[^|]*\|QuotaExceeded\|.*Quota exceeded for instances'
        $a.Network | Should -Match '^NetworkQuotaExceeded,[^|]*\|QuotaExceeded\|.*Quota exceeded for resources'
    }
}
