# Types and values (issue 13, items 6 to 9): dates of every kind, enum-like values in any case, output that
# reads well in CSV and Format-List, and a failed transaction that is an error. Against the sandbox.
# Runs on Windows PowerShell 5.1 too: no ternary, no ??, ASCII only.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    Connect-SpApiSandbox $sandbox | Out-Null
    $script:brazil = 'A2Q3Y263D00KWC'

    function Get-Calls([string] $Operation) { Get-SpApiSandboxCall $sandbox $Operation }

    function New-InvoiceId([string] $Prefix) { '{0}-{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 8) }

    # A valid vendor invoice in the model's shape: one line of 2 x 12.25 EUR, total 24.50 unless told.
    function New-InvoiceData([string] $Id, [string] $Total = '24.50') {
        @{
            id           = $Id
            invoiceType  = 'Invoice'
            date         = '2026-11-20'
            remitToParty = @{
                partyId                = 'VENDR'
                address                = @{ name = 'Example Supplies GmbH'; addressLine1 = 'Hauptstrasse 1'; city = 'Berlin'; postalOrZipCode = '10115'; countryCode = 'DE' }
                taxRegistrationDetails = @(@{ taxRegistrationType = 'VAT'; taxRegistrationNumber = 'DE123456789' })
            }
            billToParty  = @{ partyId = 'AMZN1' }
            invoiceTotal = @{ amount = $Total; currencyCode = 'EUR' }
            items        = @(
                @{ itemSequenceNumber = 1; purchaseOrderNumber = '2JK3S9VC'; invoicedQuantity = @{ amount = 2; unitOfMeasure = 'Eaches' }; netCost = @{ amount = '12.25'; currencyCode = 'EUR' } }
            )
        }
    }

    # The CSV cells of an object, as Export-Csv writes them.
    function Get-CsvCells($InputObject) { ($InputObject | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).PSObject.Properties | Where-Object MemberType -EQ NoteProperty }

    # A cell or a Format-List line that shows a type name instead of a value.
    $script:typeName = '(System\.Collections|System\.Object\[\]|SpApi\.Core\.)'

    # Runs a script block in another culture, in the same pipeline (Windows PowerShell resets the culture between pipelines).
    function Invoke-InCulture([string] $Name, [scriptblock] $Script) {
        $saved = [System.Threading.Thread]::CurrentThread.CurrentCulture
        try {
            [System.Threading.Thread]::CurrentThread.CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo($Name)
            & $Script
        }
        finally {
            [System.Threading.Thread]::CurrentThread.CurrentCulture = $saved
        }
    }
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe 'Dates: DateTimeOffset, DateTime and strings wherever a date is taken' {
    It 'Get-SpCustomerInvoice -CreatedAfter takes the DateTimeOffset of a sync result' {
        $sync = Sync-SpCustomerInvoice -Path (Join-Path $TestDrive 'sync') -Since (Get-Date).AddDays(-3)
        $sync.WindowStart.GetType().FullName | Should -Be 'System.DateTimeOffset'

        $invoices = @(Get-SpCustomerInvoice -CreatedAfter $sync.WindowStart -CreatedBefore $sync.WindowEnd)
        $invoices.Count | Should -BeGreaterThan 3
        $invoices.Count | Should -Be $sync.New
    }

    It 'takes the date of an Import-Clixml round trip' {
        $path = Join-Path $TestDrive 'sync.xml'
        Sync-SpCustomerInvoice -Path (Join-Path $TestDrive 'sync-clixml') -Since (Get-Date).AddDays(-2) | Export-Clixml -Path $path
        $imported = Import-Clixml -Path $path
        $imported.WindowStart.PSObject.TypeNames | Should -Contain 'Deserialized.System.DateTimeOffset'

        $invoices = @(Get-SpCustomerInvoice -CreatedAfter $imported.WindowStart -CreatedBefore $imported.WindowEnd)
        $invoices.Count | Should -Be $imported.New
    }

    It 'keeps the offset of a date that comes back from Import-Clixml' {
        $path = Join-Path $TestDrive 'date.xml'
        [DateTimeOffset]::new(2026, 11, 20, 10, 0, 0, [TimeSpan]::FromHours(-3)) | Export-Clixml -Path $path
        $invoice = New-SpVendorInvoice -Id (New-InvoiceId C) -Date (Import-Clixml -Path $path) -RemitToParty VENDR -InvoiceTotal 1 -CurrencyCode EUR
        $invoice.Date.Offset | Should -Be ([TimeSpan]::FromHours(-3))
        $invoice.Date.Hour | Should -Be 10
    }

    It 'Get-SpInvoice -DateStart takes the date of an invoice and finds it' {
        $invoice = Get-SpInvoice -MarketplaceId $brazil -DateStart (Get-Date).AddDays(-2) | Select-Object -First 1
        $invoice.Date.GetType().FullName | Should -Be 'System.DateTimeOffset'

        $found = @(Get-SpInvoice -MarketplaceId $brazil -DateStart $invoice.Date -DateEnd $invoice.Date.AddMinutes(1))
        $found.Id | Should -Be $invoice.Id
    }

    It 'reads <Case> as <Expected>' -ForEach @(
        @{ Case = 'a DateTimeOffset with an offset'; Value = [DateTimeOffset]::new(2026, 11, 20, 10, 0, 0, [TimeSpan]::FromHours(2)); Expected = '2026-11-20T08:00:00Z' }
        @{ Case = 'a UTC DateTime'; Value = [DateTime]::new(2026, 11, 20, 8, 0, 0, [DateTimeKind]::Utc); Expected = '2026-11-20T08:00:00Z' }
        @{ Case = 'an ISO string with Z'; Value = '2026-11-20T08:00:00Z'; Expected = '2026-11-20T08:00:00Z' }
        @{ Case = 'an ISO string with an offset'; Value = '2026-11-20T05:00:00-03:00'; Expected = '2026-11-20T08:00:00Z' }
    ) {
        $export = New-SpInvoiceExport -MarketplaceId $brazil -DateStart $Value -DateEnd '2026-11-21T00:00:00Z'
        $export.DateStart.UtcDateTime | Should -Be ([DateTimeOffset]::Parse($Expected).UtcDateTime)
    }

    It 'reads a DateTime without a kind and a string without an offset as local time, as before' {
        $local = [DateTime]::new(2026, 11, 20, 10, 0, 0)
        $fromDateTime = New-SpInvoiceExport -MarketplaceId $brazil -DateStart $local
        $fromString = New-SpInvoiceExport -MarketplaceId $brazil -DateStart '2026-11-20T10:00:00'

        $fromDateTime.DateStart.UtcDateTime | Should -Be $local.ToUniversalTime()
        $fromString.DateStart.UtcDateTime | Should -Be $local.ToUniversalTime()
    }

    It 'reads any other string in the current culture, as Get-Date reads it' {
        $export = Invoke-InCulture 'de-DE' { New-SpInvoiceExport -MarketplaceId $brazil -DateStart '01.11.2026 10:00' }
        $expected = Invoke-InCulture 'de-DE' { Get-Date -Date '01.11.2026 10:00' }
        $expected.Month | Should -Be 11
        $export.DateStart.UtcDateTime | Should -Be $expected.ToUniversalTime()
    }

    It 'New-SpVendorInvoice -Date keeps the offset it is given' {
        $invoice = New-SpVendorInvoice -Id (New-InvoiceId D) -Date ([DateTimeOffset]::new(2026, 11, 20, 10, 0, 0, [TimeSpan]::FromHours(-3))) -RemitToParty VENDR -InvoiceTotal 1 -CurrencyCode EUR
        $invoice.Date.Offset | Should -Be ([TimeSpan]::FromHours(-3))
        $invoice.Date.Hour | Should -Be 10
    }

    It 'refuses a string that is no date, naming the parameter, before any call' {
        $before = Get-Calls getInvoices
        { Get-SpInvoice -MarketplaceId $brazil -DateStart 'last tuesday' } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,SpApi.PowerShell.Cmdlets.GetSpInvoiceCommand' -ExpectedMessage "*'DateStart'*'last tuesday' is not a date*2024-05-01T10:00:00Z*"
        { Get-SpCustomerInvoice -CreatedAfter '2026-02-30' } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,SpApi.PowerShell.Cmdlets.GetSpCustomerInvoiceCommand' -ExpectedMessage "*'CreatedAfter'*as ISO 8601*"
        Get-Calls getInvoices | Should -Be $before
    }
}

Describe 'Case: enum-like values in any case, sent in the API spelling' {
    It 'Get-SpInvoiceExport -Status done sends DONE' {
        $export = New-SpInvoiceExport -MarketplaceId $brazil -DateStart (Get-Date).AddDays(-1)
        $export | Receive-SpInvoiceExport -Path (Join-Path $TestDrive 'case-export') -PollIntervalSec 1 | Out-Null

        $done = @(Get-SpInvoiceExport -MarketplaceId $brazil -Status done)
        $done.ExportId | Should -Contain $export.ExportId
        $done.Status | Sort-Object -Unique | Should -BeExactly 'DONE'
    }

    It 'Get-SpInvoice -Status rejected -InvoiceType return -TransactionType fba_inbound matches the options in their spelling' {
        $from = (Get-Date).AddDays(-10)
        $exact = @(Get-SpInvoice -MarketplaceId $brazil -DateStart $from -Status REJECTED -InvoiceType RETURN -TransactionType FBA_INBOUND)
        $anyCase = @(Get-SpInvoice -MarketplaceId $brazil -DateStart $from -Status rejected, Denied -InvoiceType return -TransactionType fba_inbound -TransactionIdentifierName shipment_id -TransactionIdentifierId $exact[0].TransactionIds[0].Id)

        $exact.Count | Should -BeGreaterThan 0
        $anyCase.Id | Should -Be $exact[0].Id
    }

    It 'New-SpInvoiceExport -Status authorized records AUTHORIZED' {
        $export = New-SpInvoiceExport -MarketplaceId $brazil -DateStart (Get-Date).AddDays(-1) -Status authorized -InvoiceType Shipping -FileFormat xml
        $export.Statuses | Should -BeExactly 'AUTHORIZED'
        $export.InvoiceType | Should -BeExactly 'SHIPPING'
        $export.FileFormat | Should -BeExactly 'XML'
    }

    It 'still refuses a value the marketplace does not list' {
        { Get-SpInvoice -MarketplaceId $brazil -Status authorised } |
            Should -Throw -ErrorId 'InvalidInvoiceQuery,SpApi.PowerShell.Cmdlets.GetSpInvoiceCommand' -ExpectedMessage "*'authorised' is not a Status*AUTHORIZED*"
    }

    It 'Get-SpInvoice -SortOrder ascending sorts ascending' {
        $dates = @(Get-SpInvoice -MarketplaceId $brazil -DateStart (Get-Date).AddDays(-3) -SortOrder ascending).Date
        $dates.Count | Should -BeGreaterThan 3
        $dates | Should -Be ($dates | Sort-Object)
    }

    It 'Get-SpCustomerInvoice -SortOrder descending sorts descending' {
        $from = (Get-Date).AddDays(-3)
        $descending = @(Get-SpCustomerInvoice -CreatedAfter $from -SortOrder descending).PurchaseOrderNumber
        $ascending = @(Get-SpCustomerInvoice -CreatedAfter $from -SortOrder Ascending).PurchaseOrderNumber
        $descending.Count | Should -BeGreaterThan 3
        $descending | Should -Be ($ascending[($ascending.Count - 1)..0])
    }

    It 'New-SpVendorInvoice -InvoiceType creditnote -CurrencyCode eur builds CreditNote in EUR' {
        $invoice = New-SpVendorInvoice -Id (New-InvoiceId C) -InvoiceType creditnote -Date '2026-11-20' -RemitToParty VENDR -InvoiceTotal 1 -CurrencyCode eur
        $invoice.InvoiceType | Should -BeExactly 'CreditNote'
        $invoice.InvoiceTotal.CurrencyCode | Should -BeExactly 'EUR'
    }

    It 'Get-SpTransactionStatus -ApiVersion V1 reads the v1 API' {
        $id = New-InvoiceId DF
        $sent = @{
            invoiceNumber = $id
            invoiceDate   = '2026-11-20T10:00:00Z'
            remitToParty  = @{
                partyId = 'VENDR'
                address = @{ name = 'Example Supplies Inc.'; addressLine1 = '410 Terry Ave N'; city = 'Seattle'; stateOrRegion = 'WA'; postalCode = '98109'; countryCode = 'US' }
            }
            shipFromParty = @{ partyId = 'ABCD' }
            invoiceTotal  = @{ amount = '24.50'; currencyCode = 'USD' }
            items         = @(
                @{ itemSequenceNumber = '1'; purchaseOrderNumber = '2JK3S9VC'; invoicedQuantity = @{ amount = 2; unitOfMeasure = 'Each' }; netCost = @{ amount = '12.25'; currencyCode = 'USD' } }
            )
        } | Submit-SpVendorInvoice -DirectFulfillment
        $status = Get-SpTransactionStatus -TransactionId $sent.TransactionId -Api directfulfillment -ApiVersion V1
        $status.TransactionId | Should -Be $sent.TransactionId
    }
}

Describe 'Collections and nested objects read well in Export-Csv and Format-List' {
    It 'a tax invoice: TransactionIds' {
        $invoice = Get-SpInvoice -MarketplaceId $brazil -DateStart (Get-Date).AddDays(-2) | Select-Object -First 1
        $cells = Get-CsvCells $invoice
        ($cells | Where-Object Name -EQ TransactionIds).Value | Should -Be ('SHIPMENT_ID: ' + $invoice.TransactionIds[0].Id)
        $cells.Value | Should -Not -Match $typeName
        ($invoice | Format-List | Out-String) | Should -Match ('TransactionIds\s*:\s*\{SHIPMENT_ID: ' + $invoice.TransactionIds[0].Id + '\}')
    }

    It 'an export: InvoicesDocumentIds, and the request: Statuses' {
        $requested = New-SpInvoiceExport -MarketplaceId $brazil -DateStart (Get-Date).AddDays(-1) -Status AUTHORIZED, REJECTED
        $requested | Receive-SpInvoiceExport -Path (Join-Path $TestDrive 'csv-export') -PollIntervalSec 1 | Out-Null
        $export = Get-SpInvoiceExport -ExportId $requested.ExportId

        @($export.InvoicesDocumentIds).Count | Should -BeGreaterThan 0
        (Get-CsvCells $export | Where-Object Name -EQ InvoicesDocumentIds).Value | Should -Be ($export.InvoicesDocumentIds -join '; ')
        (Get-CsvCells $requested | Where-Object Name -EQ Statuses).Value | Should -Be 'AUTHORIZED; REJECTED'
        (Get-CsvCells $export).Value + (Get-CsvCells $requested).Value | Should -Not -Match $typeName
        ($export | Format-List * | Out-String) | Should -Match ([regex]::Escape($export.InvoicesDocumentIds[0]))
    }

    It 'the attribute options' {
        $attributes = Get-SpInvoiceAttribute -MarketplaceId $brazil
        $cells = Get-CsvCells $attributes
        ($cells | Where-Object Name -EQ InvoiceStatusOptions).Value | Should -Match '^AUTHORIZED( \([^)]*\))?; REJECTED'
        $cells.Value | Should -Not -Match $typeName
        ($attributes | Format-List * | Out-String) | Should -Not -Match $typeName
    }

    It 'a page of customer invoices: Pagination and CustomerInvoices' {
        $page = Get-SpCustomerInvoice -CreatedAfter (Get-Date).AddDays(-3) -NoAutoIteration -PageSize 2
        $cells = Get-CsvCells $page
        ($cells | Where-Object Name -EQ Pagination).Value | Should -Be ('next page: ' + $page.NextToken)
        ($cells | Where-Object Name -EQ CustomerInvoices).Value | Should -Match ('^' + $page.CustomerInvoices[0].PurchaseOrderNumber + ' \(\d+ bytes\); ')
        $text = $page | Format-List * | Out-String
        $text | Should -Not -Match $typeName
        $text | Should -Match ([regex]::Escape($page.NextToken))
    }

    It 'a vendor invoice: its parties, total, taxes and Items' {
        $data = New-InvoiceData -Id (New-InvoiceId L)
        $data.taxDetails = @(@{ taxType = 'VAT'; taxRate = '19'; taxAmount = @{ amount = '4.66'; currencyCode = 'EUR' } })
        $invoice = $data | New-SpVendorInvoice
        $cells = Get-CsvCells $invoice
        ($cells | Where-Object Name -EQ Items).Value | Should -Be '1: 2 Eaches at 12.25 EUR'
        ($cells | Where-Object Name -EQ TaxDetails).Value | Should -Be 'VAT rate 19: 4.66 EUR'
        ($cells | Where-Object Name -EQ RemitToParty).Value | Should -Be 'VENDR'
        ($cells | Where-Object Name -EQ InvoiceTotal).Value | Should -Be '24.50 EUR'
        $cells.Value | Should -Not -Match $typeName
        ($invoice | Format-List * | Out-String) | Should -Not -Match $typeName
        ($invoice.RemitToParty | Format-List * | Out-String) | Should -Match 'Address\s*:\s*Example Supplies GmbH, Hauptstrasse 1, Berlin, 10115, DE'
    }

    It 'a test result: Problems' {
        $data = New-InvoiceData -Id (New-InvoiceId P)
        $data.remitToParty.address.countryCode = 'USA'
        $result = $data | Test-SpVendorInvoice
        (Get-CsvCells $result | Where-Object Name -EQ Problems).Value | Should -Match '^remitToParty\.address\.countryCode: '
        (Get-CsvCells $result).Value | Should -Not -Match $typeName
    }

    It 'a submission and its status: InvoiceIds and Errors' {
        $ids = @((New-InvoiceId S), (New-InvoiceId S))
        $sent = (New-InvoiceData -Id $ids[0]), (New-InvoiceData -Id $ids[1] -Total '30.00') | Submit-SpVendorInvoice -SkipValidation
        (Get-CsvCells $sent | Where-Object Name -EQ InvoiceIds).Value | Should -Be ($ids -join '; ')

        $status = $sent | Get-SpTransactionStatus -Wait -PollIntervalSec 1 -TimeoutSec 60 -ErrorAction SilentlyContinue
        $cells = Get-CsvCells $status
        ($cells | Where-Object Name -EQ InvoiceIds).Value | Should -Be ($ids -join '; ')
        ($cells | Where-Object Name -EQ Errors).Value | Should -Match ('^' + $ids[1] + ': INVALID_INVOICE_TOTAL: ')
        $cells.Value | Should -Not -Match $typeName
        ($status | Format-List * | Out-String) | Should -Match ('Errors\s*:\s*\{' + $ids[1] + ': INVALID_INVOICE_TOTAL')
    }
}

Describe 'A transaction that ends in Failure is an error as well as output' {
    BeforeEach {
        $script:good = New-InvoiceId GOOD
        $script:wrong = New-InvoiceId WRONG
        $script:sent = (New-InvoiceData -Id $good), (New-InvoiceData -Id $wrong -Total '30.00') | Submit-SpVendorInvoice -SkipValidation
    }

    It 'Get-SpTransactionStatus -Wait writes the status and SpApiTransactionFailed with the invoices and Amazon''s errors' {
        $status = $sent | Get-SpTransactionStatus -Wait -PollIntervalSec 1 -TimeoutSec 60 -ErrorVariable failed -ErrorAction SilentlyContinue
        $succeeded = $?

        $status.Status | Should -Be 'Failure'
        $succeeded | Should -BeFalse
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'SpApiTransactionFailed,SpApi.PowerShell.Cmdlets.GetSpTransactionStatusCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidData'
        [object]::ReferenceEquals($failed[0].TargetObject, $status.PSObject.BaseObject) | Should -BeTrue
        $failed[0].Exception.Message | Should -BeLike "Transaction $($sent.TransactionId) (Vendor) ended in Failure for invoices $good, $wrong. Amazon's errors: ${wrong}: INVALID_INVOICE_TOTAL: *"
    }

    It 'stops a script with -ErrorAction Stop, after the status was output' {
        $output = [System.Collections.Generic.List[object]]::new()
        { $sent | Get-SpTransactionStatus -Wait -PollIntervalSec 1 -TimeoutSec 60 -ErrorAction Stop | ForEach-Object { $output.Add($_) } } |
            Should -Throw -ErrorId 'SpApiTransactionFailed,SpApi.PowerShell.Cmdlets.GetSpTransactionStatusCommand'
        $output.Count | Should -Be 1
        $output[0].Status | Should -Be 'Failure'
    }

    It 'without -Wait: no error while Processing, the error once it reads Failure' {
        $first = $sent | Get-SpTransactionStatus -ErrorVariable early
        $early.Count | Should -Be 0
        $first.Status | Should -Be 'Processing'

        $final = $sent | Get-SpTransactionStatus -ErrorVariable late -ErrorAction SilentlyContinue
        $final.Status | Should -Be 'Failure'
        $late.Count | Should -Be 1
        $late[0].FullyQualifiedErrorId | Should -Be 'SpApiTransactionFailed,SpApi.PowerShell.Cmdlets.GetSpTransactionStatusCommand'
    }

    It 'Submit-SpVendorInvoice -Wait writes it too' {
        $id = New-InvoiceId WAIT
        $status = New-InvoiceData -Id $id -Total '30.00' | Submit-SpVendorInvoice -SkipValidation -Wait -PollIntervalSec 1 -TimeoutSec 60 -ErrorVariable failed -ErrorAction SilentlyContinue
        $status.Status | Should -Be 'Failure'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'SpApiTransactionFailed,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        $failed[0].Exception.Message | Should -BeLike "*for invoices $id.*INVALID_INVOICE_TOTAL*"
    }

    It 'a transaction that ends in Success writes no error' {
        $status = New-InvoiceData -Id (New-InvoiceId OK) | Submit-SpVendorInvoice -Wait -PollIntervalSec 1 -TimeoutSec 60 -ErrorVariable failed
        $succeeded = $?
        $status.Status | Should -Be 'Success'
        $failed.Count | Should -Be 0
        $succeeded | Should -BeTrue
    }
}
