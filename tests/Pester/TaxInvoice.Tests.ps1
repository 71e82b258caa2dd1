BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    Connect-SpApiSandbox $sandbox | Out-Null
    $script:brazil = 'A2Q3Y263D00KWC'
    # The sandbox's data: 60 invoices, one every 6 hours back from when it started; exports take 3 s.
    $script:from = (Get-Date).AddDays(-2)
    $script:to = Get-Date
    function Get-Calls([string] $Operation) { Get-SpApiSandboxCall $sandbox $Operation }
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe 'Get-SpInvoiceAttribute' {
    It 'lists the options of Brazil' {
        $attributes = Get-SpInvoiceAttribute -MarketplaceId $brazil
        $attributes.InvoiceStatusOptions.Value | Should -Contain 'AUTHORIZED'
        $attributes.TransactionIdentifierNameOptions.Value | Should -Contain 'SHIPMENT_ID'
    }

    It 'feeds the argument completers' {
        Get-SpInvoiceAttribute -MarketplaceId $brazil | Out-Null
        $line = "New-SpInvoiceExport -MarketplaceId $brazil -Status AUTH"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'AUTHORIZED'
    }
}

Describe 'New-SpInvoiceExport | Receive-SpInvoiceExport' {
    It 'leaves exactly the invoices of the period on disk' {
        $folder = Join-Path $TestDrive 'out'
        $expected = (Get-SpInvoice -MarketplaceId $brazil -DateStart $from -DateEnd $to).Id | ForEach-Object { "$_.xml" } | Sort-Object
        $files = New-SpInvoiceExport -MarketplaceId $brazil -DateStart $from -DateEnd $to | Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1
        $expected.Count | Should -BeGreaterThan 3
        ($files.Name | Sort-Object) | Should -Be $expected
        ((Get-ChildItem $folder -Filter *.xml).Name | Sort-Object) | Should -Be $expected
        Get-Content -Raw $files[0].FullName | Should -Match '<infNFe Id="NFE\d+">'
    }

    It 'skips documents already complete on a second run' {
        $folder = Join-Path $TestDrive 'rerun'
        $export = New-SpInvoiceExport -MarketplaceId $brazil -DateStart $from -DateEnd $to
        $first = $export | Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1
        $downloads = (Get-SpApiSandboxCounter $sandbox).documentDownloads
        $second = $export | Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1
        ($second.Name | Sort-Object) | Should -Be ($first.Name | Sort-Object)
        (Get-SpApiSandboxCounter $sandbox).documentDownloads | Should -Be $downloads
    }

    It 'reports a failed export and goes on with the next one' {
        $folder = Join-Path $TestDrive 'failed'
        $failed = New-SpInvoiceExport -MarketplaceId $brazil -ExternalInvoiceId SANDBOX-ERROR
        $good = New-SpInvoiceExport -MarketplaceId $brazil -DateStart $from -DateEnd $to
        $files = $failed, $good | Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1 -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvoiceExportFailed,*'
        $problems[0].Exception.Message | Should -Match 'ERROR'
        $files.Count | Should -BeGreaterThan 3
    }

    It 'gives up at -TimeoutSec with a clear error' {
        $export = New-SpInvoiceExport -MarketplaceId $brazil
        $export | Receive-SpInvoiceExport -Path (Join-Path $TestDrive 'slow') -TimeoutSec 1 -PollIntervalSec 1 -ErrorVariable late -ErrorAction SilentlyContinue
        $late[0].FullyQualifiedErrorId | Should -BeLike 'InvoiceExportTimeout,*'
        $late[0].Exception.Message | Should -Match $export.ExportId
    }

    It 'keeps the zips with -NoExpand' {
        $files = New-SpInvoiceExport -MarketplaceId $brazil -DateStart $from -DateEnd $to | Receive-SpInvoiceExport -Path (Join-Path $TestDrive 'zips') -PollIntervalSec 1 -NoExpand
        $files.Extension | Sort-Object -Unique | Should -Be '.zip'
        # A switch that was on by default: gone, not kept beside -NoExpand.
        (Get-Command Receive-SpInvoiceExport).Parameters.Keys | Should -Not -Contain 'Expand'
    }
}

Describe 'New-SpInvoiceExport validation' {
    It 'refuses <Case> before asking for an export' -ForEach @(
        @{ Case = 'an unknown status'; Arguments = @{ Status = 'BOGUS' } }
        @{ Case = 'an unknown invoice type'; Arguments = @{ InvoiceType = 'BOGUS' } }
        @{ Case = 'DateEnd before DateStart'; Arguments = @{ DateStart = (Get-Date); DateEnd = (Get-Date).AddDays(-1) } }
        @{ Case = 'half a transaction identifier'; Arguments = @{ TransactionIdentifierName = 'SHIPMENT_ID' } }
    ) {
        $before = Get-Calls 'createInvoicesExport'
        { New-SpInvoiceExport -MarketplaceId $brazil @Arguments } | Should -Throw -ErrorId 'InvalidInvoiceExportParameter,SpApi.PowerShell.Cmdlets.NewSpInvoiceExportCommand'
        Get-Calls 'createInvoicesExport' | Should -Be $before
    }

    It 'refuses an unknown marketplace' {
        { New-SpInvoiceExport -MarketplaceId XX000 } | Should -Throw -ErrorId 'InvalidInvoiceExportParameter,SpApi.PowerShell.Cmdlets.NewSpInvoiceExportCommand'
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-Calls 'createInvoicesExport'
        New-SpInvoiceExport -MarketplaceId $brazil -WhatIf | Should -BeNullOrEmpty
        Get-Calls 'createInvoicesExport' | Should -Be $before
    }
}

Describe 'Get-SpInvoiceExport' {
    It 'gets an export from the pipeline by its ExportId' {
        $export = New-SpInvoiceExport -MarketplaceId $brazil
        ($export | Get-SpInvoiceExport).ExportId | Should -Be $export.ExportId
    }

    It 'lists the exports page after page' {
        $all = Get-SpInvoiceExport -MarketplaceId $brazil -PageSize 5
        $all.Count | Should -BeGreaterOrEqual 12
        ($all.ExportId | Sort-Object -Unique).Count | Should -Be $all.Count
    }
}

Describe 'Without a connection' {
    It '<_> stops with SpApiNotConnected' -ForEach @('Get-SpInvoice', 'Get-SpInvoiceExport', 'Get-SpInvoiceAttribute', 'New-SpInvoiceExport', 'Receive-SpInvoiceExport') {
        $command = $_
        $arguments = switch ($command) {
            'Get-SpInvoiceExport' { @{ ExportId = 'EXPORT1' } }
            'Receive-SpInvoiceExport' { @{ ExportId = 'EXPORT1'; Path = $TestDrive } }
            default { @{ MarketplaceId = $brazil } }
        }
        Disconnect-SpApi
        try {
            { & $command @arguments } | Should -Throw -ErrorId "SpApiNotConnected,*"
        }
        finally {
            Connect-SpApiSandbox $sandbox | Out-Null
        }
    }
}

Describe 'Get-SpInvoice' {
    It 'reads every page and gets one invoice by id' {
        $paged = Get-SpInvoice -MarketplaceId $brazil -DateStart (Get-Date).AddDays(-10) -PageSize 3
        $whole = Get-SpInvoice -MarketplaceId $brazil -DateStart (Get-Date).AddDays(-10)
        ($paged.Id | Sort-Object) | Should -Be ($whole.Id | Sort-Object)
        (Get-SpInvoice -MarketplaceId $brazil -InvoiceId $whole[0].Id).Id | Should -Be $whole[0].Id
    }

    It 'shows a table of id, date and status' {
        Get-SpInvoice -MarketplaceId $brazil -DateStart (Get-Date).AddDays(-3) | Format-Table | Out-String | Should -Match 'Id\s+Date\s+Status'
    }

    It 'refuses a status filter that is not an option' {
        { Get-SpInvoice -MarketplaceId $brazil -Status NOT_A_STATUS } |
            Should -Throw -ErrorId 'InvalidInvoiceQuery,SpApi.PowerShell.Cmdlets.GetSpInvoiceCommand' -ExpectedMessage '*NOT_A_STATUS*'
    }
}
