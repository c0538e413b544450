@{
    RootModule           = 'OpenStack.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0c7a3e-52b1-4d8e-9a41-2f6b1c0e9d73'
    Author               = 'OpenStack.PowerShell contributors'
    Copyright            = '(c) OpenStack.PowerShell contributors. Apache-2.0.'
    Description          = 'Drive OpenStack clouds (Keystone v3, Glance v2, Nova v2.1) from PowerShell with typed objects, pipelines, -WhatIf and clear errors.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('OpenStack.PowerShell.Format.ps1xml', 'OpenStack.PowerShell.Compute.Format.ps1xml', 'OpenStack.PowerShell.Network.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-OpenStack'
        'Disconnect-OpenStack'
        'Get-OSProject'
        'New-OSProject'
        'Remove-OSProject'
        'Get-OSCatalog'
        'Get-OSImage'
        'New-OSImage'
        'Set-OSImage'
        'Remove-OSImage'
        'Save-OSImage'
        'Copy-OSImage'
        'Get-OSImageStore'
        'Get-OSImageImportMethod'
        'Add-OSImageMember'
        'Get-OSImageMember'
        'Set-OSImageMember'
        'Remove-OSImageMember'
        'Get-OSServer'
        'New-OSServer'
        'Invoke-OSServerAction'
        'Remove-OSServer'
        'Get-OSFlavor'
        'New-OSFlavor'
        'Remove-OSFlavor'
        'Get-OSKeypair'
        'New-OSKeypair'
        'Remove-OSKeypair'
        'Get-OSNetwork'
        'New-OSNetwork'
        'Set-OSNetwork'
        'Remove-OSNetwork'
        'Get-OSSubnet'
        'New-OSSubnet'
        'Set-OSSubnet'
        'Remove-OSSubnet'
        'Get-OSSecurityGroup'
        'New-OSSecurityGroup'
        'Set-OSSecurityGroup'
        'Remove-OSSecurityGroup'
        'Get-OSSecurityGroupRule'
        'New-OSSecurityGroupRule'
        'Remove-OSSecurityGroupRule'
        'Get-OSRouter'
        'New-OSRouter'
        'Set-OSRouter'
        'Remove-OSRouter'
        'Add-OSRouterInterface'
        'Remove-OSRouterInterface'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('OpenStack', 'Keystone', 'Glance', 'Nova', 'Cloud')
            LicenseUri = 'https://www.apache.org/licenses/LICENSE-2.0'
        }
    }
}
