@{
    RootModule           = 'OpenStack.PowerShell.TestCloud.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'b3d0c1a8-7e42-4f5a-9c6e-1d2f3a4b5c6d'
    Author               = 'OpenStack.PowerShell contributors'
    CompanyName          = 'OpenStack.PowerShell contributors'
    Copyright            = '(c) OpenStack.PowerShell contributors. Apache-2.0.'
    Description          = 'An offline OpenStack (Keystone v3, Glance v2, Nova v2.1, Neutron v2.0) in memory on 127.0.0.1, to Pester-test runbooks written with OpenStack.PowerShell: $cloud = Start-OSTestCloud; $cloud | Connect-OpenStack. Needs PowerShell 7.6 on .NET 10 with the ASP.NET Core 10 runtime.'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('OpenStack.PowerShell.TestCloud.Format.ps1xml')
    CmdletsToExport      = @('Start-OSTestCloud', 'Stop-OSTestCloud')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('OpenStack', 'Testing', 'Pester', 'Mock', 'Keystone', 'Glance', 'Nova', 'Neutron', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ProjectUri   = 'https://github.com/openstack-powershell/OpenStack.PowerShell'
            ReleaseNotes = '0.1.0: Start-OSTestCloud (-Port, -Seed Default|Empty) and Stop-OSTestCloud.'
        }
    }
}
