BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    $script:brazil = 'A2Q3Y263D00KWC'
    # The disk cache of this file: SPAPI_CACHE_PATH, read at each completion, so no user cache is touched.
    $script:savedCachePath = $env:SPAPI_CACHE_PATH
    $script:cache = Join-Path $TestDrive 'cache'
    $env:SPAPI_CACHE_PATH = $cache
    Connect-SpApiSandbox $sandbox | Out-Null

    function Get-Completion([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
    function Get-AttributeCall { Get-SpApiSandboxCall $sandbox 'getInvoicesAttributes' }

    function Get-SandboxAttribute {
        # What the sandbox itself answers, read past the module: an access token, then getInvoicesAttributes.
        $form = @{
            grant_type    = 'refresh_token'
            refresh_token = [System.Net.NetworkCredential]::new('', $sandbox.RefreshToken).Password
            client_id     = $sandbox.ClientId
            client_secret = [System.Net.NetworkCredential]::new('', $sandbox.ClientSecret).Password
        }
        $token = (Invoke-RestMethod -Method Post -Uri $sandbox.TokenEndpoint -Body $form).access_token
        (Invoke-RestMethod -Uri ([uri]::new($sandbox.Endpoint, "tax/invoices/2024-06-19/attributes?marketplaceId=$brazil")) -Headers @{ 'x-amz-access-token' = $token }).invoicesAttributes
    }

    function Invoke-CompletionInNewSession([string] $Line, [string] $Cache = $script:cache) {
        # A new process: nothing in memory, only the disk cache. Secrets cross as plain text inside the test only.
        $arguments = @{
            Module        = $env:SPAPI_TEST_MODULE
            Cache         = $Cache
            Line          = $Line
            Endpoint      = $sandbox.Endpoint
            TokenEndpoint = $sandbox.TokenEndpoint
            ClientId      = $sandbox.ClientId
            ClientSecret  = [System.Net.NetworkCredential]::new('', $sandbox.ClientSecret).Password
            RefreshToken  = [System.Net.NetworkCredential]::new('', $sandbox.RefreshToken).Password
        }
        Start-Job -ArgumentList $arguments -ScriptBlock {
            param($a)
            $env:SPAPI_CACHE_PATH = $a.Cache
            Import-Module $a.Module -ErrorAction Stop
            $secret = ConvertTo-SecureString $a.ClientSecret -AsPlainText -Force
            $refresh = ConvertTo-SecureString $a.RefreshToken -AsPlainText -Force
            Connect-SpApi -ClientId $a.ClientId -ClientSecret $secret -RefreshToken $refresh -Endpoint $a.Endpoint -TokenEndpoint $a.TokenEndpoint -ErrorAction Stop | Out-Null
            (TabExpansion2 -inputScript $a.Line -cursorColumn $a.Line.Length).CompletionMatches |
                ForEach-Object { [pscustomobject]@{ CompletionText = $_.CompletionText; ToolTip = $_.ToolTip } }
        } | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
    }
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
    $env:SPAPI_CACHE_PATH = $script:savedCachePath
}

Describe 'Tax Invoices argument completion' {
    It 'fetches the options on the first completion, with the API''s descriptions as tooltips' {
        Get-AttributeCall | Should -Be 0 -Because 'nothing has asked for the attributes yet'
        $completions = Get-Completion "Get-SpInvoice -MarketplaceId $brazil -InvoiceType "
        Get-AttributeCall | Should -Be 1

        $expected = (Get-SandboxAttribute).invoiceTypeOptions
        $completions.CompletionText | Should -Be $expected.value
        $completions.ToolTip | Should -Be $expected.description
        $completions.ToolTip | Should -Not -Be $completions.CompletionText.ToLowerInvariant()
    }

    It 'completes the other filters from the same answer, by prefix, without another call' {
        Get-Completion "Get-SpInvoice -MarketplaceId $brazil -InvoiceType " | Out-Null
        $calls = Get-AttributeCall
        (Get-Completion "New-SpInvoiceExport -MarketplaceId $brazil -Status REJ").CompletionText | Should -Be 'REJECTED'
        (Get-Completion "Get-SpInvoice -MarketplaceId $brazil -TransactionType FBA_IN").CompletionText | Should -Be 'FBA_INBOUND'
        (Get-Completion "Get-SpInvoice -MarketplaceId $brazil -TransactionIdentifierName ").CompletionText | Should -Contain 'SHIPMENT_ID'
        Get-AttributeCall | Should -Be $calls
    }

    It 'completes in a new session from the disk cache, without a call' {
        Get-Completion "Get-SpInvoice -MarketplaceId $brazil -InvoiceType " | Out-Null
        $calls = Get-AttributeCall
        @(Get-ChildItem $cache -Filter *.json).Count | Should -Be 1

        $completions = Invoke-CompletionInNewSession "Get-SpInvoice -MarketplaceId $brazil -InvoiceType "

        $expected = (Get-SandboxAttribute).invoiceTypeOptions
        $completions.CompletionText | Should -Be $expected.value
        $completions.ToolTip | Should -Be $expected.description
        # Get-SandboxAttribute's own call is the only one since.
        Get-AttributeCall | Should -Be ($calls + 1)
    }

    It 'ignores a corrupt cache file, fetches again and replaces it' {
        Get-Completion "Get-SpInvoice -MarketplaceId $brazil -InvoiceType " | Out-Null
        $file = Get-ChildItem $cache -Filter *.json | Select-Object -First 1
        Set-Content -LiteralPath $file.FullName -Value '{ "fetchedAt": "not a date", '
        $calls = Get-AttributeCall

        (Invoke-CompletionInNewSession "Get-SpInvoice -MarketplaceId $brazil -Status AUTH").CompletionText | Should -Be 'AUTHORIZED'

        Get-AttributeCall | Should -Be ($calls + 1)
        (Get-Content -Raw -LiteralPath $file.FullName | ConvertFrom-Json).invoicesAttributes.invoiceStatusOptions.value | Should -Contain 'AUTHORIZED'
    }

    It 'offers nothing when Amazon is slower than the time limit, and completes once it answers' {
        # New processes with a cache of their own, so nothing is in memory or on disk; the Slow fault holds
        # the one request longer than completion waits.
        $empty = Join-Path $TestDrive 'slow-cache'
        Invoke-RestMethod -Method Post -Uri ([uri]::new($sandbox.Endpoint, '_sandbox/faults?kind=Slow&count=1&operation=getInvoicesAttributes')) | Out-Null
        Invoke-CompletionInNewSession "Get-SpInvoice -MarketplaceId $brazil -InvoiceType " -Cache $empty | Should -BeNullOrEmpty
        (Invoke-CompletionInNewSession "Get-SpInvoice -MarketplaceId $brazil -InvoiceType RET" -Cache $empty).CompletionText | Should -Be 'RETURN'
    }

    It 'offers nothing, and raises nothing, without a connection' {
        $line = "Get-SpInvoice -MarketplaceId $brazil -InvoiceType "
        $completions = Start-Job -ArgumentList $env:SPAPI_TEST_MODULE, (Join-Path $TestDrive 'empty-cache'), $line -ScriptBlock {
            param($module, $cache, $line)
            $env:SPAPI_CACHE_PATH = $cache
            Import-Module $module -ErrorAction Stop
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        } | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        $completions | Should -BeNullOrEmpty
    }
}
