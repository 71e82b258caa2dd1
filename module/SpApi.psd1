@{
    RootModule           = 'SpApi.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0f7f1e-3c55-4b0e-9a51-52b7d2f0c8a4'
    Author               = 'SpApi contributors'
    CompanyName          = 'SpApi contributors'
    Copyright            = '(c) SpApi contributors. MIT License.'
    Description          = 'Invoicing through the Amazon Selling Partner API (SP-API) for vendors and sellers: Direct Fulfillment customer invoices, vendor invoice submission and Tax Invoices exports, with Login with Amazon, restricted data tokens, rate limits and retries built in.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('SpApi.Format.ps1xml')
    TypesToProcess       = @('SpApi.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-SpApi'
        'Disconnect-SpApi'
        'Get-SpApiConnection'
        'Get-SpApiProfile'
        'Get-SpCustomerInvoice'
        'Get-SpGovernmentInvoice'
        'Get-SpInvoice'
        'Get-SpInvoiceAttribute'
        'Get-SpInvoiceExport'
        'Get-SpTransactionStatus'
        'New-SpGovernmentInvoice'
        'Get-SpVendorInvoice'
        'Get-SpVendorInvoiceReconciliation'
        'Get-SpVendorInvoiceSubmission'
        'New-SpInvoiceExport'
        'New-SpVendorInvoice'
        'Receive-SpGovernmentInvoice'
        'Receive-SpInvoiceExport'
        'Remove-SpApiProfile'
        'Save-SpApiProfile'
        'Save-SpCustomerInvoice'
        'Submit-SpVendorInvoice'
        'Sync-SpCustomerInvoice'
        'Test-SpVendorInvoice'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Amazon', 'SP-API', 'SellingPartner', 'Vendor', 'Invoice', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/spapi-powershell/SpApi'
            LicenseUri   = 'https://github.com/spapi-powershell/SpApi/blob/main/LICENSE'
            ReleaseNotes = 'See CHANGELOG.md in the module folder.'
        }
    }
}
