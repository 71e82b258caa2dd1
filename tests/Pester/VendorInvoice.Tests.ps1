# New-, Test-, Submit-SpVendorInvoice and Get-SpTransactionStatus against the sandbox.
# Runs on Windows PowerShell 5.1 too: no ternary, no ??, ASCII only.

BeforeDiscovery {
    # Malformed vendor invoices for Test-SpVendorInvoice: each change breaks one rule, and Path is where it is reported.
    $malformed = @(
        @{ Case = 'a missing remitToParty'; Path = 'remitToParty'; Change = { param($invoice) $invoice.Remove('remitToParty') } }
        @{ Case = "invoiceType 'invoice' (case matters)"; Path = 'invoiceType'; Change = { param($invoice) $invoice.invoiceType = 'invoice' } }
        @{ Case = 'taxRegistrationDetails as one object instead of an array'; Path = 'remitToParty.taxRegistrationDetails'; Change = { param($invoice) $invoice.remitToParty.taxRegistrationDetails = @{ taxRegistrationType = 'VAT'; taxRegistrationNumber = 'DE123456789' } } }
        @{ Case = "countryCode 'USA'"; Path = 'remitToParty.address.countryCode'; Change = { param($invoice) $invoice.remitToParty.address.countryCode = 'USA' } }
        @{ Case = "currency 'eur' in lower case"; Path = 'invoiceTotal.currencyCode'; Change = { param($invoice) $invoice.invoiceTotal.currencyCode = 'eur' } }
        @{ Case = 'two currencies in one invoice'; Path = 'items[0].netCost.currencyCode'; Change = { param($invoice) $invoice.items[0].netCost.currencyCode = 'USD' } }
        @{ Case = "amount '1.234,00'"; Path = 'invoiceTotal.amount'; Change = { param($invoice) $invoice.invoiceTotal.amount = '1.234,00' } }
        @{ Case = 'a total that does not add up'; Path = 'invoiceTotal.amount'; Change = { param($invoice) $invoice.invoiceTotal.amount = '25.00' } }
        @{ Case = 'no purchaseOrderNumber on an Invoice'; Path = 'items[0].purchaseOrderNumber'; Change = { param($invoice) $invoice.items[0].Remove('purchaseOrderNumber') } }
        @{ Case = 'a purchase order number that is not 8 letters or digits'; Path = 'items[0].purchaseOrderNumber'; Change = { param($invoice) $invoice.items[0].purchaseOrderNumber = 'PO-1' } }
        @{ Case = 'a zero quantity'; Path = 'items[0].invoicedQuantity.amount'; Change = { param($invoice) $invoice.items[0].invoicedQuantity.amount = 0 } }
        @{ Case = "unitOfMeasure 'Each' (Direct Fulfillment's word)"; Path = 'items[0].invoicedQuantity.unitOfMeasure'; Change = { param($invoice) $invoice.items[0].invoicedQuantity.unitOfMeasure = 'Each' } }
        @{ Case = 'a negative netCost'; Path = 'items[0].netCost.amount'; Change = { param($invoice) $invoice.items[0].netCost.amount = '-12.25' } }
        @{ Case = 'a duplicate itemSequenceNumber'; Path = 'items[1].itemSequenceNumber'; Change = {
                param($invoice)
                $invoice.items = @($invoice.items[0], @{ itemSequenceNumber = 1; purchaseOrderNumber = '2JK3S9VC'; invoicedQuantity = @{ amount = 1; unitOfMeasure = 'Eaches' }; netCost = @{ amount = '1.00'; currencyCode = 'EUR' } })
                $invoice.invoiceTotal.amount = '25.50'
            }
        }
        @{ Case = 'the Direct Fulfillment field postalCode on a vendor address'; Path = 'remitToParty.address.postalCode'; Change = { param($invoice) $invoice.remitToParty.address.Remove('postalOrZipCode'); $invoice.remitToParty.address.postalCode = '10115' } }
        @{ Case = 'a date that is not ISO 8601'; Path = 'date'; Change = { param($invoice) $invoice.date = '20.11.2026' } }
        @{ Case = 'an unknown tax registration type'; Path = 'remitToParty.taxRegistrationDetails[0].taxRegistrationType'; Change = { param($invoice) $invoice.remitToParty.taxRegistrationDetails[0].taxRegistrationType = 'TVA' } }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    Connect-SpApiSandbox $sandbox | Out-Null
    # The documented example: INV-1001 (2 lines), INV-1002 (1 line, a freight charge), INV-1003 (1 line, a discount).
    $script:csv = Join-Path $PSScriptRoot '../../docs/examples/vendor-invoices.csv'
    # Compared by name: Core's types live in the module's own load context, where PowerShell 7 resolves no type names (docs/loading.md).
    $script:vendorInvoice = 'SpApi.Core.Apis.VendorInvoices.Invoice'
    $script:directFulfillmentInvoice = 'SpApi.Core.Apis.VendorDirectFulfillmentPayments.InvoiceDetail'

    function Get-SandboxCount([string] $Name) { [int] (Get-SpApiSandboxCounter $sandbox).$Name }

    function Get-Calls([string] $Operation) { Get-SpApiSandboxCall $sandbox $Operation }

    function Reset-Sandbox {
        # Counters, faults and the invoice ids the sandbox has accepted.
        Invoke-RestMethod -Method Post -Uri ([uri]::new($sandbox.Endpoint, '_sandbox/reset')) | Out-Null
    }

    function Add-SandboxFault([string] $Kind, [int] $Count, [string] $Operation) {
        Invoke-RestMethod -Method Post -Uri ([uri]::new($sandbox.Endpoint, "_sandbox/faults?kind=$Kind&count=$Count&operation=$Operation")) | Out-Null
    }

    # A valid vendor invoice in the model's shape: one line of 2 x 12.25 EUR, total 24.50.
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

    # A valid Direct Fulfillment invoice, in that model's names (invoiceNumber, invoiceDate, postalCode).
    function New-DirectFulfillmentData([string] $Id) {
        @{
            invoiceNumber = $Id
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
        }
    }

    # Invoice numbers nobody used before in this sandbox.
    function New-InvoiceId([string] $Prefix) { '{0}-{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 8) }

    # What goes on the wire: the module's models with System.Text.Json, as SpApi.Core sends them.
    function ConvertTo-WireJson($Value) {
        if (-not ('System.Text.Json.JsonSerializer' -as [type])) {
            # Windows PowerShell: the module ships System.Text.Json and may not have loaded it yet.
            Add-Type -Path (Join-Path (Join-Path (Join-Path (Get-Module SpApi).ModuleBase 'bin') 'net472') 'System.Text.Json.dll')
        }
        $options = [System.Text.Json.JsonSerializerOptions]::new([System.Text.Json.JsonSerializerDefaults]::Web)
        [System.Text.Json.JsonSerializer]::Serialize($Value, $Value.GetType(), $options)
    }

    function Write-JsonFile([string] $Name, $Data) {
        # UTF-8 without a BOM in both editions.
        $path = Join-Path $TestDrive $Name
        [System.IO.File]::WriteAllText($path, (ConvertTo-Json -InputObject $Data -Depth 20))
        $path
    }
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe 'New-SpVendorInvoice' {
    It 'makes one Invoice per InvoiceNumber of the example CSV, with decimal amounts' {
        $invoices = @(Import-Csv $csv | New-SpVendorInvoice)

        $invoices.Count | Should -Be 3
        $invoices[0].GetType().FullName | Should -Be $vendorInvoice
        $invoices.Id | Should -Be @('INV-1001', 'INV-1002', 'INV-1003')
        $invoices | ForEach-Object { @($_.Items).Count } | Should -Be @(2, 1, 1)
        $invoices.Items.ItemSequenceNumber | Should -Be @(1, 2, 1, 1)

        $first = $invoices[0]
        $first.InvoiceType | Should -Be 'Invoice'
        $first.Date | Should -Be ([DateTimeOffset]::new(2026, 11, 20, 0, 0, 0, [TimeSpan]::Zero))
        $first.InvoiceTotal.Amount | Should -BeOfType [decimal]
        $first.InvoiceTotal.Amount | Should -Be ([decimal] '76.76')
        $first.InvoiceTotal.CurrencyCode | Should -Be 'EUR'
        $first.Items[0].NetCost.Amount | Should -Be ([decimal] '12.25')
        $first.Items[0].NetCost.CurrencyCode | Should -Be 'EUR'
        $first.Items[0].InvoicedQuantity.Amount | Should -Be 2
        $first.Items[0].PurchaseOrderNumber | Should -Be '2JK3S9VC'
        $first.Items[0].AmazonProductIdentifier | Should -Be 'B07XJ8C8F5'
        $first.Items[0].TaxDetails[0].TaxRate | Should -Be ([decimal] '0.19')
        $first.Items[0].TaxDetails[0].TaxAmount.Amount | Should -Be ([decimal] '4.66')
        $first.RemitToParty.PartyId | Should -Be 'VENDR'
        $first.RemitToParty.Address.AddressLine1 | Should -Be 'Hauptstrasse 1'
        $first.RemitToParty.Address.PostalOrZipCode | Should -Be '10115'
        $first.RemitToParty.TaxRegistrationDetails[0].TaxRegistrationNumber | Should -Be 'DE123456789'
        $first.BillToParty.PartyId | Should -Be 'AMZN1'
        $first.ShipToParty.PartyId | Should -Be 'FRA7'
        $invoices[1].Items[0].ChargeDetails[0].Type | Should -Be 'Freight'
        $invoices[1].Items[0].ChargeDetails[0].ChargeAmount.Amount | Should -Be ([decimal] '5.00')
        $invoices[2].Items[0].AllowanceDetails[0].Type | Should -Be 'Discount'
        $invoices[2].Items[0].AllowanceDetails[0].AllowanceAmount.Amount | Should -Be ([decimal] '2.00')

        # The scale is kept: 40.00 stays 40.00 in the object and on the wire, as a string.
        $first.Items[1].NetCost.Amount.ToString([cultureinfo]::InvariantCulture) | Should -Be '40.00'
        ConvertTo-WireJson $first.Items[1].NetCost | Should -BeExactly '{"currencyCode":"EUR","amount":"40.00"}'
        ConvertTo-WireJson $first.InvoiceTotal | Should -BeExactly '{"currencyCode":"EUR","amount":"76.76"}'
    }

    It 'builds an invoice from parameters, filling in the currency and numbering the lines' {
        $invoice = New-SpVendorInvoice -Id INV-P1 -Date '2026-11-20T10:00:00Z' -RemitToParty VENDR -BillToParty AMZN -InvoiceTotal 49.00d -CurrencyCode USD -Item @(
            @{ purchaseOrderNumber = '2JK3S9VC'; invoicedQuantity = @{ amount = 2; unitOfMeasure = 'Eaches' }; netCost = '12.25' }
            @{ purchaseOrderNumber = '2JK3S9VC'; invoicedQuantity = @{ amount = 1; unitOfMeasure = 'Eaches' }; netCost = '24.50' }
        )

        $invoice.GetType().FullName | Should -Be $vendorInvoice
        $invoice.Id | Should -Be 'INV-P1'
        $invoice.InvoiceType | Should -Be 'Invoice'
        $invoice.RemitToParty.PartyId | Should -Be 'VENDR'
        $invoice.BillToParty.PartyId | Should -Be 'AMZN'
        $invoice.InvoiceTotal.Amount.ToString([cultureinfo]::InvariantCulture) | Should -Be '49.00'
        $invoice.InvoiceTotal.CurrencyCode | Should -Be 'USD'
        $invoice.Items.ItemSequenceNumber | Should -Be @(1, 2)
        $invoice.Items.NetCost.CurrencyCode | Should -Be @('USD', 'USD')
        $invoice.Items[1].NetCost.Amount.ToString([cultureinfo]::InvariantCulture) | Should -Be '24.50'
        ($invoice | Test-SpVendorInvoice).IsValid | Should -BeTrue
    }

    It 'takes -InvoiceTotal 24.50 as the amount 24.50' {
        $invoice = New-SpVendorInvoice -Id INV-P2 -Date (Get-Date) -RemitToParty VENDR -InvoiceTotal 24.50 -CurrencyCode USD -Item @{ purchaseOrderNumber = '2JK3S9VC'; invoicedQuantity = @{ amount = 2; unitOfMeasure = 'Eaches' }; netCost = '12.25' }
        $invoice.InvoiceTotal.Amount | Should -Be ([decimal] '24.50')
        $invoice.Items[0].ItemSequenceNumber | Should -Be 1
        $invoice.Items[0].NetCost.CurrencyCode | Should -Be 'USD'
    }

    It 'reads a hashtable in the model''s shape' {
        $invoice = New-InvoiceData -Id INV-H1 | New-SpVendorInvoice
        $invoice.GetType().FullName | Should -Be $vendorInvoice
        $invoice.Id | Should -Be 'INV-H1'
        $invoice.Items[0].NetCost.Amount | Should -Be ([decimal] '12.25')
        $invoice.RemitToParty.TaxRegistrationDetails[0].TaxRegistrationType | Should -Be 'VAT'
    }

    It 'reads ConvertFrom-Json output' {
        $path = Write-JsonFile 'one.json' (New-InvoiceData -Id INV-J1)
        $invoice = Get-Content -Raw $path | ConvertFrom-Json | New-SpVendorInvoice
        $invoice.GetType().FullName | Should -Be $vendorInvoice
        $invoice.Id | Should -Be 'INV-J1'
        $invoice.InvoiceTotal.Amount.ToString([cultureinfo]::InvariantCulture) | Should -Be '24.50'
        $invoice.Items[0].InvoicedQuantity.Amount | Should -Be 2
    }

    It 'gives back an equal invoice after Export-Clixml and Import-Clixml at their default depth' {
        # SpApi.Types.ps1xml gives invoices the serialization depth their nesting needs.
        $invoice = New-InvoiceData -Id INV-X1 | New-SpVendorInvoice
        $path = Join-Path $TestDrive 'invoice.xml'
        $invoice | Export-Clixml -Path $path

        $copy = Import-Clixml -Path $path | New-SpVendorInvoice
        $copy.GetType().FullName | Should -Be $vendorInvoice
        ConvertTo-WireJson $copy | Should -BeExactly (ConvertTo-WireJson $invoice)
    }

    It 'builds an InvoiceDetail with postalCode with -DirectFulfillment' {
        $path = Write-JsonFile 'df.json' (New-DirectFulfillmentData -Id DF-J1)
        $invoice = Get-Content -Raw $path | ConvertFrom-Json | New-SpVendorInvoice -DirectFulfillment
        $invoice.GetType().FullName | Should -Be $directFulfillmentInvoice
        $invoice.InvoiceNumber | Should -Be 'DF-J1'
        $invoice.RemitToParty.Address.PostalCode | Should -Be '98109'
        $invoice.Items[0].ItemSequenceNumber | Should -Be '1'
        $invoice.InvoiceTotal.Amount | Should -Be ([decimal] '24.50')
    }

    It 'builds an InvoiceDetail from parameters with -DirectFulfillment' {
        $invoice = New-SpVendorInvoice -DirectFulfillment -Id DF-P1 -Date '2026-11-20T10:00:00Z' -RemitToParty VENDR -ShipFromParty ABCD -InvoiceTotal '24.50' -CurrencyCode USD -Item @{ purchaseOrderNumber = '2JK3S9VC'; invoicedQuantity = @{ amount = 2; unitOfMeasure = 'Each' }; netCost = '12.25' }
        $invoice.GetType().FullName | Should -Be $directFulfillmentInvoice
        $invoice.InvoiceNumber | Should -Be 'DF-P1'
        $invoice.ShipFromParty.PartyId | Should -Be 'ABCD'
        $invoice.Items[0].ItemSequenceNumber | Should -Be '1'
        $invoice.Items[0].NetCost.CurrencyCode | Should -Be 'USD'
    }

    It 'refuses the amount 12,50 with InvalidVendorInvoice and the path of the amount' {
        $data = New-InvoiceData -Id INV-BAD1
        $data.items[0].netCost.amount = '12,50'
        { $data | New-SpVendorInvoice -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidVendorInvoice,SpApi.PowerShell.Cmdlets.NewSpVendorInvoiceCommand' -ExpectedMessage '*items`[0`].netCost.amount*12,50*'
    }

    It 'reports the bad invoice, passes on its test result, and goes on with the next one' {
        $bad = New-InvoiceData -Id INV-BAD2
        $bad.invoiceTotal.amount = '$24.50'
        $made = @($bad, (New-InvoiceData -Id INV-GOOD2) | New-SpVendorInvoice -ErrorVariable problems -ErrorAction SilentlyContinue)
        $made.Count | Should -Be 2
        $made[0].GetType().FullName | Should -Be 'SpApi.Core.Invoicing.VendorInvoiceTestResult'
        $made[0].InvoiceId | Should -Be 'INV-BAD2'
        $made[0].IsValid | Should -BeFalse
        $made[0].Problems.Path | Should -Contain 'invoiceTotal.amount'
        $made[1].GetType().FullName | Should -Be $vendorInvoice
        $made[1].Id | Should -Be 'INV-GOOD2'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidVendorInvoice,SpApi.PowerShell.Cmdlets.NewSpVendorInvoiceCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].TargetObject | Should -Be 'INV-BAD2'
        $problems[0].Exception.Message | Should -Match 'invoiceTotal\.amount'
    }

    It 'refuses CSV rows of one invoice that are not adjacent' {
        $rows = @(
            'InvoiceNumber,InvoiceDate,CurrencyCode,InvoiceTotal,RemitToPartyId,PurchaseOrderNumber,Quantity,NetCost'
            'INV-A,2026-11-20,EUR,30.00,VENDR,2JK3S9VC,1,10.00'
            'INV-B,2026-11-20,EUR,10.00,VENDR,2JK3S9VC,1,10.00'
            'INV-A,2026-11-20,EUR,30.00,VENDR,2JK3S9VC,2,10.00'
        ) | ConvertFrom-Csv
        $made = @($rows | New-SpVendorInvoice -ErrorVariable problems -ErrorAction SilentlyContinue)
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidVendorInvoiceInput,SpApi.PowerShell.Cmdlets.NewSpVendorInvoiceCommand'
        $problems[0].Exception.Message | Should -Match 'row 3 belongs to invoice INV-A'
        $problems[0].Exception.Message | Should -Match 'adjacent'
        # The rows before the stray one still make their invoices.
        $made.Count | Should -Be 2
        $made | ForEach-Object { $_.GetType().FullName } | Should -Be @($vendorInvoice, $vendorInvoice)
        $made.Id | Should -Be @('INV-A', 'INV-B')
        @($made[0].Items).Count | Should -Be 1
    }

    It 'refuses a CSV column it does not know' {
        $rows = 'InvoiceNumber,InvoiceDate,Colour', 'INV-C,2026-11-20,red' | ConvertFrom-Csv
        { $rows | New-SpVendorInvoice -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidVendorInvoice,SpApi.PowerShell.Cmdlets.NewSpVendorInvoiceCommand' -ExpectedMessage '*Colour*'
    }

    It 'reports CSV rows without an InvoiceNumber column once, naming the column and the columns present' {
        $rows = @(
            'Invoice,InvoiceDate,CurrencyCode,InvoiceTotal,RemitToPartyId,PurchaseOrderNumber,Quantity,NetCost'
            'INV-K1,2026-11-20,EUR,30.00,VENDR,2JK3S9VC,1,10.00'
            'INV-K1,2026-11-20,EUR,30.00,VENDR,2JK3S9VC,2,10.00'
            'INV-K2,2026-11-20,EUR,10.00,VENDR,2JK3S9VC,1,10.00'
        ) | ConvertFrom-Csv
        $made = @($rows | New-SpVendorInvoice -ErrorVariable problems -ErrorAction SilentlyContinue)
        $made.Count | Should -Be 0
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidVendorInvoiceInput,SpApi.PowerShell.Cmdlets.NewSpVendorInvoiceCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].Exception.Message | Should -Match 'no InvoiceNumber column'
        $problems[0].Exception.Message | Should -Match 'The columns present are: Invoice, InvoiceDate, CurrencyCode, InvoiceTotal, RemitToPartyId, PurchaseOrderNumber, Quantity, NetCost\.'
        $problems[0].Exception.Message | Should -Not -Match 'not a property'

        $tested = @($rows | Test-SpVendorInvoice -ErrorVariable testProblems -ErrorAction SilentlyContinue)
        $tested.Count | Should -Be 0
        $testProblems.Count | Should -Be 1
        $testProblems[0].Exception.Message | Should -Match 'no InvoiceNumber column'
    }

    It 'reads JSON files with -Path, wildcards included, and with -LiteralPath' {
        $folder = Join-Path $TestDrive 'new-files'
        New-Item -ItemType Directory -Path $folder | Out-Null
        [System.IO.File]::WriteAllText((Join-Path $folder 'a.json'), (ConvertTo-Json -InputObject (New-InvoiceData -Id INV-NP1) -Depth 20))
        [System.IO.File]::WriteAllText((Join-Path $folder '[b].json'), (ConvertTo-Json -InputObject (New-InvoiceData -Id INV-NP2) -Depth 20))
        (New-SpVendorInvoice -Path (Join-Path $folder '*.json')).Id | Sort-Object | Should -Be @('INV-NP1', 'INV-NP2')
        (New-SpVendorInvoice -LiteralPath (Join-Path $folder '[b].json')).Id | Should -Be 'INV-NP2'
        (New-SpVendorInvoice -PSPath (Join-Path $folder '[b].json')).Id | Should -Be 'INV-NP2'
        (Get-ChildItem -LiteralPath $folder -Filter *.json | New-SpVendorInvoice).Id | Sort-Object | Should -Be @('INV-NP1', 'INV-NP2')
    }

    It 'makes no call' {
        $before = Get-SandboxCount requests
        New-InvoiceData -Id INV-N1 | New-SpVendorInvoice | Out-Null
        Get-SandboxCount requests | Should -Be $before
    }
}

Describe 'Check first: New-SpVendorInvoice | Test-SpVendorInvoice' {
    BeforeAll {
        # Four invoices with one problem each: two New-SpVendorInvoice cannot build (a decimal comma, an
        # InvoiceType that differs between rows), two it builds and Test-SpVendorInvoice refuses (a total that
        # does not add up, a three-letter country code); and one valid invoice.
        $script:checkRows = @(
            'InvoiceNumber,InvoiceType,InvoiceDate,CurrencyCode,InvoiceTotal,RemitToPartyId,RemitToName,RemitToAddressLine1,RemitToCountryCode,BillToPartyId,PurchaseOrderNumber,Quantity,NetCost'
            'INV-C1,Invoice,2026-11-20,EUR,24.50,VENDR,Example,Street 1,DE,AMZN1,2JK3S9VC,2,"12,25"'
            'INV-C2,Invoice,2026-11-20,EUR,20.00,VENDR,Example,Street 1,DE,AMZN1,2JK3S9VC,1,10.00'
            'INV-C2,CreditNote,2026-11-20,EUR,20.00,VENDR,Example,Street 1,DE,AMZN1,2JK3S9VC,1,10.00'
            'INV-C3,Invoice,2026-11-20,EUR,99.00,VENDR,Example,Street 1,DE,AMZN1,2JK3S9VC,2,12.25'
            'INV-C4,Invoice,2026-11-20,EUR,24.50,VENDR,Example,Street 1,DEU,AMZN1,2JK3S9VC,2,12.25'
            'INV-C5,Invoice,2026-11-20,EUR,24.50,VENDR,Example,Street 1,DE,AMZN1,2JK3S9VC,2,12.25'
        ) | ConvertFrom-Csv
    }

    It 'lists every invoice''s problem, those found while building too' {
        $invalid = @($checkRows | New-SpVendorInvoice -ErrorVariable buildErrors -ErrorAction SilentlyContinue | Test-SpVendorInvoice | Where-Object { -not $_.IsValid })

        $invalid.InvoiceId | Should -Be @('INV-C1', 'INV-C2', 'INV-C3', 'INV-C4')
        $invalid[0].Problems.Path | Should -Contain 'items[0].netCost.amount'
        $invalid[1].Problems.Path | Should -Contain 'InvoiceType'
        $invalid[2].Problems.Path | Should -Contain 'invoiceTotal.amount'
        $invalid[3].Problems.Path | Should -Contain 'remitToParty.address.countryCode'
        ($invalid | Select-Object -ExpandProperty Problems).Count | Should -BeGreaterOrEqual 4
        # Each problem once, though the build-time ones went through New- and Test-.
        $invalid[0].Problems | Where-Object Path -EQ 'items[0].netCost.amount' | Should -HaveCount 1
        $buildErrors.Count | Should -Be 2
        $buildErrors | ForEach-Object { $_.FullyQualifiedErrorId } | Sort-Object -Unique | Should -Be 'InvalidVendorInvoice,SpApi.PowerShell.Cmdlets.NewSpVendorInvoiceCommand'
        $buildErrors.TargetObject | Should -Be @('INV-C1', 'INV-C2')
    }

    It 'lists the same problems as Test-SpVendorInvoice on the rows themselves' {
        $direct = @($checkRows | Test-SpVendorInvoice | Where-Object { -not $_.IsValid })
        $viaNew = @($checkRows | New-SpVendorInvoice -ErrorAction SilentlyContinue | Test-SpVendorInvoice | Where-Object { -not $_.IsValid })
        ($viaNew | ForEach-Object { $_.Problems } | ForEach-Object { "$_" }) | Should -Be ($direct | ForEach-Object { $_.Problems } | ForEach-Object { "$_" })
    }

    It 'never submits an invoice New-SpVendorInvoice could not build' {
        Reset-Sandbox
        $ids = @('C1', 'C2', 'C3', 'C4', 'C5' | ForEach-Object { New-InvoiceId $_ })
        $rows = $checkRows | ForEach-Object { $row = $_.PSObject.Copy(); $row.InvoiceNumber = $ids[[int] $row.InvoiceNumber.Substring(5) - 1]; $row }
        $sent = @($rows | New-SpVendorInvoice -ErrorAction SilentlyContinue | Submit-SpVendorInvoice -ErrorVariable refused -ErrorAction SilentlyContinue)
        $sent.InvoiceIds | Should -Be $ids[4]
        Get-SandboxCount invoicesReceived | Should -Be 1
        $refused | ForEach-Object { $_.TargetObject } | Should -Be $ids[0..3]
        $refused | ForEach-Object { $_.FullyQualifiedErrorId } | Sort-Object -Unique | Should -Be 'InvalidVendorInvoice,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
    }
}

Describe 'Test-SpVendorInvoice' {
    It 'finds a valid invoice valid' {
        $result = New-InvoiceData -Id INV-T1 | New-SpVendorInvoice | Test-SpVendorInvoice
        $result.InvoiceId | Should -Be 'INV-T1'
        $result.IsValid | Should -BeTrue
        @($result.Problems).Count | Should -Be 0
    }

    It 'reports <Case> at <Path>' -ForEach $malformed {
        $data = New-InvoiceData -Id 'INV-MALFORMED'
        & $Change $data
        $result = $data | Test-SpVendorInvoice
        $result.InvoiceId | Should -Be 'INV-MALFORMED'
        $result.IsValid | Should -BeFalse
        $result.Problems.Path | Should -Contain $Path
        ($result.Problems | Where-Object Path -EQ $Path | Select-Object -First 1).Message | Should -Not -BeNullOrEmpty
    }

    It 'lists every problem of an invoice, not just the first' {
        $data = New-InvoiceData -Id INV-T2
        $data.invoiceType = 'invoice'
        $data.remitToParty.address.countryCode = 'USA'
        $data.items[0].invoicedQuantity.amount = 0
        $data.items[0].Remove('purchaseOrderNumber')
        $result = $data | Test-SpVendorInvoice
        $result.IsValid | Should -BeFalse
        $paths = @($result.Problems.Path)
        $paths | Should -Contain 'invoiceType'
        $paths | Should -Contain 'remitToParty.address.countryCode'
        $paths | Should -Contain 'items[0].invoicedQuantity.amount'
        $paths | Should -Contain 'items[0].purchaseOrderNumber'
    }

    It 'checks Direct Fulfillment invoices against their own model with -DirectFulfillment' {
        (New-DirectFulfillmentData -Id DF-T1 | Test-SpVendorInvoice -DirectFulfillment).IsValid | Should -BeTrue
        $data = New-DirectFulfillmentData -Id DF-T2
        $data.Remove('shipFromParty')
        $data.remitToParty.address.postalOrZipCode = '98109'
        $result = $data | Test-SpVendorInvoice -DirectFulfillment
        $result.Api | Should -Be 'DirectFulfillment'
        $result.IsValid | Should -BeFalse
        $result.Problems.Path | Should -Contain 'shipFromParty'
        $result.Problems.Path | Should -Contain 'remitToParty.address.postalOrZipCode'
    }

    It 'answers $true or $false with -Quiet' {
        $bad = New-InvoiceData -Id INV-Q2 -Total '99.00'
        $answers = @((New-InvoiceData -Id INV-Q1), $bad | Test-SpVendorInvoice -Quiet)
        $answers.Count | Should -Be 2
        $answers[0] | Should -BeOfType [bool]
        $answers[0] | Should -BeTrue
        $answers[1] | Should -BeFalse
    }

    It 'tests the invoices of JSON files with -Path' {
        $body = Write-JsonFile 'body.json' @{ invoices = @((New-InvoiceData -Id INV-F1), (New-InvoiceData -Id INV-F2 -Total '1.00')) }
        $single = Write-JsonFile 'single.json' (New-InvoiceData -Id INV-F3)
        $results = @(Test-SpVendorInvoice -Path $body, $single)
        $results.Count | Should -Be 3
        $results.InvoiceId | Should -Be @('INV-F1', 'INV-F2', 'INV-F3')
        $results.IsValid | Should -Be @($true, $false, $true)
        Test-SpVendorInvoice -Path $single -Quiet | Should -BeTrue
    }

    It 'refuses a file that is not JSON with InvalidVendorInvoiceInput' {
        $path = Join-Path $TestDrive 'not.json'
        [System.IO.File]::WriteAllText($path, 'InvoiceNumber,InvoiceDate')
        { Test-SpVendorInvoice -Path $path -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidVendorInvoiceInput,SpApi.PowerShell.Cmdlets.TestSpVendorInvoiceCommand' -ExpectedMessage '*not valid JSON*'
    }

    It 'reads the files after one that is not JSON, and names that file in its error' {
        $bad = Join-Path $TestDrive 'broken.json'
        [System.IO.File]::WriteAllText($bad, '{ "invoices": ')
        $good = Write-JsonFile 'after.json' (New-InvoiceData -Id INV-F9)
        $results = @(Test-SpVendorInvoice -Path $bad, $good -ErrorVariable errors -ErrorAction SilentlyContinue)
        $results.InvoiceId | Should -Be 'INV-F9'
        $errors.Count | Should -Be 1
        $errors[0].TargetObject | Should -Be $bad
    }

    It 'reads every file a wildcard -Path matches, and a -LiteralPath as written' {
        $folder = Join-Path $TestDrive 'wild'
        New-Item -ItemType Directory -Path $folder | Out-Null
        [System.IO.File]::WriteAllText((Join-Path $folder 'a1.json'), (ConvertTo-Json -InputObject (New-InvoiceData -Id INV-W1) -Depth 20))
        [System.IO.File]::WriteAllText((Join-Path $folder 'a2.json'), (ConvertTo-Json -InputObject (New-InvoiceData -Id INV-W2) -Depth 20))
        [System.IO.File]::WriteAllText((Join-Path $folder '[1].json'), (ConvertTo-Json -InputObject (New-InvoiceData -Id INV-W3) -Depth 20))
        (Test-SpVendorInvoice -Path (Join-Path $folder 'a*.json')).InvoiceId | Sort-Object | Should -Be @('INV-W1', 'INV-W2')
        (Test-SpVendorInvoice -LiteralPath (Join-Path $folder '[1].json')).InvoiceId | Should -Be 'INV-W3'
        (Test-SpVendorInvoice -LP (Join-Path $folder '[1].json')).InvoiceId | Should -Be 'INV-W3'
        (Get-ChildItem -LiteralPath $folder -Filter *.json | Test-SpVendorInvoice).InvoiceId | Sort-Object | Should -Be @('INV-W1', 'INV-W2', 'INV-W3')
    }

    It 'resolves -Path against $PWD and PSDrives' {
        $folder = Join-Path $TestDrive 'relative'
        New-Item -ItemType Directory -Path $folder | Out-Null
        [System.IO.File]::WriteAllText((Join-Path $folder 'here.json'), (ConvertTo-Json -InputObject (New-InvoiceData -Id INV-R1) -Depth 20))
        Push-Location $folder
        try {
            [System.Environment]::CurrentDirectory | Should -Not -Be $folder
            (Test-SpVendorInvoice -Path ./here.json).InvoiceId | Should -Be 'INV-R1'
        }
        finally {
            Pop-Location
        }
        New-PSDrive -Name SpInput -PSProvider FileSystem -Root $folder | Out-Null
        try {
            (Test-SpVendorInvoice -Path SpInput:/here.json).InvoiceId | Should -Be 'INV-R1'
        }
        finally {
            Remove-PSDrive SpInput
        }
    }

    It 'reports a -Path that matches nothing, or is not on the file system, and reads the others' {
        $good = Write-JsonFile 'still-read.json' (New-InvoiceData -Id INV-M1)
        $results = @(Test-SpVendorInvoice -Path (Join-Path $TestDrive 'nothing-*.json'), (Join-Path $TestDrive 'missing.json'), 'Env:/PATH', $good -ErrorVariable errors -ErrorAction SilentlyContinue)
        $results.InvoiceId | Should -Be 'INV-M1'
        $errors.Count | Should -Be 3
        $errors | ForEach-Object { $_.FullyQualifiedErrorId } | Sort-Object -Unique | Should -Be 'InvalidVendorInvoiceInput,SpApi.PowerShell.Cmdlets.TestSpVendorInvoiceCommand'
        $errors | ForEach-Object { "$($_.CategoryInfo.Category)" } | Should -Be @('ObjectNotFound', 'ObjectNotFound', 'InvalidArgument')
        $errors[2].Exception.Message | Should -Match 'Environment provider'
    }

    It 'sends nothing to the sandbox' {
        $before = Get-SandboxCount requests
        $bad = New-InvoiceData -Id INV-S2
        $bad.invoiceType = 'invoice'
        (New-InvoiceData -Id INV-S1), $bad | Test-SpVendorInvoice | Out-Null
        Test-SpVendorInvoice -Path (Write-JsonFile 'quiet.json' (New-InvoiceData -Id INV-S3)) -Quiet | Out-Null
        Get-SandboxCount requests | Should -Be $before
    }
}

Describe 'Submit-SpVendorInvoice' {
    BeforeEach { Reset-Sandbox }

    It 'checks the example CSV as valid, then submits it and waits for Success' {
        $results = @(Import-Csv $csv | New-SpVendorInvoice | Test-SpVendorInvoice)
        $results.Count | Should -Be 3
        $results.InvoiceId | Should -Be @('INV-1001', 'INV-1002', 'INV-1003')
        foreach ($result in $results) {
            $result.IsValid | Should -BeTrue -Because ($result.Problems -join '; ')
        }

        $statuses = @(Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -Wait -PollIntervalSec 1 -TimeoutSec 60)
        $statuses.Count | Should -BeGreaterThan 0
        foreach ($status in $statuses) {
            $status.Status | Should -Be 'Success'
            $status.IsFinal | Should -BeTrue
            @($status.Errors).Count | Should -Be 0
        }
        ($statuses.InvoiceIds | Sort-Object) | Should -Be @('INV-1001', 'INV-1002', 'INV-1003')
        Get-SandboxCount invoicesReceived | Should -Be 3
        Get-SandboxCount duplicateInvoiceSubmissions | Should -Be 0
    }

    It 'submits CSV rows directly, grouped into invoices' {
        $sent = @(Import-Csv $csv | Submit-SpVendorInvoice -BatchSize 20)
        $sent.Count | Should -Be 1
        $sent[0].InvoiceIds | Should -Be @('INV-1001', 'INV-1002', 'INV-1003')
        Get-Calls submitInvoices | Should -Be 1
    }

    It 'returns one submission per batch, with its transaction and invoices' {
        $ids = @(New-InvoiceId S), (New-InvoiceId S)
        $sent = @($ids | ForEach-Object { New-InvoiceData -Id $_ } | Submit-SpVendorInvoice)
        $sent.Count | Should -Be 1
        $sent[0].TransactionId | Should -Not -BeNullOrEmpty
        $sent[0].Api | Should -Be 'Vendor'
        $sent[0].InvoiceIds | Should -Be $ids
        $sent[0].SubmittedAt | Should -BeOfType [DateTimeOffset]
        Get-Calls submitInvoices | Should -Be 1
        Get-SandboxCount invoicesReceived | Should -Be 2
    }

    It 'sends nothing with -WhatIf' {
        $sent = (New-InvoiceData -Id (New-InvoiceId W)), (New-InvoiceData -Id (New-InvoiceId W)) | Submit-SpVendorInvoice -WhatIf
        $sent | Should -BeNullOrEmpty
        Get-Calls submitInvoices | Should -Be 0
        Get-SandboxCount invoicesReceived | Should -Be 0
    }

    It 'makes 2 submissions of 3 invoices with -BatchSize 2' {
        $ids = @(New-InvoiceId B), (New-InvoiceId B), (New-InvoiceId B)
        $sent = @($ids | ForEach-Object { New-InvoiceData -Id $_ } | Submit-SpVendorInvoice -BatchSize 2)
        $sent.Count | Should -Be 2
        $sent[0].InvoiceIds | Should -Be $ids[0..1]
        $sent[1].InvoiceIds | Should -Be $ids[2]
        Get-Calls submitInvoices | Should -Be 2
        Get-SandboxCount invoicesReceived | Should -Be 3
    }

    It 'never sends an invalid invoice, and sends the valid ones around it' {
        $good1 = New-InvoiceId V
        $good2 = New-InvoiceId V
        $badId = New-InvoiceId V
        $bad = New-InvoiceData -Id $badId
        $bad.invoiceType = 'invoice'
        $sent = @((New-InvoiceData -Id $good1), $bad, (New-InvoiceData -Id $good2) | Submit-SpVendorInvoice -ErrorVariable problems -ErrorAction SilentlyContinue)

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidVendorInvoice,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        $problems[0].TargetObject | Should -Be $badId
        $problems[0].Exception.Message | Should -Match 'invoiceType'
        $sent.Count | Should -Be 1
        $sent.InvoiceIds | Should -Be @($good1, $good2)
        Get-Calls submitInvoices | Should -Be 1
        Get-SandboxCount invoicesReceived | Should -Be 2
    }

    It 'sends nothing when every invoice is invalid' {
        $bad = New-InvoiceData -Id (New-InvoiceId V) -Total '1.00'
        $bad | Submit-SpVendorInvoice -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidVendorInvoice,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        Get-Calls submitInvoices | Should -Be 0
    }

    It 'reports a 500 as SpApiOutcomeUnknown, sends it once and holds back the later batches' {
        $ids = @(New-InvoiceId O), (New-InvoiceId O), (New-InvoiceId O)
        Add-SandboxFault -Kind InternalServerError -Count 1 -Operation submitInvoices
        $sent = $ids | ForEach-Object { New-InvoiceData -Id $_ } | Submit-SpVendorInvoice -BatchSize 1 -ErrorVariable problems -ErrorAction SilentlyContinue

        $sent | Should -BeNullOrEmpty
        Get-Calls submitInvoices | Should -Be 1
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -Be 'SpApiOutcomeUnknown,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $problems[0].Exception.Message | Should -Match ([regex]::Escape($ids[0]))
        $problems[1].FullyQualifiedErrorId | Should -Be 'VendorInvoiceNotSent,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        $problems[1].Exception.InvoiceIds | Should -Be $ids[1..2]
    }

    It 'does not send again after the answer of a processed submission was lost' {
        $ids = @(New-InvoiceId R), (New-InvoiceId R)
        Add-SandboxFault -Kind ResetAfterProcessing -Count 1 -Operation submitInvoices
        $ids | ForEach-Object { New-InvoiceData -Id $_ } | Submit-SpVendorInvoice -BatchSize 1 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -Be 'SpApiOutcomeUnknown,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        $problems[1].FullyQualifiedErrorId | Should -Be 'VendorInvoiceNotSent,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        Get-Calls submitInvoices | Should -Be 1
        Get-SandboxCount invoicesReceived | Should -Be 1
        Get-SandboxCount duplicateInvoiceSubmissions | Should -Be 0
    }

    It 'does not send again after a 500 that came after processing' {
        Add-SandboxFault -Kind InternalServerErrorAfterProcessing -Count 1 -Operation submitInvoices
        { New-InvoiceData -Id (New-InvoiceId E) | Submit-SpVendorInvoice -ErrorAction Stop } |
            Should -Throw -ErrorId 'SpApiOutcomeUnknown,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        Get-Calls submitInvoices | Should -Be 1
        Get-SandboxCount invoicesReceived | Should -Be 1
        Get-SandboxCount duplicateInvoiceSubmissions | Should -Be 0
    }

    It 'refuses the same invoice number twice in one run with DuplicateVendorInvoice' {
        $twice = New-InvoiceId D
        $other = New-InvoiceId D
        $sent = @((New-InvoiceData -Id $twice), (New-InvoiceData -Id $other), (New-InvoiceData -Id $twice) | Submit-SpVendorInvoice -ErrorVariable problems -ErrorAction SilentlyContinue)

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'DuplicateVendorInvoice,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $problems[0].TargetObject | Should -Be $twice
        $sent.Count | Should -Be 1
        $sent.InvoiceIds | Should -Be @($twice, $other)
        Get-SandboxCount invoicesReceived | Should -Be 2
        Get-SandboxCount duplicateInvoiceSubmissions | Should -Be 0
    }

    It 'submits the invoices of a JSON file with -Path' {
        $ids = @(New-InvoiceId P), (New-InvoiceId P)
        $path = Write-JsonFile 'submit.json' @{ invoices = @($ids | ForEach-Object { New-InvoiceData -Id $_ }) }
        $statuses = @(Submit-SpVendorInvoice -Path $path -Wait -PollIntervalSec 1 -TimeoutSec 60)
        $statuses.Count | Should -Be 1
        $statuses[0].Status | Should -Be 'Success'
        $statuses[0].InvoiceIds | Should -Be $ids
        Get-Calls submitInvoices | Should -Be 1
    }

    It 'submits Direct Fulfillment invoices to submitInvoice with -DirectFulfillment' {
        $id = New-InvoiceId DF
        $statuses = @(New-DirectFulfillmentData -Id $id | Submit-SpVendorInvoice -DirectFulfillment -Wait -PollIntervalSec 1 -TimeoutSec 60)
        $statuses.Count | Should -Be 1
        $statuses[0].Api | Should -Be 'DirectFulfillment'
        $statuses[0].Status | Should -Be 'Success'
        $statuses[0].InvoiceIds | Should -Be $id
        Get-Calls submitInvoice | Should -Be 1
        Get-Calls submitInvoices | Should -Be 0
        Get-Calls getTransaction | Should -Be 0
    }

    It 'sends each model object to its own API, in separate requests' {
        $vendor = New-InvoiceData -Id (New-InvoiceId MV) | New-SpVendorInvoice
        $directFulfillment = New-DirectFulfillmentData -Id (New-InvoiceId MD) | New-SpVendorInvoice -DirectFulfillment
        $sent = @($vendor, $directFulfillment | Submit-SpVendorInvoice)
        ($sent | ForEach-Object { $_.Api.ToString() } | Sort-Object) | Should -Be @('DirectFulfillment', 'Vendor')
        Get-Calls submitInvoices | Should -Be 1
        Get-Calls submitInvoice | Should -Be 1
    }

    It 'leaves the judgement to Amazon with -SkipValidation' {
        $bad = New-InvoiceData -Id (New-InvoiceId K)
        $bad.invoiceType = 'invoice'
        { $bad | Submit-SpVendorInvoice -SkipValidation -ErrorAction Stop } |
            Should -Throw -ErrorId 'SpApiInvalidRequest,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand' -ExpectedMessage '*invoiceType*'
        Get-Calls submitInvoices | Should -Be 1
        Get-SandboxCount invoicesReceived | Should -Be 0
    }
}

Describe 'Get-SpTransactionStatus' {
    BeforeEach { Reset-Sandbox }

    It 'reads the status of a submission piped from Submit-SpVendorInvoice' {
        $ids = @(New-InvoiceId G), (New-InvoiceId G)
        $sent = $ids | ForEach-Object { New-InvoiceData -Id $_ } | Submit-SpVendorInvoice
        $status = $sent | Get-SpTransactionStatus
        $status.TransactionId | Should -Be $sent.TransactionId
        $status.Api | Should -Be 'Vendor'
        $status.InvoiceIds | Should -Be $ids
        # The sandbox answers Processing to the first read.
        $status.Status | Should -Be 'Processing'
        $status.IsFinal | Should -BeFalse
        Get-Calls getTransaction | Should -Be 1
    }

    It 'waits for Success with -Wait' {
        $ids = @(New-InvoiceId G), (New-InvoiceId G), (New-InvoiceId G)
        $sent = @($ids | ForEach-Object { New-InvoiceData -Id $_ } | Submit-SpVendorInvoice -BatchSize 1)
        $statuses = @($sent | Get-SpTransactionStatus -Wait -PollIntervalSec 1 -TimeoutSec 60)
        $statuses.Count | Should -Be 3
        ($statuses.TransactionId | Sort-Object) | Should -Be ($sent.TransactionId | Sort-Object)
        ($statuses.InvoiceIds | Sort-Object) | Should -Be ($ids | Sort-Object)
        foreach ($status in $statuses) {
            $status.Status | Should -Be 'Success'
            $status.IsFinal | Should -BeTrue
        }
    }

    It 'ends in Failure with an error that names the invoice whose total is wrong' {
        $good = New-InvoiceId GOOD
        $wrong = New-InvoiceId WRONG
        $sent = (New-InvoiceData -Id $good), (New-InvoiceData -Id $wrong -Total '30.00') | Submit-SpVendorInvoice -SkipValidation
        $sent.InvoiceIds | Should -Be @($good, $wrong)

        # A Failure is also a SpApiTransactionFailed error (Values.Tests.ps1).
        $status = $sent | Get-SpTransactionStatus -Wait -PollIntervalSec 1 -TimeoutSec 60 -ErrorAction SilentlyContinue
        $status.Status | Should -Be 'Failure'
        $status.IsFinal | Should -BeTrue
        @($status.Errors).Count | Should -Be 1
        $status.Errors[0].InvoiceId | Should -Be $wrong
        $status.Errors[0].Code | Should -Be 'INVALID_INVOICE_TOTAL'
    }

    It 'ends in Failure when an invoice number was accepted before' {
        $id = New-InvoiceId AGAIN
        (New-InvoiceData -Id $id | Submit-SpVendorInvoice -Wait -PollIntervalSec 1 -TimeoutSec 60).Status | Should -Be 'Success'
        $status = New-InvoiceData -Id $id | Submit-SpVendorInvoice | Get-SpTransactionStatus -Wait -PollIntervalSec 1 -TimeoutSec 60 -ErrorAction SilentlyContinue
        $status.Status | Should -Be 'Failure'
        $status.Errors[0].Code | Should -Be 'DUPLICATE_INVOICE'
        $status.Errors[0].InvoiceId | Should -Be $id
    }

    It 'reads a Direct Fulfillment transaction with -ApiVersion <_>' -ForEach @('2021-12-28', 'v1') {
        $version = $_
        $id = New-InvoiceId DF
        $sent = New-DirectFulfillmentData -Id $id | Submit-SpVendorInvoice -DirectFulfillment
        $sent.Api | Should -Be 'DirectFulfillment'

        $first = Get-SpTransactionStatus -TransactionId $sent.TransactionId -Api DirectFulfillment -ApiVersion $version
        $first.Status | Should -Be 'Processing'
        $final = Get-SpTransactionStatus -TransactionId $sent.TransactionId -Api DirectFulfillment -ApiVersion $version -InvoiceId $id -Wait -PollIntervalSec 1 -TimeoutSec 60
        $final.Api | Should -Be 'DirectFulfillment'
        $final.Status | Should -Be 'Success'
        $final.InvoiceIds | Should -Be $id
        Get-Calls getTransactionStatus | Should -Be 2
        Get-Calls getTransaction | Should -Be 0
    }

    It 'reports an unknown transaction id as SpApiNotFound' {
        { Get-SpTransactionStatus -TransactionId 'no-such-transaction' -ErrorAction Stop } |
            Should -Throw -ErrorId 'SpApiNotFound,SpApi.PowerShell.Cmdlets.GetSpTransactionStatusCommand'
    }

    It 'reports an unknown id and goes on with the other transactions' {
        $sent = New-InvoiceData -Id (New-InvoiceId U) | Submit-SpVendorInvoice
        $statuses = @($sent, [pscustomobject]@{ TransactionId = 'no-such-transaction' } | Get-SpTransactionStatus -ErrorVariable problems -ErrorAction SilentlyContinue)
        $statuses.Count | Should -Be 1
        $statuses[0].TransactionId | Should -Be $sent.TransactionId
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'SpApiNotFound,SpApi.PowerShell.Cmdlets.GetSpTransactionStatusCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports an unknown id and still waits for the other transactions with -Wait' {
        $sent = New-InvoiceData -Id (New-InvoiceId U) | Submit-SpVendorInvoice
        $statuses = @($sent, [pscustomobject]@{ TransactionId = 'no-such-transaction' } | Get-SpTransactionStatus -Wait -PollIntervalSec 1 -TimeoutSec 60 -ErrorVariable problems -ErrorAction SilentlyContinue)
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'SpApiNotFound,SpApi.PowerShell.Cmdlets.GetSpTransactionStatusCommand'
        $statuses.Count | Should -Be 1
        $statuses[0].TransactionId | Should -Be $sent.TransactionId
        $statuses[0].Status | Should -Be 'Success'
    }

    It 'outputs the last status with TransactionWaitTimeout when -TimeoutSec runs out' {
        $sent = New-InvoiceData -Id (New-InvoiceId T) | Submit-SpVendorInvoice
        $status = $sent | Get-SpTransactionStatus -Wait -PollIntervalSec 1 -TimeoutSec 1 -ErrorVariable late -ErrorAction SilentlyContinue
        $status.Status | Should -Be 'Processing'
        $status.IsFinal | Should -BeFalse
        $late.Count | Should -Be 1
        $late[0].FullyQualifiedErrorId | Should -Be 'TransactionWaitTimeout,SpApi.PowerShell.Cmdlets.GetSpTransactionStatusCommand'
        $late[0].Exception.Message | Should -Match ([regex]::Escape($sent.TransactionId))
    }
}

Describe 'Vendor invoices without a connection' {
    BeforeAll { Disconnect-SpApi }
    AfterAll { Connect-SpApiSandbox $sandbox | Out-Null }

    It 'builds and tests invoices, which need no connection' {
        (New-InvoiceData -Id INV-OFF1 | New-SpVendorInvoice | Test-SpVendorInvoice).IsValid | Should -BeTrue
    }

    It 'Submit-SpVendorInvoice stops with SpApiNotConnected' {
        { New-InvoiceData -Id INV-OFF2 | Submit-SpVendorInvoice } | Should -Throw -ErrorId 'SpApiNotConnected,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
    }

    It 'Get-SpTransactionStatus stops with SpApiNotConnected' {
        { Get-SpTransactionStatus -TransactionId 'any' } | Should -Throw -ErrorId 'SpApiNotConnected,SpApi.PowerShell.Cmdlets.GetSpTransactionStatusCommand'
    }
}
