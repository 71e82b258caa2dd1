# Submit, re-run, settle, reconcile: the closed loop of vendor invoicing against one fresh sandbox.
# Runs on Windows PowerShell 5.1 too: no ternary, no ??, ASCII only.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    Connect-SpApiSandbox $sandbox | Out-Null
    $script:csv = Join-Path $PSScriptRoot '../../docs/examples/vendor-invoices.csv'
    $script:ledger = Join-Path $TestDrive 'ledger'
    $script:us = 'ATVPDKIKX0DER'
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe 'Did Amazon pay my invoices?' {
    It 'submits once, skips the identical re-run, and reconciles each invoice to its status and paid amount' {
        $status = Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -LedgerPath $ledger -Wait -PollIntervalSec 1
        $status.Status | Should -Be 'Success'

        $again = Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -LedgerPath $ledger -Wait -PollIntervalSec 1 -WarningVariable warnings 3>$null
        $again | Should -BeNullOrEmpty
        $warnings.Count | Should -Be 3

        $fresh = @(Get-SpVendorInvoiceReconciliation -MarketplaceId $us -LedgerPath $ledger)
        $fresh.InvoiceId | Should -Be @('INV-1001', 'INV-1002', 'INV-1003')
        $fresh | ForEach-Object { $_.AmazonStatus | Should -Be 'IN_PROGRESS'; $_.TransactionStatus | Should -Be 'Success'; $_.Stale | Should -BeFalse }

        Invoke-RestMethod -Method Post -Uri ([uri]::new($sandbox.Endpoint, '_sandbox/finances/advance?days=20')) | Out-Null
        $settled = @(Get-SpVendorInvoiceReconciliation -MarketplaceId $us -LedgerPath $ledger)
        $settled.AmazonStatus | Should -Be @('PAID', 'PARTIALLY_PAID', 'REJECTED')
        $settled[0].AmountPaid | Should -Be $settled[0].InvoiceAmount
        $settled[0].SubmittedTotal | Should -BeLike "$($settled[0].InvoiceAmount) *"
        $settled[1].AmountPaid | Should -BeLessThan $settled[1].InvoiceAmount
        $settled[1].Variances -join ';' | Should -Match 'PQV \(SHORTAGE\)'
        ($settled | Format-Table InvoiceId, AmazonStatus, AmountPaid | Out-String) | Should -Match 'INV-1001\s+PAID'

        $counters = Get-SpApiSandboxCounter $sandbox
        $counters.byOperation.submitInvoices | Should -Be 1
        $counters.duplicateInvoiceSubmissions | Should -Be 0
    }
}
