<#
    Shared setup for every *.Tests.ps1 of the Pester suite. Dot-source it in BeforeDiscovery (for the targets) and in
    BeforeAll (for the functions):

        BeforeDiscovery { . $PSScriptRoot/TestHelpers.ps1; $targets = Get-TestTarget }
        Describe 'Something on <Name>' -ForEach $targets {
            BeforeAll { . $PSScriptRoot/TestHelpers.ps1; $ctx = Connect-TestTarget $_ }
            ...
        }

    The module is imported through its staged manifest (out/OpenStack.PowerShell/OpenStack.PowerShell.psd1, or
    $env:OSPS_TEST_MODULE), the fake cloud through the staged test-cloud module (out/OpenStack.PowerShell.TestCloud,
    or $env:OSPS_TEST_CLOUD_MODULE). The real cloud is a target when OS_AUTH_URL is set; tests that change things
    on it name what they create "pester-…" and delete it.
#>
Set-StrictMode -Version 3.0
$PSStyle.OutputRendering = 'PlainText'
$ProgressPreference = 'SilentlyContinue'

$script:RepoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
$script:ModuleManifest = if ($env:OSPS_TEST_MODULE) { $env:OSPS_TEST_MODULE } else { "$script:RepoRoot/out/OpenStack.PowerShell/OpenStack.PowerShell.psd1" }
$script:TestCloudManifest = if ($env:OSPS_TEST_CLOUD_MODULE) { $env:OSPS_TEST_CLOUD_MODULE } else { "$script:RepoRoot/out/OpenStack.PowerShell.TestCloud/OpenStack.PowerShell.TestCloud.psd1" }

function Import-TestModule {
    # By path, never by name: a module of the same name elsewhere on PSModulePath must not stand in for the build.
    if (-not (Get-Module OpenStack.PowerShell)) { Import-Module $script:ModuleManifest -ErrorAction Stop }
    if (-not (Get-Module OpenStack.PowerShell.TestCloud)) { Import-Module $script:TestCloudManifest -ErrorAction Stop }
}

function Get-TestTarget {
    <# The clouds a Describe runs on: the fake always, the real one when OS_AUTH_URL is set (and -Real is allowed). #>
    param([switch] $FakeOnly)
    @{ Name = 'fake'; Kind = 'Fake' }
    if (-not $FakeOnly -and $env:OS_AUTH_URL) { @{ Name = 'real'; Kind = 'Real' } }
}

function Connect-TestTarget {
    <#
        Connects to a target and returns @{ Kind; Cloud; Session }. For the fake it starts a test cloud (stop it with
        Disconnect-TestTarget in AfterAll). The session becomes the runspace's default.
    #>
    param([Parameter(Mandatory)] [hashtable] $Target, [string] $Seed = 'Default')
    Import-TestModule
    if ($Target.Kind -eq 'Fake') {
        # The fake must not pick up the real cloud's OS_* settings: parameters override them, but OS_CLOUD would not.
        $cloud = Start-OSTestCloud -Seed $Seed
        $session = $cloud | Connect-OpenStack
        return @{ Kind = 'Fake'; Cloud = $cloud; Session = $session }
    }
    $session = Connect-OpenStack
    @{ Kind = 'Real'; Cloud = $null; Session = $session }
}

function Disconnect-TestTarget {
    param([hashtable] $Context)
    if ($null -eq $Context) { return }
    if ($Context.Cloud) { $Context.Cloud | Stop-OSTestCloud }
}

function New-TestName {
    <# A name for something a test creates: "pester-<what>-<random>", so leftovers on the real cloud are recognisable. #>
    param([string] $What = 'obj')
    "pester-$What-" + [Guid]::NewGuid().ToString('N').Substring(0, 8)
}

function Get-OutputSample {
    <#
        One or more objects of every type the module's cmdlets write, keyed by type. On the fake, the things the seed
        lacks (subnet, router, interface, keypair) are created first; on the real cloud only what exists is listed,
        except a keypair that is created and removed by the caller (Remove-OutputSample).
    #>
    param([Parameter(Mandatory)] [hashtable] $Context)
    $samples = [ordered]@{}
    $samples['Session'] = @($Context.Session)
    $samples['Image'] = @(Get-OSImage | Select-Object -First 5)
    $samples['Flavor'] = @(Get-OSFlavor | Select-Object -First 5)
    $samples['Project'] = @(Get-OSProject | Select-Object -First 5)
    $samples['CatalogEntry'] = @(Get-OSCatalog)
    $samples['Network'] = @(Get-OSNetwork | Select-Object -First 5)
    # A network, subnet, router and interface of its own, on either cloud (removed by Remove-OutputSample).
    $network = New-OSNetwork -Name (New-TestName net)
    $subnet = New-OSSubnet -Network $network -Name (New-TestName subnet) -Cidr 10.20.0.0/24
    $router = New-OSRouter -Name (New-TestName router)
    $samples['Created'] = @{ Network = $network; Subnet = $subnet; Router = $router }
    $samples['RouterInterface'] = @(Add-OSRouterInterface -Router $router -Subnet $subnet)
    $keyFile = Join-Path ([IO.Path]::GetTempPath()) ("pester-key-" + [Guid]::NewGuid().ToString('N') + '.pem')
    $samples['Keypair'] = @(New-OSKeypair -Name (New-TestName key) -PrivateKeyFile $keyFile)
    Remove-Item $keyFile -ErrorAction SilentlyContinue
    $samples['Subnet'] = @(@($subnet) + @(Get-OSSubnet | Where-Object Id -NE $subnet.Id | Select-Object -First 4))
    $samples['Router'] = @(@($router) + @(Get-OSRouter | Where-Object Id -NE $router.Id | Select-Object -First 4))
    $samples['Server'] = @(Get-OSServer | Select-Object -First 5)
    # A security group with a rule and a port of the new network (removed by Remove-OutputSample).
    $group = New-OSSecurityGroup -Name (New-TestName sg) -Description 'pester view sample'
    $samples['Created']['SecurityGroup'] = $group
    $samples['SecurityGroup'] = @($group)
    $samples['SecurityGroupRule'] = @(New-OSSecurityGroupRule -SecurityGroup $group -Protocol tcp -Port 22 -RemoteIpPrefix 0.0.0.0/0)
    $samples['Port'] = @(Get-OSPort -Network $network | Select-Object -First 5)
    # Types the target has none of (say, no servers on a fresh real cloud) are left out rather than tested empty.
    foreach ($key in @($samples.Keys)) { if ($key -ne 'Created' -and $samples[$key].Count -eq 0) { $samples.Remove($key) } }
    $samples
}

function Remove-OutputSample {
    <# Deletes what Get-OutputSample created (the keypair, the network, subnet, router and its interface). #>
    param($Samples)
    if (-not $Samples) { return }
    $quiet = @{ Confirm = $false; ErrorAction = 'SilentlyContinue' }
    if ($Samples.Contains('Keypair')) { $Samples['Keypair'] | Remove-OSKeypair @quiet }
    if ($Samples.Contains('Created')) {
        $created = $Samples['Created']
        Remove-OSRouterInterface -Router $created.Router -Subnet $created.Subnet @quiet
        $created.Router | Remove-OSRouter @quiet
        if ($created['SecurityGroup']) { $created.SecurityGroup | Remove-OSSecurityGroup @quiet }
        $created.Network | Remove-OSNetwork @quiet
    }
}

function Get-TableText {
    <# What Format-Table (or -View / Format-List with -List) prints at a console of Width columns, as lines. #>
    param([Parameter(Mandatory)] $InputObject, [int] $Width = 80, [switch] $List)
    $text = if ($List) { $InputObject | Format-List | Out-String -Width $Width } else { $InputObject | Format-Table | Out-String -Width $Width }
    @($text -split "`r?`n")
}

function Get-TableHeader {
    <#
        The header of a table as printed: the non-empty lines above the first line of dashes. A header wrapped into
        fragments ("Pr", "oj", "ec", "t") takes more than one line.
    #>
    param([string[]] $Lines)
    $dash = [Array]::FindIndex($Lines, [Predicate[string]] { param($l) $l -match '^-+( +-+)*\s*$' })
    if ($dash -lt 0) { throw "no table header in:`n$($Lines -join "`n")" }
    @($Lines[0..($dash - 1)] | Where-Object { $_.Trim() })
}

function Get-PwshPath {
    <# The pwsh running this suite (run.sh exports it), for tests that must watch a whole process's console. #>
    if ($env:OSPS_PWSH) { return $env:OSPS_PWSH }
    [Environment]::ProcessPath
}

function Invoke-ChildPwsh {
    <#
        Runs Script in a new pwsh (module imported by path, connected to the context's cloud) and returns its console
        output, stdout and stderr together, as lines. For what only a host prints: -WhatIf text, the error view.
        Environment holds extra variables for the child (e.g. XDG_DATA_HOME); -Bare imports and connects nothing.
    #>
    param([Parameter(Mandatory)] [hashtable] $Context, [Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{}, [switch] $Bare)
    $prelude = @'
$ErrorActionPreference = 'Continue'
$PSStyle.OutputRendering = 'PlainText'
$ProgressPreference = 'SilentlyContinue'
if ($env:OSPS_CHILD_CONNECT -eq '1') {
    Import-Module $env:OSPS_CHILD_MODULE -ErrorAction Stop
    if ($env:OSPS_CHILD_AUTH_URL) {
        $password = ConvertTo-SecureString $env:OSPS_CHILD_PASSWORD -AsPlainText -Force
        $null = Connect-OpenStack -AuthUrl $env:OSPS_CHILD_AUTH_URL -Credential ([pscredential]::new('admin', $password)) -ProjectName admin -UserDomainName Default -ProjectDomainName Default
    } else { $null = Connect-OpenStack }
}
'@
    $vars = @{
        OSPS_CHILD_MODULE = $script:ModuleManifest
        OSPS_CHILD_CONNECT = if ($Bare) { '0' } else { '1' }
        OSPS_CHILD_AUTH_URL = if ($Context['Cloud']) { [string]$Context.Cloud.AuthUrl } else { $null }
        OSPS_CHILD_PASSWORD = if ($Context['Cloud']) { $Context.Cloud.Credential.GetNetworkCredential().Password } else { $null }
        NO_COLOR = '1'
    } + $Environment
    $saved = @{}
    foreach ($name in $vars.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $vars[$name]) }
    try {
        $file = Join-Path ([IO.Path]::GetTempPath()) "pester-child-$([Guid]::NewGuid().ToString('N')).ps1"
        Set-Content -Path $file -Value ($prelude + "`n" + $Script)
        $output = & (Get-PwshPath) -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" }
        $global:ChildExitCode = $LASTEXITCODE
        @($output)
    }
    finally {
        Remove-Item $file -ErrorAction SilentlyContinue
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}
