# The submission ledger of Submit-SpVendorInvoice and Get-SpVendorInvoiceSubmission against the sandbox.
# Runs on Windows PowerShell 5.1 too: no ternary, no ??, ASCII only.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    Connect-SpApiSandbox $sandbox | Out-Null
    # INV-1001, INV-1002 and INV-1003, one request.
    $script:csv = Join-Path $PSScriptRoot '../../docs/examples/vendor-invoices.csv'
    function Get-Calls([string] $Operation) { Get-SpApiSandboxCall $sandbox $Operation }
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe 'Submit-SpVendorInvoice with a ledger' {
    BeforeEach {
        $script:ledger = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'sends nothing on a second identical run and says why' {
        $before = Get-Calls 'submitInvoices'
        $status = Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -LedgerPath $ledger -Wait -PollIntervalSec 1
        $status.Status | Should -Be 'Success'

        $again = Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -LedgerPath $ledger -Wait -PollIntervalSec 1 -WarningVariable warnings 3>$null
        $again | Should -BeNullOrEmpty
        $warnings.Count | Should -Be 3
        $warnings[0].Message | Should -Match "INV-1001 was already sent with the same content, in transaction $($status.TransactionId) \(status: Success, recorded "
        ((Get-Calls 'submitInvoices') - $before) | Should -Be 1
        (Get-SpApiSandboxCounter $sandbox).duplicateInvoiceSubmissions | Should -Be 0
    }

    It 'lists the ledger, latest record or whole history, and feeds Get-SpTransactionStatus' {
        $sent = Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -LedgerPath $ledger
        $records = @(Get-SpVendorInvoiceSubmission -LedgerPath $ledger)
        $records.InvoiceId | Should -Be @('INV-1001', 'INV-1002', 'INV-1003')
        $records | ForEach-Object { $_.Event.ToString() | Should -Be 'Accepted'; $_.TransactionId | Should -Be $sent.TransactionId }
        @(Get-SpVendorInvoiceSubmission -LedgerPath $ledger -InvoiceId 'INV-100[12]' -History).Count | Should -Be 4
        @(Get-SpVendorInvoiceSubmission -LedgerPath $ledger -Status success).Count | Should -Be 0

        $status = Get-SpVendorInvoiceSubmission -LedgerPath $ledger -InvoiceId INV-1001 |
            Get-SpTransactionStatus -Wait -PollIntervalSec 1 -LedgerPath $ledger -ErrorAction SilentlyContinue -ErrorVariable failed
        $status.TransactionId | Should -Be $sent.TransactionId
        # Final either way: this sandbox has seen these invoice numbers in an earlier test, and fails the repeat as Amazon
        # would; a Failure comes with its SpApiTransactionFailed error.
        $status.IsFinal | Should -BeTrue
        if ($status.Status -eq 'Failure') { $failed[0].FullyQualifiedErrorId | Should -BeLike 'SpApiTransactionFailed,*' }
        # Get-SpTransactionStatus recorded it, for every invoice of the transaction.
        (Get-SpVendorInvoiceSubmission -LedgerPath $ledger).Event | ForEach-Object { $_.ToString() | Should -Be $status.Status }
    }

    It 'refuses the same invoice number with other content unless -Force' {
        Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -LedgerPath $ledger | Out-Null
        $before = Get-Calls 'submitInvoices'
        $changed = Import-Csv $csv | New-SpVendorInvoice | Where-Object id -eq 'INV-1002' | ForEach-Object { $_.Date = '2026-12-01T00:00:00Z'; $_ }

        $changed | Submit-SpVendorInvoice -LedgerPath $ledger -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'DuplicateVendorInvoice,*'
        $problems[0].Exception.Message | Should -Match 'INV-1002 was already sent with different content'
        Get-Calls 'submitInvoices' | Should -Be $before

        $forced = $changed | Submit-SpVendorInvoice -LedgerPath $ledger -Force
        $forced.InvoiceIds | Should -Be 'INV-1002'
        Get-Calls 'submitInvoices' | Should -Be ($before + 1)
    }

    It 'stops on a damaged ledger, sending nothing and changing nothing' {
        Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -LedgerPath $ledger | Out-Null
        $file = Get-ChildItem $ledger -Filter 'submissions-*.jsonl'
        Add-Content -LiteralPath $file.FullName -Value 'not a record'
        $content = Get-Content -Raw -LiteralPath $file.FullName
        $before = Get-Calls 'submitInvoices'

        { Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -LedgerPath $ledger } |
            Should -Throw -ErrorId 'SubmissionLedgerUnavailable,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand' -ExpectedMessage '*line 7*'
        Get-Calls 'submitInvoices' | Should -Be $before
        Get-Content -Raw -LiteralPath $file.FullName | Should -Be $content
    }

    It 'refuses a -LedgerPath outside the file system, sending nothing' {
        $before = Get-Calls 'submitInvoices'
        { Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -LedgerPath Variable:\ledger } |
            Should -Throw -ErrorId 'SubmissionLedgerUnavailable,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand' -ExpectedMessage '*LedgerPath*file system*'
        Get-Calls 'submitInvoices' | Should -Be $before
    }

    It 'sends again with -NoLedger, and records nothing' {
        Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -LedgerPath $ledger | Out-Null
        $before = Get-Calls 'submitInvoices'
        $sent = Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -LedgerPath $ledger -NoLedger
        $sent.InvoiceIds | Should -Be @('INV-1001', 'INV-1002', 'INV-1003')
        Get-Calls 'submitInvoices' | Should -Be ($before + 1)
        @(Get-SpVendorInvoiceSubmission -LedgerPath $ledger -History).Count | Should -Be 6
    }
}
