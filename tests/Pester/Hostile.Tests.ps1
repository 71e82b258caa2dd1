# Issue 14: hostile data and faults, through the cmdlets against the sandbox's faults.
# Runs on Windows PowerShell 5.1 too: no ternary, no ??, ASCII only.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    Connect-SpApiSandbox $sandbox | Out-Null

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
    function New-InvoiceData([string] $Id) {
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
            invoiceTotal = @{ amount = '24.50'; currencyCode = 'EUR' }
            items        = @(
                @{ itemSequenceNumber = 1; purchaseOrderNumber = '2JK3S9VC'; invoicedQuantity = @{ amount = 2; unitOfMeasure = 'Eaches' }; netCost = @{ amount = '12.25'; currencyCode = 'EUR' } }
            )
        }
    }

    function New-InvoiceId([string] $Prefix) { '{0}-{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 8) }
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe 'Submit-SpVendorInvoice when the outcome is unknown' {
    BeforeEach { Reset-Sandbox }

    It 'reports a cut 202 as SpApiOutcomeUnknown, sends no later batch and nothing again' {
        $ids = @(New-InvoiceId CUT), (New-InvoiceId CUT)
        Add-SandboxFault -Kind TruncatedSuccess -Count 1 -Operation submitInvoices
        $sent = $ids | ForEach-Object { New-InvoiceData -Id $_ } | Submit-SpVendorInvoice -BatchSize 1 -ErrorVariable problems -ErrorAction SilentlyContinue

        $sent | Should -BeNullOrEmpty
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -Be 'SpApiOutcomeUnknown,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        $problems[0].Exception.Message | Should -Match ([regex]::Escape($ids[0]))
        $problems[0].Exception.Message | Should -Not -Match 'rejected'
        $problems[1].FullyQualifiedErrorId | Should -Be 'VendorInvoiceNotSent,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        $problems[1].Exception.InvoiceIds | Should -Be $ids[1]
        # The first batch was processed; the second never left; nothing was posted twice or anywhere else.
        Get-Calls submitInvoices | Should -Be 1
        Get-SandboxCount invoicesReceived | Should -Be 1
        Get-SandboxCount duplicateInvoiceSubmissions | Should -Be 0
        Get-SandboxCount redirectTargetHits | Should -Be 0
    }

    It 'reports a 307 as SpApiOutcomeUnknown and does not follow it' {
        $ids = @(New-InvoiceId MOVED), (New-InvoiceId MOVED)
        Add-SandboxFault -Kind TemporaryRedirectElsewhere -Count 1 -Operation submitInvoices
        $ids | ForEach-Object { New-InvoiceData -Id $_ } | Submit-SpVendorInvoice -BatchSize 1 -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be 'SpApiOutcomeUnknown,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        $problems[1].FullyQualifiedErrorId | Should -Be 'VendorInvoiceNotSent,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        Get-Calls submitInvoices | Should -Be 1
        Get-SandboxCount redirectTargetHits | Should -Be 0
    }
}

Describe 'A JSON invoice file with the same key twice' {
    BeforeAll {
        $json = ConvertTo-Json -InputObject @{ invoices = @(New-InvoiceData -Id 'FIRST-ID') } -Depth 20
        $script:duplicate = Join-Path $TestDrive 'dup.json'
        [System.IO.File]::WriteAllText($duplicate, ($json -replace '"id":\s*"FIRST-ID"', '"id": "FIRST-ID", "id": "SECOND-ID"'))
    }

    BeforeEach { Reset-Sandbox }

    # New-SpVendorInvoice has no -Path: Test-SpVendorInvoice is the cmdlet that reads a file without sending it.
    It 'is refused by Test-SpVendorInvoice with the key and its path' {
        $results = Test-SpVendorInvoice -Path $duplicate -ErrorVariable problems -ErrorAction SilentlyContinue

        $results | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidVendorInvoiceInput,SpApi.PowerShell.Cmdlets.TestSpVendorInvoiceCommand'
        $problems[0].Exception.Message | Should -Match '"id"'
        $problems[0].Exception.Message | Should -Match ([regex]::Escape('$.invoices[0].id'))
    }

    It 'sends nothing with Submit-SpVendorInvoice' {
        Submit-SpVendorInvoice -Path $duplicate -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidVendorInvoiceInput,*'
        Get-Calls submitInvoices | Should -Be 0
    }
}

Describe 'Customer invoices from the server are checked' {
    BeforeEach { Reset-Sandbox }

    It 'refuses an answer for another purchase order, naming both' {
        Add-SandboxFault -Kind OtherPurchaseOrder -Count 1 -Operation getCustomerInvoice
        $problem = $null
        try { Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -ErrorAction Stop } catch { $problem = $_ }

        $problem.FullyQualifiedErrorId | Should -Be 'SpApiInvalidResponse,SpApi.PowerShell.Cmdlets.GetSpCustomerInvoiceCommand'
        $problem.Exception.Message | Should -Match 'PO00000001'
        $problem.Exception.Message | Should -Match 'OTHERPO1'
    }

    It 'refuses a purchase order number with a final newline before calling' {
        Get-SpCustomerInvoice -PurchaseOrderNumber "ABC123`n" -ErrorVariable bad -ErrorAction SilentlyContinue

        $bad[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPurchaseOrderNumber,*'
        Get-Calls getCustomerInvoice | Should -Be 0
    }

    It 'reports a null in the list as SpApiInvalidResponse' {
        Add-SandboxFault -Kind NullInList -Count 1 -Operation getCustomerInvoices
        { Get-SpCustomerInvoice -CreatedAfter (Get-Date).AddDays(-6) -ErrorAction Stop } |
            Should -Throw -ErrorId 'SpApiInvalidResponse,SpApi.PowerShell.Cmdlets.GetSpCustomerInvoiceCommand'
    }

    It 'warns about one purchase order on two pages with different content and keeps the first' {
        Add-SandboxFault -Kind ConflictingRepeat -Count 1 -Operation getCustomerInvoices
        $invoices = Get-SpCustomerInvoice -CreatedAfter (Get-Date).AddDays(-6) -PageSize 5 -SortOrder Ascending -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Match 'different content'
        ($invoices.PurchaseOrderNumber | Sort-Object -Unique).Count | Should -Be $invoices.Count
    }

    It 'stops paging after 10 empty pages in a row with new tokens' {
        Add-SandboxFault -Kind EndlessEmptyPages -Count 100000 -Operation getCustomerInvoices
        $problem = $null
        try { Get-SpCustomerInvoice -CreatedAfter (Get-Date).AddDays(-6) -ErrorAction Stop } catch { $problem = $_ }

        $problem.FullyQualifiedErrorId | Should -Be 'SpApiInvalidResponse,SpApi.PowerShell.Cmdlets.GetSpCustomerInvoiceCommand'
        $problem.Exception.Message | Should -Match '10 empty pages in a row'
        Get-Calls getCustomerInvoices | Should -Be 10
    }
}

Describe 'Receive-SpInvoiceExport with a corrupt document' {
    BeforeEach { Reset-Sandbox }

    It 'replaces a corrupt zip already in the folder, with a warning, and extracts it' {
        $folder = Join-Path $TestDrive 'stale'
        $export = New-SpInvoiceExport -MarketplaceId A2Q3Y263D00KWC -DateStart (Get-Date).AddDays(-1) -DateEnd (Get-Date)
        $zips = $export | Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1 -NoExpand
        $zips | ForEach-Object { [IO.File]::WriteAllText($_.FullName, 'PK this is not a zip') }

        $files = $export | Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1 -WarningVariable warned -WarningAction SilentlyContinue

        $files.Count | Should -BeGreaterThan 0
        $files | ForEach-Object { Get-Content -Raw $_.FullName | Should -Match '<infNFe Id="NFE\d+">' }
        Get-ChildItem $folder -Filter *.zip | Should -BeNullOrEmpty
        $warned.Count | Should -Be @($zips).Count
        "$warned" | Should -Match 'not a valid zip; it is discarded and downloaded again'
    }

    It 'fetches a corrupt first download again and keeps nothing of it' {
        $folder = Join-Path $TestDrive 'corrupt'
        Add-SandboxFault -Kind CorruptZip -Count 1 -Operation download
        $files = New-SpInvoiceExport -MarketplaceId A2Q3Y263D00KWC -DateStart (Get-Date).AddDays(-1) -DateEnd (Get-Date) |
            Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1 -WarningVariable warned -WarningAction SilentlyContinue

        $files.Count | Should -BeGreaterThan 0
        $files | ForEach-Object { Get-Content -Raw $_.FullName | Should -Match '<infNFe Id="NFE\d+">' }
        Get-ChildItem $folder -Force | Where-Object Name -Match '\.(zip|tmp)$' | Should -BeNullOrEmpty
        "$warned" | Should -Match 'was not a valid zip'
        Get-Calls getInvoicesDocument | Should -Be 2
    }

    It 'ends with InvoiceDocumentCorrupt naming the document when every download is corrupt' {
        $folder = Join-Path $TestDrive 'hopeless'
        Add-SandboxFault -Kind CorruptZip -Count 10 -Operation download
        $export = New-SpInvoiceExport -MarketplaceId A2Q3Y263D00KWC -DateStart (Get-Date).AddDays(-1) -DateEnd (Get-Date)
        $export | Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1 -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue |
            Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be 'InvoiceDocumentCorrupt,SpApi.PowerShell.Cmdlets.ReceiveSpInvoiceExportCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].Exception.Message | Should -Match ([regex]::Escape($problems[0].Exception.DocumentId))
        Get-Calls getInvoicesDocument | Should -Be 3
        Get-ChildItem $folder -Force -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Receive-SpInvoiceExport with a hostile zip' {
    BeforeEach { Reset-Sandbox }

    It 'refuses a zip bomb with ZipLimitExceeded naming the document, once, and keeps nothing' {
        $folder = Join-Path $TestDrive 'bomb'
        Add-SandboxFault -Kind ZipBomb -Count 10 -Operation download
        New-SpInvoiceExport -MarketplaceId A2Q3Y263D00KWC -DateStart (Get-Date).AddDays(-1) -DateEnd (Get-Date) |
            Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1 -ErrorVariable problems -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be 'ZipLimitExceeded,SpApi.PowerShell.Cmdlets.ReceiveSpInvoiceExportCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $problems[0].Exception.Limit | Should -Be 'MaxRatio'
        $problems[0].Exception.Message | Should -Match 'invoice document \S+ has an entry .bomb\.xml.'
        Get-Calls getInvoicesDocument | Should -Be 1
        Get-ChildItem $folder -Force -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'reports two entries with the same name as InvalidZipEntry and extracts none of them' {
        $folder = Join-Path $TestDrive 'duplicate'
        Add-SandboxFault -Kind DuplicateZipEntries -Count 1 -Operation download
        New-SpInvoiceExport -MarketplaceId A2Q3Y263D00KWC -DateStart (Get-Date).AddDays(-1) -DateEnd (Get-Date) |
            Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1 -ErrorVariable problems -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty

        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidZipEntry,SpApi.PowerShell.Cmdlets.ReceiveSpInvoiceExportCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $problems[0].Exception.Message | Should -Match ([regex]::Escape("'$($problems[0].Exception.Entry)'"))
        Get-ChildItem $folder -Recurse -Filter *.xml | Should -BeNullOrEmpty
        Get-ChildItem $folder -Force | Where-Object Name -Match '\.tmp$' | Should -BeNullOrEmpty
    }

    It 'removes a temporary file a killed run left, and says so under -Verbose' {
        $folder = Join-Path $TestDrive 'killed'
        $null = New-Item -ItemType Directory $folder
        $stale = Join-Path $folder '.DOC1.zip.0123456789abcdef0123456789abcdef.tmp'
        $lookAlike = Join-Path $folder '.DOC1.zip.tmp'
        foreach ($file in $stale, $lookAlike) {
            Set-Content -LiteralPath $file -Value 'left by a killed run'
            (Get-Item -LiteralPath $file -Force).LastWriteTimeUtc = [datetime]::UtcNow.AddMinutes(-2)
        }

        $files = New-SpInvoiceExport -MarketplaceId A2Q3Y263D00KWC -DateStart (Get-Date).AddDays(-1) -DateEnd (Get-Date) |
            Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1 -Verbose 4>&1 | Tee-Object -Variable all | Where-Object { $_ -is [IO.FileInfo] }

        $files.Count | Should -BeGreaterThan 0
        Test-Path -LiteralPath $stale | Should -BeFalse
        Test-Path -LiteralPath $lookAlike | Should -BeTrue
        ($all | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match ([regex]::Escape("Removed $stale"))
    }
}

Describe 'Get-SpCustomerInvoice with an absurd range start' {
    BeforeEach { Reset-Sandbox }

    It 'moves -CreatedAfter [datetime]::MinValue up to six months ago, with a warning, and asks for those windows only' {
        $all = Get-SpCustomerInvoice -CreatedAfter ([datetime]::MinValue) -WarningVariable warned -WarningAction SilentlyContinue
        $calls = Get-Calls getCustomerInvoices
        $sixMonths = Get-SpCustomerInvoice -CreatedAfter (Get-Date).AddDays(-183) -WarningAction SilentlyContinue

        "$warned" | Should -Match 'CreatedAfter \(0001-01-01 00:00:00Z\) is before .* rolling six months, so the range starts at'
        @($all).Count | Should -BeGreaterThan 0
        ($all.PurchaseOrderNumber | Sort-Object) | Should -Be ($sixMonths.PurchaseOrderNumber | Sort-Object)
        # The same requests as six months back (27 seven-day windows), not about 105,000 windows from year 1.
        $calls | Should -Be ((Get-Calls getCustomerInvoices) - $calls)
        $calls | Should -BeLessThan 100
    }
}

Describe 'Failures that once escaped as bare .NET exceptions' {
    BeforeEach { Reset-Sandbox }

    It 'reports an amount too large to add up as InvalidVendorInvoice naming the line, not OverflowException' {
        $invoice = New-InvoiceData -Id (New-InvoiceId OVF)
        $invoice.items[0].netCost.amount = '79228162514264337593543950335'
        $result = $invoice | Test-SpVendorInvoice
        $result.IsValid | Should -BeFalse
        ($result.Problems | Where-Object Path -eq 'items[0]').Message | Should -BeLike '*too large to add up*'

        { $invoice | Submit-SpVendorInvoice -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidVendorInvoice,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand' -ExpectedMessage '*items`[0`]*too large*'
        Get-Calls submitInvoices | Should -Be 0
    }

    It 'refuses an invoice file past 64 MiB before reading it, naming -Path, the file and the limit' {
        $big = Join-Path $TestDrive 'big.json'
        $file = [System.IO.File]::Create($big)
        try { $file.SetLength(64MB + 1) } finally { $file.Dispose() }
        { Test-SpVendorInvoice -Path $big -ErrorAction Stop } |
            Should -Throw -ErrorId 'InputFileTooLarge,SpApi.PowerShell.Cmdlets.TestSpVendorInvoiceCommand' -ExpectedMessage "Path: *big.json is larger than 64 MiB*"
    }

    It 'reads -LiteralPath /dev/zero only up to the limit' -Skip:($PSVersionTable.PSVersion.Major -lt 6 -or $IsWindows) {
        Test-SpVendorInvoice -LiteralPath /dev/zero -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InputFileTooLarge,SpApi.PowerShell.Cmdlets.TestSpVendorInvoiceCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $problems[0].Exception.Message | Should -BeLike '*/dev/zero*no length*'
    }

    It 'refuses a NUL in -LiteralPath and -LedgerPath, naming the parameter' {
        { Test-SpVendorInvoice -LiteralPath "a`0b.json" -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidVendorInvoiceInput,SpApi.PowerShell.Cmdlets.TestSpVendorInvoiceCommand' -ExpectedMessage "LiteralPath: 'a\u0000b.json' holds the character U+0000*"
        { Get-SpVendorInvoiceSubmission -LedgerPath "ledger`0" -ErrorAction Stop } |
            Should -Throw -ErrorId 'SubmissionLedgerUnavailable,SpApi.PowerShell.Cmdlets.GetSpVendorInvoiceSubmissionCommand' -ExpectedMessage 'LedgerPath:*U+0000*'
        { Save-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -Path "out`0" -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSaveParameter,SpApi.PowerShell.Cmdlets.SaveSpCustomerInvoiceCommand' -ExpectedMessage 'Path:*U+0000*'
        Get-Calls getCustomerInvoice | Should -Be 0
    }
}

Describe 'Ctrl+C while Submit-SpVendorInvoice waits for Amazon' {
    BeforeEach { Reset-Sandbox }

    It 'warns which invoices have an unknown outcome, and the ledger says so' -Skip:($PSVersionTable.PSVersion.Major -lt 6) {
        $ids = [string[]] ((New-InvoiceId STOP), (New-InvoiceId STOP))
        $ledger = Join-Path $TestDrive 'ledger'
        Add-SandboxFault -Kind Hang -Count 1 -Operation submitInvoices
        $invoices = $ids | ForEach-Object { New-InvoiceData -Id $_ }
        $manifest = if ($env:SPAPI_TEST_MODULE) { $env:SPAPI_TEST_MODULE } else { Join-Path $PSScriptRoot '../../out/SpApi/SpApi.psd1' }
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                param($Manifest, $Sandbox, $Invoices, $Ledger)
                Import-Module $Manifest
                Connect-SpApi -ClientId $Sandbox.ClientId -ClientSecret $Sandbox.ClientSecret -RefreshToken $Sandbox.RefreshToken -Endpoint $Sandbox.Endpoint -TokenEndpoint $Sandbox.TokenEndpoint | Out-Null
                $Invoices | Submit-SpVendorInvoice -LedgerPath $Ledger
            }).AddArgument($manifest).AddArgument($sandbox).AddArgument($invoices).AddArgument($ledger)
            $running = $shell.BeginInvoke()
            # The POST has reached the sandbox, which holds it until the client hangs up.
            while ((Get-Calls submitInvoices) -lt 1 -and -not $running.IsCompleted) { Start-Sleep -Milliseconds 50 }
            $shell.Stop()

            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $warning = @($shell.Streams.Warning) -join "`n"
            $warning | Should -BeLike "*Stopped while submitting invoices $($ids[0]), $($ids[1])*unknown*Get-SpVendorInvoiceSubmission*"
        }
        finally { $shell.Dispose() }

        $records = Get-SpVendorInvoiceSubmission -LedgerPath $ledger -InvoiceId $ids
        @($records).Count | Should -Be 2
        $records | ForEach-Object { $_.Event | Should -Be 'OutcomeUnknown' }
    }
}
