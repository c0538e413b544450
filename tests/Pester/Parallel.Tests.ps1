# One session shared by ForEach-Object -Parallel runspaces and thread jobs (passed with $using:).
BeforeDiscovery { . $PSScriptRoot/TestHelpers.ps1; $targets = @(Get-TestTarget) }

Describe 'Parallel work with a shared session on the <Name> cloud' -ForEach $targets {
    BeforeAll {
        . $PSScriptRoot/TestHelpers.ps1
        $ctx = Connect-TestTarget $_
        $manifest = $script:ModuleManifest
        $expected = @(Get-OSImage).Id | Sort-Object
    }
    AfterAll { Disconnect-TestTarget $ctx }

    It 'ForEach-Object -Parallel lists with the session from $using:' {
        $s = $ctx.Session
        $lists = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:manifest
            , @((Get-OSImage -Session $using:s).Id | Sort-Object)
        }
        @($lists).Count | Should -Be 4
        foreach ($list in $lists) { $list | Should -Be $expected }
    }

    It 'ForEach-Object -Parallel gets each image by id in its own runspace' {
        $s = $ctx.Session
        $names = $expected | ForEach-Object -ThrottleLimit 3 -Parallel {
            Import-Module $using:manifest
            (Get-OSImage -Id $_ -Session $using:s).Id
        }
        $names | Sort-Object | Should -Be $expected
    }

    It 'Start-ThreadJob with the session returns the same objects as the caller gets' {
        $s = $ctx.Session
        $jobs = 1..3 | ForEach-Object { Start-ThreadJob { Import-Module $using:manifest; Get-OSFlavor -Session $using:s } }
        $results = $jobs | Receive-Job -Wait -AutoRemoveJob
        @($results).Count | Should -Be (3 * @(Get-OSFlavor).Count)
        $results[0].GetType().FullName | Should -Be 'OpenStack.Client.Compute.V2.Flavor'
    }

    It 'a thread job failure comes back as an error record with the module''s ErrorId' {
        $s = $ctx.Session
        $job = Start-ThreadJob { Import-Module $using:manifest; Get-OSImage -Id 00000000-0000-0000-0000-000000000000 -Session $using:s }
        $null = $job | Receive-Job -Wait -AutoRemoveJob -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Match '^ImageNotFound'
    }
}
