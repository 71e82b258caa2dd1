BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    Connect-SpApiSandbox $sandbox | Out-Null
    # The sandbox's default data: 200 invoices, one every 7 hours back from the hour it started.
    $script:last30Days = (Get-Date).AddDays(-30)
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe 'Get-SpCustomerInvoice' {
    It 'reads a 30-day range across windows, each invoice once' {
        $invoices = Get-SpCustomerInvoice -CreatedAfter $last30Days
        $invoices.Count | Should -BeGreaterThan 90
        ($invoices.PurchaseOrderNumber | Sort-Object -Unique).Count | Should -Be $invoices.Count
        # Core's types live in the module's own load context, where PowerShell 7's type literals cannot see them (docs/loading.md).
        $invoices[0].GetType().FullName | Should -Be 'SpApi.Core.Apis.VendorDirectFulfillmentShipping.CustomerInvoice'
        $invoices[0].Size | Should -Be $invoices[0].GetContentBytes().Length
    }

    It 'gives the same set with v1' {
        $current = Get-SpCustomerInvoice -CreatedAfter $last30Days -CreatedBefore (Get-Date).AddDays(-1)
        $legacy = Get-SpCustomerInvoice -CreatedAfter $last30Days -CreatedBefore (Get-Date).AddDays(-1) -ApiVersion v1
        ($legacy.PurchaseOrderNumber | Sort-Object) | Should -Be ($current.PurchaseOrderNumber | Sort-Object)
    }

    It 'sorts descending across the whole range' {
        $numbers = (Get-SpCustomerInvoice -CreatedAfter $last30Days -SortOrder Descending -PageSize 37).PurchaseOrderNumber
        # Newer invoices have lower numbers in the sandbox's data.
        $numbers | Should -Be ($numbers | Sort-Object)
    }

    It 'honours -First and -Skip' {
        $all = (Get-SpCustomerInvoice -CreatedAfter $last30Days).PurchaseOrderNumber
        (Get-SpCustomerInvoice -CreatedAfter $last30Days -Skip 2 -First 3).PurchaseOrderNumber | Should -Be $all[2..4]
    }

    It 'pages by hand with -NoAutoIteration and -NextToken' {
        $after = (Get-Date).AddDays(-6)
        $before = Get-Date
        $page = Get-SpCustomerInvoice -CreatedAfter $after -CreatedBefore $before -NoAutoIteration -PageSize 5
        $page.CustomerInvoices.Count | Should -Be 5
        $page.NextToken | Should -Not -BeNullOrEmpty
        $next = Get-SpCustomerInvoice -CreatedAfter $after -CreatedBefore $before -NoAutoIteration -PageSize 5 -NextToken $page.NextToken
        $next.CustomerInvoices[0].PurchaseOrderNumber | Should -Not -BeIn $page.CustomerInvoices.PurchaseOrderNumber
    }

    It 'asks for -CreatedBefore with -NextToken' {
        { Get-SpCustomerInvoice -CreatedAfter (Get-Date).AddDays(-6) -NoAutoIteration -NextToken abc } |
            Should -Throw -ErrorId 'InvalidCustomerInvoiceQuery,SpApi.PowerShell.Cmdlets.GetSpCustomerInvoiceCommand'
    }

    It 'gets invoices by purchase order number from the pipeline, reporting a missing one and going on' {
        $found = 'PO00000001', 'PO99999999', 'PO00000002' | Get-SpCustomerInvoice -ErrorVariable missing -ErrorAction SilentlyContinue
        $found.PurchaseOrderNumber | Should -Be @('PO00000001', 'PO00000002')
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'SpApiNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'refuses a malformed purchase order number before calling' {
        $before = (Get-SpApiSandboxCounter $sandbox).requests
        Get-SpCustomerInvoice -PurchaseOrderNumber 'PO-1' -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPurchaseOrderNumber,*'
        (Get-SpApiSandboxCounter $sandbox).requests | Should -Be $before
    }

    It 'refuses CreatedBefore on or before CreatedAfter' {
        { Get-SpCustomerInvoice -CreatedAfter (Get-Date) -CreatedBefore (Get-Date).AddDays(-1) } | Should -Throw -ErrorId 'InvalidCustomerInvoiceQuery,SpApi.PowerShell.Cmdlets.GetSpCustomerInvoiceCommand'
    }

    It 'refuses a page size outside 1..100' {
        { Get-SpCustomerInvoice -CreatedAfter $last30Days -PageSize 101 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SpApi.PowerShell.Cmdlets.GetSpCustomerInvoiceCommand'
    }

    It 'warns when the range reaches past the six-month look-back' {
        Get-SpCustomerInvoice -CreatedAfter (Get-Date).AddDays(-200) -CreatedBefore (Get-Date).AddDays(-199) -WarningVariable warned -WarningAction SilentlyContinue | Out-Null
        $warned | Should -Match 'six months'
    }

    It 'shows the purchase order number and the size in its table view' {
        $table = Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 | Format-Table | Out-String
        $table | Should -Match 'PurchaseOrderNumber\s+Size'
        $table | Should -Not -Match 'JVBER'
    }

    It 'reports each call with -Verbose: operation, status, request id and rate limit' {
        $verbose = Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $verbose | Should -Contain 'getCustomerInvoice: GET /vendor/directFulfillment/shipping/2021-12-28/customerInvoices/PO00000001'
        ($verbose | Where-Object { $_ -like 'getCustomerInvoice: 200 OK in *' }) | Should -Match 'request id [0-9a-f-]{36}, rate limit \d'
    }
}

Describe 'Get-SpCustomerInvoice -Debug in a non-interactive session (a scheduled task)' {
    BeforeAll {
        # Runs a script in a new -NonInteractive process of the PowerShell running these tests and returns
        # the ErrorIds it printed. The child inherits
        # SPAPI_TEST_MODULE and SPAPI_RATE_SCALE, so it imports the module under test at the same scale.
        function Get-NonInteractiveErrorId([string] $Call) {
            $script = @"
. '$(Join-Path $PSScriptRoot 'Shared.ps1')'
Import-SpApiTestModule
Connect-SpApiSandbox ([pscustomobject]@{
    Endpoint      = [uri] '$($sandbox.Endpoint)'
    TokenEndpoint = [uri] '$($sandbox.TokenEndpoint)'
    ClientId      = '$($sandbox.ClientId)'
    ClientSecret  = ConvertTo-SecureString 'amzn1.oa2-cs.v1.sandbox-secret' -AsPlainText -Force
    RefreshToken  = ConvertTo-SecureString 'Atzr|sandbox-refresh-token' -AsPlainText -Force
}) | Out-Null
try {
    $Call -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null
    `$failed | ForEach-Object { 'ErrorId:' + `$_.FullyQualifiedErrorId }
}
catch {
    'ErrorId:' + `$_.FullyQualifiedErrorId
}
"@
            $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
            $shell = @(Get-RunningPowerShell)
            $first = @($shell | Select-Object -Skip 1)
            $output = & $shell[0] @first -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
            @($output | ForEach-Object { "$_" } | Where-Object { $_ -like 'ErrorId:*' } | ForEach-Object { $_.Substring(8) })
        }
    }

    It 'reports a missing purchase order as not found with -Debug' {
        $ids = @(Get-NonInteractiveErrorId 'Get-SpCustomerInvoice -PurchaseOrderNumber PO99999999 -Debug')
        $ids | Should -HaveCount 1
        $ids[0] | Should -BeLike 'SpApiNotFound,*'
    }

    It 'reports it as not found when every debug line prompts and the prompt fails' {
        # What -Debug does in Windows PowerShell (Inquire); PowerShell 7's -Debug only shows the lines.
        $ids = @(Get-NonInteractiveErrorId '$DebugPreference = ''Inquire''; Get-SpCustomerInvoice -PurchaseOrderNumber PO99999999')
        $ids | Should -HaveCount 1
        $ids[0] | Should -BeLike 'SpApiNotFound,*'
    }
}

Describe 'Several connections in one script' {
    It 'keeps an earlier connection usable after connecting again' {
        $first = Get-SpApiConnection
        $second = Connect-SpApiSandbox $sandbox
        (Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -Connection $first).PurchaseOrderNumber | Should -Be 'PO00000001'
        (Get-SpCustomerInvoice -PurchaseOrderNumber PO00000002 -Connection $second).PurchaseOrderNumber | Should -Be 'PO00000002'
        (Get-SpApiConnection).ConnectedAt | Should -Be $second.ConnectedAt
    }

    It 'stops with a clear error when there is no connection' {
        Disconnect-SpApi
        try {
            { Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 } | Should -Throw -ErrorId 'SpApiNotConnected,SpApi.PowerShell.Cmdlets.GetSpCustomerInvoiceCommand'
        }
        finally {
            Connect-SpApiSandbox $sandbox | Out-Null
        }
    }
}

Describe 'Save-SpCustomerInvoice' {
    It 'saves every invoice of a range exactly once as a PDF' {
        $folder = Join-Path $TestDrive 'invoices'
        $invoices = Get-SpCustomerInvoice -CreatedAfter $last30Days
        $files = $invoices | Save-SpCustomerInvoice -Path $folder -PassThru
        $files.Count | Should -Be $invoices.Count
        (Get-ChildItem $folder -Filter *.pdf).Count | Should -Be $invoices.Count
        [System.IO.File]::ReadAllText($files[0].FullName) | Should -Match '^%PDF-1\.4'
        Get-ChildItem $folder -Filter *.tmp -Force | Should -BeNullOrEmpty
    }

    It 'skips identical files and refuses changed ones without -Force' {
        $folder = Join-Path $TestDrive 'again'
        Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 | Save-SpCustomerInvoice -Path $folder
        Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 | Save-SpCustomerInvoice -Path $folder -ErrorAction Stop
        Set-Content -Path (Join-Path $folder 'PO00000001.pdf') -Value 'changed'
        Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 | Save-SpCustomerInvoice -Path $folder -ErrorVariable conflict -ErrorAction SilentlyContinue
        $conflict[0].FullyQualifiedErrorId | Should -BeLike 'InvoiceFileExists,*'
        Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 | Save-SpCustomerInvoice -Path $folder -Force
        [System.IO.File]::ReadAllText((Join-Path $folder 'PO00000001.pdf')) | Should -Match '^%PDF'
    }

    It 'reports content that is not a PDF and writes nothing for it' {
        $folder = Join-Path $TestDrive 'bad'
        # A hashtable binds as a CustomerInvoice, as a user's own data would.
        $bad = @{ PurchaseOrderNumber = 'PO1'; Content = 'base 64 content goes here' }
        $bad | Save-SpCustomerInvoice -Path $folder -ErrorVariable invalid -ErrorAction SilentlyContinue
        $invalid[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInvoiceContent,*'
        Test-Path (Join-Path $folder 'PO1.pdf') | Should -BeFalse
    }

    It 'fetches by purchase order number itself' {
        $folder = Join-Path $TestDrive 'by-po'
        Save-SpCustomerInvoice -PurchaseOrderNumber PO00000003, PO00000004 -Path $folder
        (Get-ChildItem $folder).Name | Sort-Object | Should -Be @('PO00000003.pdf', 'PO00000004.pdf')
    }

    It 'writes nothing with -WhatIf' {
        $folder = Join-Path $TestDrive 'whatif'
        Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 | Save-SpCustomerInvoice -Path $folder -WhatIf
        Test-Path (Join-Path $folder 'PO00000001.pdf') | Should -BeFalse
    }

    It 'asks nothing under -Confirm for a file that is already there with the same content' {
        $folder = Join-Path $TestDrive 'confirm'
        Save-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -Path $folder
        # A prompt would fail here (no interactive host); an unchanged file is not a write to confirm.
        $verbose = Save-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -Path $folder -Confirm -Verbose -ErrorAction Stop 4>&1
        @($verbose | Where-Object { "$_" -like 'Unchanged:*PO00000001.pdf' }).Count | Should -Be 1
    }
}

Describe 'Sync-SpCustomerInvoice' {
    It 'saves the new invoices, then finds nothing new on the next run' {
        $folder = Join-Path $TestDrive 'sync'
        $first = Sync-SpCustomerInvoice -Path $folder -Since (Get-Date).AddDays(-10)
        $first.New | Should -BeGreaterThan 20
        $first.Failed | Should -Be 0
        (Get-ChildItem $folder -Filter *.pdf).Count | Should -Be $first.New
        Test-Path (Join-Path $folder '.spapi-sync.json') | Should -BeTrue

        $second = Sync-SpCustomerInvoice -Path $folder
        $second.New | Should -Be 0
        $second.WindowStart | Should -BeLessThan $first.WindowEnd
    }

    It 'stops at once when another run holds the folder' {
        $folder = Join-Path $TestDrive 'locked'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $held = [System.IO.File]::Open((Join-Path $folder '.spapi-sync.lock'), 'OpenOrCreate', 'ReadWrite', 'None')
        try {
            { Sync-SpCustomerInvoice -Path $folder -Since (Get-Date).AddDays(-1) } | Should -Throw -ErrorId 'SyncAlreadyRunning,SpApi.PowerShell.Cmdlets.SyncSpCustomerInvoiceCommand'
        }
        finally {
            $held.Dispose()
        }
    }
}
