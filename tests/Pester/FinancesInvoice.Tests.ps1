# Get-SpVendorInvoice (Finances Invoices 2026-06-25) against the sandbox.
# Runs on Windows PowerShell 5.1 too: no ternary, no ??, ASCII only.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    Connect-SpApiSandbox $sandbox | Out-Null
    # The sandbox's data: 250 invoices, one every 12 hours back from when it started, the newest still
    # IN_PROGRESS and the others PAID, PARTIALLY_PAID or REJECTED; INV-PRECISION (30 days old) and
    # INV-LONG (20 days old, 1,250 lines), all with payee code SBXVC in the US marketplace.
    $script:us = 'ATVPDKIKX0DER'
    # Compared by name: Core's types live in the module's own load context (docs/loading.md).
    $script:headerType = 'SpApi.Core.Apis.FinancesInvoices.InvoiceHeader'
    function Get-Calls([string] $Operation) { Get-SpApiSandboxCall $sandbox $Operation }
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe 'Get-SpVendorInvoice, headers' {
    It 'reads a 120-day range in 90-day windows, each invoice once' {
        $before = Get-Calls 'getInvoiceHeaders'
        $headers = @(Get-SpVendorInvoice -MarketplaceId $us -IssuedAfter (Get-Date).AddDays(-120) -IssuedBefore (Get-Date))
        # 240 of the 12-hourly invoices (give or take the one on the edge) and the two special ones.
        $headers.Count | Should -BeGreaterOrEqual 241
        $headers.Count | Should -BeLessOrEqual 242
        @($headers.InvoiceIdentifier | Sort-Object -Unique).Count | Should -Be $headers.Count
        $headers[0].GetType().FullName | Should -Be $headerType
        $headers[0].MarketplaceId | Should -Be $us
        # Two windows: 90 days (two pages of at most 100) and 30 days (one page).
        ((Get-Calls 'getInvoiceHeaders') - $before) | Should -Be 3
    }

    It 'filters by status locally, in any case' {
        $rejected = @(Get-SpVendorInvoice -MarketplaceId $us -Status rejected, Partially_Paid)
        $rejected.Count | Should -BeGreaterThan 10
        $rejected | ForEach-Object { $_.Status | Should -BeIn @('REJECTED', 'PARTIALLY_PAID') }
        ($rejected | Where-Object Status -eq PARTIALLY_PAID | Select-Object -First 1).InvoiceSettlementBreakdowns.BreakdownType | Should -Contain 'QuantityVarianceAmount'
    }

    It 'keeps the invoices modified after a time' {
        $all = @(Get-SpVendorInvoice -MarketplaceId $us)
        $since = (Get-Date).AddDays(-5)
        $recent = @(Get-SpVendorInvoice -MarketplaceId $us -ModifiedAfter $since)
        $recent.Count | Should -BeGreaterThan 0
        $recent.Count | Should -BeLessThan $all.Count
        $recent | ForEach-Object { $_.LastUpdatedDate | Should -BeGreaterThan ([datetimeoffset] $since) }
    }

    It 'shows status, amount, paid and queued in its table view' {
        $table = Get-SpVendorInvoice -MarketplaceId $us -Status PAID | Select-Object -First 3 | Format-Table | Out-String -Width 250
        $table | Should -Match 'InvoiceIdentifier\s+Status\s+IssueDate\s+InvoiceAmount\s+AmountPaid\s+QueuedForPayment'
        $table | Should -Match 'INV-\d{5}~SBXVC\s+PAID'
    }
}

Describe 'Get-SpVendorInvoice, one invoice' {
    It 'takes piped headers by property name and reads every line with -IncludeLine' {
        $invoices = @(Get-SpVendorInvoice -MarketplaceId $us | Where-Object Status -eq REJECTED | Select-Object -First 2 | Get-SpVendorInvoice -IncludeLine)
        $invoices.Count | Should -Be 2
        $invoices | ForEach-Object {
            $_.GetType().FullName | Should -Be 'SpApi.Core.Apis.FinancesInvoices.GetInvoiceResponse'
            $_.InvoiceHeader.InvoiceStatus | Should -Be 'REJECTED'
            $_.InvoiceItems.Count | Should -BeGreaterThan 0
            $_.InvoiceItems[0].LineItemContext.MatchingContext.VarianceReasons[0].VarianceType | Should -Be 'PQV'
        }
    }

    It 'builds the identifier from -InvoiceNumber and -PayeeCode and pages 1,250 lines' {
        $before = Get-Calls 'getInvoice'
        $invoice = Get-SpVendorInvoice -MarketplaceId $us -InvoiceNumber INV-LONG -PayeeCode SBXVC -IncludeLine
        $invoice.InvoiceHeader.InvoiceIdentifier | Should -Be 'INV-LONG~SBXVC'
        $invoice.InvoiceItems.Count | Should -Be 1250
        @($invoice.InvoiceItems.LineItemId | Sort-Object -Unique).Count | Should -Be 1250
        ((Get-Calls 'getInvoice') - $before) | Should -Be 3
    }

    It 'returns the header alone without -IncludeLine, money as exact decimals' {
        $header = Get-SpVendorInvoice -MarketplaceId $us -InvoiceId 'INV-PRECISION~SBXVC'
        $header.GetType().FullName | Should -Be $headerType
        # d literals: PowerShell's cast of a string to [decimal] goes through double and would round.
        $header.InvoiceAmount.CurrencyAmount | Should -BeOfType [decimal]
        $header.InvoiceAmount.CurrencyAmount | Should -Be 12345678901234.8678d
        $lines = (Get-SpVendorInvoice -MarketplaceId $us -InvoiceId 'INV-PRECISION~SBXVC' -IncludeLine).InvoiceItems
        ($lines[0].TotalAmount.CurrencyAmount + $lines[1].TotalAmount.CurrencyAmount) | Should -Be 0.3d
    }
}

Describe 'Get-SpVendorInvoice, bad input' {
    It 'refuses -IssuedAfter without -IssuedBefore before sending anything' {
        $before = Get-Calls 'getInvoiceHeaders'
        { Get-SpVendorInvoice -MarketplaceId $us -IssuedAfter (Get-Date).AddDays(-10) } |
            Should -Throw -ErrorId 'InvalidVendorInvoiceQuery,SpApi.PowerShell.Cmdlets.GetSpVendorInvoiceCommand' -ExpectedMessage '*-IssuedBefore*'
        Get-Calls 'getInvoiceHeaders' | Should -Be $before
    }

    It 'refuses an unknown status' {
        { Get-SpVendorInvoice -MarketplaceId $us -Status SETTLED } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SpApi.PowerShell.Cmdlets.GetSpVendorInvoiceCommand'
    }

    It 'reports a malformed and an unknown identifier and goes on with the next one' {
        $before = Get-Calls 'getInvoice'
        $ids = 'INV-1~SBXVC~X', 'NO-SUCH~SBXVC', 'INV-PRECISION~SBXVC'
        $found = @($ids | ForEach-Object { [pscustomobject] @{ InvoiceIdentifier = $_; MarketplaceId = $us } } |
                Get-SpVendorInvoice -ErrorVariable problems -ErrorAction SilentlyContinue)
        $found.InvoiceIdentifier | Should -Be 'INV-PRECISION~SBXVC'
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidVendorInvoiceQuery,*'
        $problems[0].Exception.Message | Should -Match 'InvoiceNumber~PayeeCode'
        $problems[1].FullyQualifiedErrorId | Should -BeLike 'SpApiNotFound,*'
        # The malformed one was never sent.
        ((Get-Calls 'getInvoice') - $before) | Should -Be 2
    }

    It 'refuses a payee code with a tilde' {
        $bad = Get-SpVendorInvoice -MarketplaceId $us -InvoiceNumber INV-1 -PayeeCode 'AB~CD' -ErrorVariable problems -ErrorAction SilentlyContinue
        $bad | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidVendorInvoiceQuery,*'
        $problems[0].Exception.Message | Should -Match 'PayeeCode'
    }
}
