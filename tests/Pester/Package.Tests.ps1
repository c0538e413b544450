# Installable the way users install modules: the build's .nupkg files in a local PSResourceGet repository,
# Install-PSResource into a throw-away user scope, Import-Module by name, connect to the test cloud.
# Runs in a child pwsh whose HOME and XDG_DATA_HOME are a temporary folder, so neither the repository registration
# nor the installed modules touch the real user's (and the repository is unregistered anyway).
Describe 'Install from a local repository' {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        $packages = "$script:RepoRoot/out/packages"
        $scratch = Join-Path ([IO.Path]::GetTempPath()) "pester-install-$([Guid]::NewGuid().ToString('N'))"
        # .NET answers "" for LocalApplicationData when the folder does not exist, and PSResourceGet would then write its
        # repository list into the current directory: make the folders first.
        $null = New-Item -ItemType Directory -Path "$scratch/home/.local/share", "$scratch/home/.config"
        $repo = New-Item -ItemType Directory -Path "$scratch/repo"
        Copy-Item "$packages/*.nupkg" $repo
        $output = Invoke-ChildPwsh @{} -Bare -Environment @{ HOME = "$scratch/home"; XDG_DATA_HOME = "$scratch/home/.local/share"; XDG_CONFIG_HOME = "$scratch/home/.config"; PSModulePath = $null } @"
Register-PSResourceRepository -Name local -Uri '$repo' -Trusted
try {
    `$found = Find-PSResource -Name OpenStack.PowerShell -Repository local
    'found=' + `$found.Name + ' ' + `$found.Version + ' tags=' + (`$found.Tags -join ',')
    'project=' + `$found.ProjectUri + ' license=' + `$found.LicenseUri
    Install-PSResource -Name OpenStack.PowerShell, OpenStack.PowerShell.TestCloud -Repository local -Scope CurrentUser -TrustRepository -ErrorAction Stop
    Import-Module OpenStack.PowerShell -ErrorAction Stop
    Import-Module OpenStack.PowerShell.TestCloud -ErrorAction Stop
    'loaded-from=' + (Get-Module OpenStack.PowerShell).ModuleBase
    'license-file=' + (Test-Path (Join-Path (Get-Module OpenStack.PowerShell).ModuleBase LICENSE))
    `$cloud = Start-OSTestCloud
    `$session = `$cloud | Connect-OpenStack
    'connected=' + `$session.UserName
    'images=' + ((Get-OSImage).Name -join ',')
    `$cloud | Stop-OSTestCloud
}
finally {
    Unregister-PSResourceRepository -Name local
    'repositories=' + ((Get-PSResourceRepository).Name -join ',')
}
"@
        $text = $output -join "`n"
    }
    AfterAll { Remove-Item -Recurse -Force $scratch -ErrorAction SilentlyContinue }

    It 'the build made both packages' {
        Test-Path "$packages/OpenStack.PowerShell.*.nupkg" | Should -BeTrue
        Test-Path "$packages/OpenStack.PowerShell.TestCloud.*.nupkg" | Should -BeTrue
    }

    It 'Find-PSResource sees the manifest''s version, tags, project and license' {
        $version = (Import-PowerShellDataFile "$script:RepoRoot/OpenStack.PowerShell.psd1").ModuleVersion
        $text | Should -Match "found=OpenStack.PowerShell $([regex]::Escape($version))"
        $text | Should -Match 'tags=.*OpenStack'
        $text | Should -Match 'project=https://'
        $text | Should -Match 'license=https://www.apache.org/licenses/LICENSE-2.0'
    }

    It 'Install-PSResource installs into the temporary user scope and Import-Module by name loads it from there' {
        $text | Should -Match ("loaded-from=" + [regex]::Escape("$scratch/home"))
        $text | Should -Match 'license-file=True'
    }

    It 'the installed module connects to the installed test cloud' {
        $text | Should -Match 'connected=admin'
        $text | Should -Match 'images=.*cirros-0.6.2-x86_64-disk'
        $text | Should -Not -Match 'Exception|error' -Because $text
    }

    It 'leaves no repository registered, and wrote its list only under the temporary home' {
        Test-Path "$scratch/home/.local/share/PSResourceGet/PSResourceRepository.xml" | Should -BeTrue
        Test-Path "$script:RepoRoot/PSResourceGet" | Should -BeFalse
        $text | Should -Match 'repositories=(PSGallery)?$' -Because $text
    }
}
