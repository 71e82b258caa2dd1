BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    Connect-SpApiSandbox $sandbox | Out-Null
    $script:brazil = 'A2Q3Y263D00KWC'
    $script:example = Join-Path $PSScriptRoot '../../docs/examples/shipments.csv'
    # The sandbox's requests stay PROCESSING for 2 s; SANDBOX-ERROR* shipments end in ERROR, SANDBOX-PROCESSING* never end.
    # At SPAPI_RATE_SCALE=60 each of the three operations allows one call a second.
    function Get-Calls([string] $Operation) { Get-SpApiSandboxCall $sandbox $Operation }
    function New-Shipment([string] $Prefix = 'PESTER') {
        [pscustomobject]@{
            ShipmentId      = "$Prefix-$([guid]::NewGuid().ToString('N').Substring(0, 12))"
            InboundPlanId   = 'wf44e473-3f4d-4c6d-a80b-230e644b0c39'
            MarketplaceId   = $brazil
            TransactionType = 'INBOUND_SHIPMENT'
            InvoiceType     = 'REMITTANCE'
        }
    }
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe 'Import-Csv | New-SpGovernmentInvoice | Receive-SpGovernmentInvoice' {
    BeforeAll {
        $script:folder = Join-Path $TestDrive 'nfe'
    }

    It 'takes the two shipments of docs/examples/shipments.csv to two documents on disk' {
        $creates = Get-Calls 'createGovernmentInvoice'
        $files = Import-Csv $example | New-SpGovernmentInvoice | Receive-SpGovernmentInvoice -Path $folder -PollIntervalSec 1
        $files.Count | Should -Be 2
        ($files.Name | Sort-Object) | Should -Be @('sh109b72-7b27-4e97-9fd1-3b56915fbc95-REMITTANCE.xml', 'sh3f0c1a9-2d4e-4b8a-8f61-2c5e7d9a4b10-REMITTANCE.xml')
        (Get-ChildItem $folder).Count | Should -Be 2
        Get-Content -Raw $files[0].FullName | Should -Match '<infNFe Id="NFe\d{44}">.*<xNome>testCarrier</xNome>'
        Get-Calls 'createGovernmentInvoice' | Should -Be ($creates + 2)
        # As Get-Item gives them: the provider's properties, so the default view shows mode and size.
        $files[0].PSProvider.Name | Should -Be 'FileSystem'
        $files[0].PSPath | Should -Be (Get-Item -LiteralPath $files[0].FullName).PSPath
    }

    It 'sends no new request and downloads nothing on a second run' {
        $creates = Get-Calls 'createGovernmentInvoice'
        $urls = Get-Calls 'getGovernmentInvoiceDocument'
        $downloads = (Get-SpApiSandboxCounter $sandbox).documentDownloads
        $files = Import-Csv $example | New-SpGovernmentInvoice -WarningVariable said -WarningAction SilentlyContinue | Receive-SpGovernmentInvoice -Path $folder -PollIntervalSec 1
        $files.Count | Should -Be 2
        $said.Count | Should -Be 2
        $said[0].Message | Should -Match 'already exists \(SUCCESS, NF-e \d{44}\): no new request was sent'
        Get-Calls 'createGovernmentInvoice' | Should -Be $creates
        Get-Calls 'getGovernmentInvoiceDocument' | Should -Be $urls
        (Get-SpApiSandboxCounter $sandbox).documentDownloads | Should -Be $downloads
    }

    It 'reports an ERROR on one shipment with Amazon''s invoiceErrors and finishes the other one' {
        $csv = Join-Path $TestDrive 'mixed.csv'
        @((New-Shipment 'SANDBOX-ERROR'), (New-Shipment)) | Export-Csv $csv -NoTypeInformation
        $out = Join-Path $TestDrive 'mixed'
        $files = Import-Csv $csv | New-SpGovernmentInvoice | Receive-SpGovernmentInvoice -Path $out -PollIntervalSec 1 -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'GovernmentInvoiceFailed,*'
        $problems[0].Exception.Message | Should -Match '481: Rejeição'
        $problems[0].Exception.InvoiceErrors[0].ErrorCode | Should -Be '481'
        @($files).Count | Should -Be 1
        (Get-ChildItem $out).Name | Should -Be @($files)[0].Name
    }

    It 'sends nothing for a shipment whose request ended in ERROR, until -Force' {
        $shipment = New-Shipment 'SANDBOX-ERROR'
        $shipment | New-SpGovernmentInvoice | Out-Null
        $creates = Get-Calls 'createGovernmentInvoice'
        $shipment | Receive-SpGovernmentInvoice -Path (Join-Path $TestDrive 'err') -PollIntervalSec 1 -ErrorAction SilentlyContinue
        $shipment | New-SpGovernmentInvoice -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -Be 'GovernmentInvoiceFailed,SpApi.PowerShell.Cmdlets.NewSpGovernmentInvoiceCommand'
        $refused[0].Exception.Message | Should -Match '-Force'
        Get-Calls 'createGovernmentInvoice' | Should -Be $creates
        ($shipment | New-SpGovernmentInvoice -Force).Status | Should -Be 'PROCESSING'
        Get-Calls 'createGovernmentInvoice' | Should -Be ($creates + 1)
    }

    It 'renews a lapsed document URL' {
        $shipment = New-Shipment
        $shipment | New-SpGovernmentInvoice | Out-Null
        Invoke-RestMethod -Method Post -Uri ([uri]::new($sandbox.Endpoint, '_sandbox/expired-document-urls?count=1')) | Out-Null
        $urls = Get-Calls 'getGovernmentInvoiceDocument'
        $downloads = (Get-SpApiSandboxCounter $sandbox).documentDownloads
        $file = $shipment | Receive-SpGovernmentInvoice -Path (Join-Path $TestDrive 'lapsed') -PollIntervalSec 1
        Test-Path $file.FullName | Should -BeTrue
        Get-Calls 'getGovernmentInvoiceDocument' | Should -Be ($urls + 2)
        (Get-SpApiSandboxCounter $sandbox).documentDownloads | Should -Be ($downloads + 1)
    }

    It 'downloads the PDF with -FileFormat in any case, into a folder of a PowerShell drive' {
        New-PSDrive -Name NfePester -PSProvider FileSystem -Root $TestDrive | Out-Null
        try {
            $file = New-Shipment | New-SpGovernmentInvoice | Receive-SpGovernmentInvoice -Path NfePester:\pdf -FileFormat pdf -PollIntervalSec 1
            $file.FullName | Should -Be (Join-Path (Join-Path $TestDrive 'pdf') $file.Name)
            $file.Extension | Should -Be '.pdf'
            Get-Content -Raw $file.FullName | Should -Match '^%PDF-'
        }
        finally {
            Remove-PSDrive NfePester
        }
    }

    It 'gives up at -TimeoutSec and says the request was still PROCESSING' {
        $shipment = New-Shipment 'SANDBOX-PROCESSING'
        $shipment | New-SpGovernmentInvoice | Receive-SpGovernmentInvoice -Path (Join-Path $TestDrive 'slow') -TimeoutSec 1 -PollIntervalSec 1 -ErrorVariable late -ErrorAction SilentlyContinue
        $late[0].FullyQualifiedErrorId | Should -BeLike 'GovernmentInvoiceTimeout,*'
        $late[0].Exception.Message | Should -Match "still PROCESSING"
        $late[0].Exception.Message | Should -Match $shipment.ShipmentId
    }
}

Describe 'New-SpGovernmentInvoice validation' {
    It 'refuses <Case> for that shipment before any call, and goes on with the next' -ForEach @(
        @{ Case = 'an empty shipment id'; Change = @{ ShipmentId = '' }; Parameter = 'ShipmentId'; ErrorId = 'InvalidGovernmentInvoiceParameter' }
        @{ Case = 'an unknown transaction type'; Change = @{ TransactionType = 'BOGUS' }; Parameter = 'INBOUND_SHIPMENT'; ErrorId = 'InvalidGovernmentInvoiceParameter' }
        @{ Case = 'an unknown invoice type'; Change = @{ InvoiceType = 'BOGUS' }; Parameter = 'REMITTANCE'; ErrorId = 'InvalidGovernmentInvoiceParameter' }
        @{ Case = 'a marketplace other than Brazil'; Change = @{ MarketplaceId = 'A21TJRUUN4KGV' }; Parameter = 'Brazil'; ErrorId = 'UnsupportedTaxInvoiceMarketplace' }
    ) {
        $bad = New-Shipment
        foreach ($key in $Change.Keys) { $bad.$key = $Change[$key] }
        $good = New-Shipment
        $statuses = Get-Calls 'getGovernmentInvoiceStatus'
        $creates = Get-Calls 'createGovernmentInvoice'
        $out = $bad, $good | New-SpGovernmentInvoice -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be "$ErrorId,SpApi.PowerShell.Cmdlets.NewSpGovernmentInvoiceCommand"
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused[0].Exception.Message | Should -Match $Parameter
        $out.ShipmentId | Should -Be $good.ShipmentId
        Get-Calls 'getGovernmentInvoiceStatus' | Should -Be ($statuses + 1)
        Get-Calls 'createGovernmentInvoice' | Should -Be ($creates + 1)
    }

    It 'refuses a row without a ShipmentId column through the binder, and goes on with the next' {
        $row = New-Shipment | Select-Object -ExcludeProperty ShipmentId -Property *
        $good = New-Shipment
        $out = $row, $good | New-SpGovernmentInvoice -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 1
        $refused[0].Exception.Message | Should -Match 'ShipmentId'
        $out.ShipmentId | Should -Be $good.ShipmentId
    }

    It 'sends the API''s spelling of types given in any case' {
        $shipment = New-Shipment
        $shipment.TransactionType = 'inbound_shipment'
        $shipment.InvoiceType = 'Remittance'
        $sent = $shipment | New-SpGovernmentInvoice
        $sent.TransactionType | Should -Be 'INBOUND_SHIPMENT'
        $sent.InvoiceType | Should -Be 'REMITTANCE'
        ($sent | Get-SpGovernmentInvoice).ShipmentId | Should -Be $shipment.ShipmentId
    }

    It 'sends nothing with -WhatIf' {
        $creates = Get-Calls 'createGovernmentInvoice'
        New-Shipment | New-SpGovernmentInvoice -WhatIf | Should -BeNullOrEmpty
        Get-Calls 'createGovernmentInvoice' | Should -Be $creates
    }

    It 'completes the transaction type from the attributes' {
        Get-SpInvoiceAttribute -MarketplaceId $brazil | Out-Null
        $line = "New-SpGovernmentInvoice -MarketplaceId $brazil -TransactionType INB"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'INBOUND_SHIPMENT'
    }
}

Describe 'Get-SpGovernmentInvoice' {
    It 'shows a table of shipment, type, status and NF-e key' {
        $shipment = New-Shipment
        $shipment | New-SpGovernmentInvoice | Out-Null
        $shipment | Get-SpGovernmentInvoice | Format-Table | Out-String | Should -Match 'ShipmentId\s+InvoiceType\s+Status\s+InvoiceExternalDocumentId'
    }

    It 'reports a shipment never requested as SpApiNotFound and goes on' {
        $asked = New-Shipment
        $asked | New-SpGovernmentInvoice | Out-Null
        $out = (New-Shipment), $asked | Get-SpGovernmentInvoice -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'SpApiNotFound,*'
        $out.ShipmentId | Should -Be $asked.ShipmentId
    }
}

Describe 'Receive-SpGovernmentInvoice -Path' {
    It 'refuses a path outside the file system' {
        { New-Shipment | Receive-SpGovernmentInvoice -Path Variable:\nfe } |
            Should -Throw -ErrorId 'InvalidGovernmentInvoiceParameter,SpApi.PowerShell.Cmdlets.ReceiveSpGovernmentInvoiceCommand' -ExpectedMessage '*file system*'
    }

    It 'refuses a file where the folder is expected, before any call' {
        $file = Join-Path $TestDrive 'not-a-folder'
        Set-Content -LiteralPath $file -Value 'x'
        $statuses = Get-Calls 'getGovernmentInvoiceStatus'
        { New-Shipment | Receive-SpGovernmentInvoice -Path $file } |
            Should -Throw -ErrorId 'InvalidGovernmentInvoiceParameter,SpApi.PowerShell.Cmdlets.ReceiveSpGovernmentInvoiceCommand' -ExpectedMessage '*is a file*'
        Get-Calls 'getGovernmentInvoiceStatus' | Should -Be $statuses
    }
}

Describe 'Without a connection' {
    It '<_> stops with SpApiNotConnected' -ForEach @('New-SpGovernmentInvoice', 'Get-SpGovernmentInvoice', 'Receive-SpGovernmentInvoice') {
        $command = $_
        $arguments = @{ ShipmentId = 'S1'; MarketplaceId = $brazil; TransactionType = 'INBOUND_SHIPMENT'; InvoiceType = 'REMITTANCE' }
        if ($command -eq 'Receive-SpGovernmentInvoice') { $arguments.Path = $TestDrive }
        Disconnect-SpApi
        try {
            { & $command @arguments } | Should -Throw -ErrorId 'SpApiNotConnected,*'
        }
        finally {
            Connect-SpApiSandbox $sandbox | Out-Null
        }
    }
}
