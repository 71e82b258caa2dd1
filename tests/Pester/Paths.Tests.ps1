# The cmdlets that write files (Save-, Sync-SpCustomerInvoice, Receive-SpInvoiceExport): PowerShell paths,
# provider items, permissions, -WhatIf and -Confirm. Runs on Windows PowerShell 5.1 too: no ternary, no ??.

BeforeDiscovery {
    # A folder the user may not write to: chmod 0555 works for everyone but root, whom permissions do not stop;
    # root gets /sys on Linux, where nobody may create a file. Windows would need an ACL: skipped there.
    $script:onWindows = [System.Environment]::OSVersion.Platform -eq 'Win32NT'
    $script:isRoot = (-not $onWindows) -and ((id -u) -eq '0')
    $script:rootCanBeRefused = $false
    if ($isRoot -and (Test-Path /sys)) {
        try { [System.IO.File]::Open('/sys/spapi-probe.tmp', 'CreateNew').Dispose(); Remove-Item /sys/spapi-probe.tmp } catch [System.UnauthorizedAccessException] { $script:rootCanBeRefused = $true } catch { }
    }
    $script:noUnwritableFolder = $onWindows -or ($isRoot -and -not $rootCanBeRefused)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    Connect-SpApiSandbox $sandbox | Out-Null
    $script:brazil = 'A2Q3Y263D00KWC'
    # Tax invoices: one every 6 hours back from when the sandbox started; an export takes 3 s.
    $script:from = (Get-Date).AddDays(-1)
    $script:to = Get-Date

    function Get-Calls([string] $Operation) { Get-SpApiSandboxCall $sandbox $Operation }

    $script:runsAsRoot = ([System.Environment]::OSVersion.Platform -ne 'Win32NT') -and ((id -u) -eq '0')

    function Get-UnwritableFolder {
        if ($runsAsRoot) { return '/sys' }
        $folder = Join-Path $TestDrive ('readonly-' + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        chmod 0555 $folder
        $folder
    }

    # What the default table view shows, without the header that names the folder.
    function Get-TableText($Item) { ($Item | Format-Table | Out-String) -replace '(?m)^\s*Directory:.*$', '' }
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe 'Files come back as Get-Item gives them' {
    It 'Save-SpCustomerInvoice -PassThru outputs the provider''s item' {
        $file = Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 | Save-SpCustomerInvoice -Path (Join-Path $TestDrive 'items') -PassThru
        $file.PSProvider.Name | Should -Be 'FileSystem'
        $file.PSPath | Should -BeLike 'Microsoft.PowerShell.Core\FileSystem::*PO00000001.pdf'
        $file.PSChildName | Should -Be 'PO00000001.pdf'
        $file.PSParentPath | Should -Not -BeNullOrEmpty
        $file.PSDrive | Should -Not -BeNullOrEmpty
        $item = Get-Item -LiteralPath $file.FullName
        $file.Mode | Should -Be $item.Mode
        Get-TableText $file | Should -Be (Get-TableText $item)
        Get-TableText $file | Should -Match '\s602\s+PO00000001\.pdf'
    }

    It 'Receive-SpInvoiceExport outputs the provider''s items' {
        $files = @(New-SpInvoiceExport -MarketplaceId $brazil -DateStart $from -DateEnd $to | Receive-SpInvoiceExport -Path (Join-Path $TestDrive 'received') -PollIntervalSec 1)
        $files.Count | Should -BeGreaterThan 0
        $files | ForEach-Object { $_.PSProvider.Name } | Sort-Object -Unique | Should -Be 'FileSystem'
        $item = Get-Item -LiteralPath $files[0].FullName
        Get-TableText $files[0] | Should -Be (Get-TableText $item)
    }

    It 'names the PSDrive the folder was given on' {
        New-PSDrive -Name SpItems -PSProvider FileSystem -Root $TestDrive | Out-Null
        try {
            $file = Get-SpCustomerInvoice -PurchaseOrderNumber PO00000002 | Save-SpCustomerInvoice -Path SpItems:/on-drive -PassThru
            $file.PSDrive.Name | Should -Be 'SpItems'
            $file.FullName | Should -Be (Join-Path (Join-Path $TestDrive 'on-drive') 'PO00000002.pdf')
        }
        finally {
            Remove-PSDrive SpItems
        }
    }
}

Describe 'PowerShell paths' {
    BeforeAll {
        # The process's current directory stays where it was; only PowerShell's location moves.
        $script:location = Join-Path $TestDrive 'location'
        New-Item -ItemType Directory -Path $location | Out-Null
        Push-Location $location
        $script:processDirectory = [System.Environment]::CurrentDirectory
    }

    AfterAll {
        Pop-Location
    }

    It 'resolves a relative -Path against $PWD, not the process''s current directory' {
        $processDirectory | Should -Not -Be $location
        Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 | Save-SpCustomerInvoice -Path ./relative
        Test-Path (Join-Path (Join-Path $location 'relative') 'PO00000001.pdf') | Should -BeTrue
        Test-Path (Join-Path $processDirectory 'relative') | Should -BeFalse

        Sync-SpCustomerInvoice -Path ./synced -Since (Get-Date).AddDays(-1) | Out-Null
        Test-Path (Join-Path (Join-Path $location 'synced') '.spapi-sync.json') | Should -BeTrue
        Test-Path (Join-Path $processDirectory 'synced') | Should -BeFalse

        $files = @(New-SpInvoiceExport -MarketplaceId $brazil -DateStart $from -DateEnd $to | Receive-SpInvoiceExport -Path ./exported -PollIntervalSec 1)
        $files[0].DirectoryName | Should -Be (Join-Path $location 'exported')
        Test-Path (Join-Path $processDirectory 'exported') | Should -BeFalse
    }

    It 'resolves ~ to the FileSystem provider''s home' {
        $provider = Get-PSProvider FileSystem
        $previousHome = $provider.Home
        $provider.Home = $location
        try {
            Get-SpCustomerInvoice -PurchaseOrderNumber PO00000003 | Save-SpCustomerInvoice -Path ~/at-home
        }
        finally {
            $provider.Home = $previousHome
        }
        Test-Path (Join-Path (Join-Path $location 'at-home') 'PO00000003.pdf') | Should -BeTrue
    }

    It 'writes through a PSDrive made with New-PSDrive' {
        New-PSDrive -Name SpPaths -PSProvider FileSystem -Root $location | Out-Null
        try {
            Get-SpCustomerInvoice -PurchaseOrderNumber PO00000004 | Save-SpCustomerInvoice -Path SpPaths:/drive
            Sync-SpCustomerInvoice -Path SpPaths:/drive-sync -Since (Get-Date).AddDays(-1) | Out-Null
        }
        finally {
            Remove-PSDrive SpPaths
        }
        Test-Path (Join-Path (Join-Path $location 'drive') 'PO00000004.pdf') | Should -BeTrue
        Test-Path (Join-Path (Join-Path $location 'drive-sync') '.spapi-sync.json') | Should -BeTrue
    }

    It '<Command> refuses a path of another provider with <ErrorId>' -ForEach @(
        @{ Command = 'Save-SpCustomerInvoice'; ErrorId = 'InvalidSaveParameter'; Run = { Save-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -Path Env:/SpApiOut } }
        @{ Command = 'Sync-SpCustomerInvoice'; ErrorId = 'InvalidSyncParameter'; Run = { Sync-SpCustomerInvoice -Path Env:/SpApiOut } }
        @{ Command = 'Receive-SpInvoiceExport'; ErrorId = 'InvalidReceiveParameter'; Run = { Receive-SpInvoiceExport -ExportId SOMEEXPORT -Path Env:/SpApiOut } }
    ) {
        $before = (Get-SpApiSandboxCounter $sandbox).requests
        $thrown = $null
        try { & $Run } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -Match 'Environment provider'
        (Get-SpApiSandboxCounter $sandbox).requests | Should -Be $before
        Test-Path Env:/SpApiOut | Should -BeFalse
    }

    It '<Command> refuses a -Path that is a file with <ErrorId>, before any call' -ForEach @(
        @{ Command = 'Save-SpCustomerInvoice'; ErrorId = 'InvalidSaveParameter'; Run = { param($file) Save-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -Path $file } }
        @{ Command = 'Sync-SpCustomerInvoice'; ErrorId = 'InvalidSyncParameter'; Run = { param($file) Sync-SpCustomerInvoice -Path $file } }
        @{ Command = 'Receive-SpInvoiceExport'; ErrorId = 'InvalidReceiveParameter'; Run = { param($file) Receive-SpInvoiceExport -ExportId SOMEEXPORT -Path $file } }
    ) {
        $file = Join-Path $location 'a-file.txt'
        Set-Content -LiteralPath $file -Value 'not a folder'
        $before = (Get-SpApiSandboxCounter $sandbox).requests
        $thrown = $null
        try { & $Run $file } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -Match 'is a file'
        (Get-SpApiSandboxCounter $sandbox).requests | Should -Be $before
    }
}

Describe 'A folder the user may not write to' -Skip:$noUnwritableFolder {
    It 'Save-SpCustomerInvoice reports PermissionDenied naming the PDF, and goes on' {
        $folder = Get-UnwritableFolder
        Save-SpCustomerInvoice -PurchaseOrderNumber PO00000001, PO00000002 -Path $folder -ErrorVariable denied -ErrorAction SilentlyContinue
        $denied.Count | Should -Be 2
        $denied[0].FullyQualifiedErrorId | Should -BeLike 'FileAccessDenied,*'
        $denied[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $denied[0].Exception.Message | Should -BeLike "*$(Join-Path $folder 'PO00000001.pdf')*"
        $denied[0].Exception.Message | Should -Not -Match '\.tmp'
        $denied[1].Exception.Message | Should -BeLike '*PO00000002.pdf*'
    }

    It 'Sync-SpCustomerInvoice stops with PermissionDenied' {
        $folder = Get-UnwritableFolder
        $thrown = $null
        try { Sync-SpCustomerInvoice -Path $folder -Since (Get-Date).AddDays(-1) } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'FileAccessDenied,*'
        $thrown.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $thrown.Exception.Message | Should -BeLike "*$folder*"
    }

    It 'Receive-SpInvoiceExport reports PermissionDenied naming the document' {
        $folder = Get-UnwritableFolder
        New-SpInvoiceExport -MarketplaceId $brazil -DateStart $from -DateEnd $to | Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1 -ErrorVariable denied -ErrorAction SilentlyContinue
        $denied[0].FullyQualifiedErrorId | Should -BeLike 'FileAccessDenied,*'
        $denied[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $denied[0].Exception.Message | Should -Match ([regex]::Escape($folder) + '.+\.zip')
        $denied[0].Exception.Message | Should -Not -Match '\.tmp'
    }
}

Describe '-WhatIf and -Confirm where files are written' {
    It 'Receive-SpInvoiceExport -WhatIf downloads and writes nothing' {
        $folder = Join-Path $TestDrive 'receive-whatif'
        $export = New-SpInvoiceExport -MarketplaceId $brazil -DateStart $from -DateEnd $to
        $downloads = (Get-SpApiSandboxCounter $sandbox).documentDownloads
        $files = $export | Receive-SpInvoiceExport -Path $folder -PollIntervalSec 1 -WhatIf
        $files | Should -BeNullOrEmpty
        Test-Path $folder | Should -BeFalse
        (Get-SpApiSandboxCounter $sandbox).documentDownloads | Should -Be $downloads
    }

    It 'Receive-SpInvoiceExport -Confirm:$false writes as usual' {
        $files = @(New-SpInvoiceExport -MarketplaceId $brazil -DateStart $from -DateEnd $to | Receive-SpInvoiceExport -Path (Join-Path $TestDrive 'receive-confirmed') -PollIntervalSec 1 -Confirm:$false)
        $files.Count | Should -BeGreaterThan 0
    }

    It 'Sync-SpCustomerInvoice -WhatIf writes nothing in a new folder' {
        $folder = Join-Path $TestDrive 'sync-whatif-new'
        $result = Sync-SpCustomerInvoice -Path $folder -Since (Get-Date).AddDays(-1) -WhatIf
        Test-Path $folder | Should -BeFalse
        $result.New | Should -Be 0
        $result.Declined | Should -BeGreaterThan 0
    }

    It 'Sync-SpCustomerInvoice -WhatIf leaves the state file where it was' {
        $folder = Join-Path $TestDrive 'sync-whatif'
        Sync-SpCustomerInvoice -Path $folder -Since (Get-Date).AddDays(-1) | Out-Null
        $state = Join-Path $folder '.spapi-sync.json'
        $mark = Get-Content -Raw -LiteralPath $state
        $pdfs = @(Get-ChildItem -LiteralPath $folder -Filter *.pdf).Count
        Remove-Item (Join-Path $folder 'PO00000001.pdf')

        $result = Sync-SpCustomerInvoice -Path $folder -Overlap ([TimeSpan]::FromDays(1)) -WhatIf
        $result.Declined | Should -Be 1
        Get-Content -Raw -LiteralPath $state | Should -Be $mark
        @(Get-ChildItem -LiteralPath $folder -Filter *.pdf).Count | Should -Be ($pdfs - 1)
        Get-ChildItem -LiteralPath $folder -Force | Where-Object Name -NotLike '*.pdf' | ForEach-Object Name | Should -Be '.spapi-sync.json'

        # Nothing new to write: the mark would move, and -WhatIf keeps it too.
        Sync-SpCustomerInvoice -Path $folder -WhatIf | Out-Null
        Get-Content -Raw -LiteralPath $state | Should -Be $mark
    }

    It 'Sync-SpCustomerInvoice refuses a changed PDF without -Force and replaces it with -Force' {
        $folder = Join-Path $TestDrive 'sync-force'
        Sync-SpCustomerInvoice -Path $folder -Since (Get-Date).AddDays(-1) | Out-Null
        Remove-Item -Force (Join-Path $folder '.spapi-sync.json')
        $pdf = Join-Path $folder 'PO00000001.pdf'
        Set-Content -LiteralPath $pdf -Value 'changed'

        $thrown = $null
        try { Sync-SpCustomerInvoice -Path $folder -Since (Get-Date).AddDays(-1) -WarningAction SilentlyContinue } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'SyncIncomplete,*'
        $thrown.Exception.InnerException.Message | Should -Match '-Force'
        Test-Path (Join-Path $folder '.spapi-sync.json') | Should -BeFalse

        $result = Sync-SpCustomerInvoice -Path $folder -Since (Get-Date).AddDays(-1) -Force
        $result.New | Should -Be 1
        [System.IO.File]::ReadAllText($pdf) | Should -Match '^%PDF-'
        Test-Path (Join-Path $folder '.spapi-sync.json') | Should -BeTrue
    }
}
