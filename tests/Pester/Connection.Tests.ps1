BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $cmdlets = @((Get-Module SpApi).ExportedCmdlets.Keys)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    $script:secretText = 'amzn1.oa2-cs.v1.sandbox-secret'
    $script:refreshText = 'Atzr|sandbox-refresh-token'
    $script:wrongSecret = ConvertTo-SecureString 'amzn1.oa2-cs.v1.wrong' -AsPlainText -Force

    function Get-ClosedPort {
        # A loopback port that nothing listens on: taken from the system, then released.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $port
    }

    function Invoke-Verbose([scriptblock] $Command) {
        # Runs the command with -Verbose in mind: returns its verbose messages and the error it stopped with, if any.
        $failure = $null
        # Dot-sourced, so the catch sets this function's $failure.
        $verbose = . { try { & $Command } catch { $failure = $_ } } 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        [pscustomobject]@{ Verbose = @($verbose); Error = $failure }
    }

    function Add-SandboxFault([string] $Kind, [int] $Count, [string] $Operation) {
        Invoke-RestMethod -Method Post -Uri ([uri]::new($sandbox.Endpoint, "_sandbox/faults?kind=$Kind&count=$Count&operation=$Operation")) | Out-Null
    }
}

AfterAll {
    Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe 'The module' {
    It 'exports exactly the cmdlets of its manifest' {
        $module = Get-Module SpApi
        $manifest = Import-PowerShellDataFile (Join-Path $module.ModuleBase 'SpApi.psd1')
        $module.ExportedCmdlets.Keys | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $module.ExportedFunctions.Count | Should -Be 0
    }
}

Describe 'Connect-SpApi' {
    AfterEach {
        Disconnect-SpApi
        Remove-Item Env:SPAPI_CLIENT_ID, Env:SPAPI_CLIENT_SECRET, Env:SPAPI_REFRESH_TOKEN, Env:SPAPI_ENDPOINT, Env:SPAPI_TOKEN_ENDPOINT, Env:SPAPI_PROFILE_PATH -ErrorAction Ignore
    }

    It 'connects with parameters, checks the credentials and becomes the default' {
        $before = (Get-SpApiSandboxCounter $sandbox).accessTokensIssued
        $connection = Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint

        $connection.ClientId | Should -Be $sandbox.ClientId
        $connection.Source | Should -Be 'Parameters'
        $connection.Endpoint | Should -Be $sandbox.Endpoint
        (Get-SpApiSandboxCounter $sandbox).accessTokensIssued | Should -Be ($before + 1)
        (Get-SpApiConnection).ConnectedAt | Should -Be $connection.ConnectedAt
    }

    It 'connects with a PSCredential' {
        $credential = [pscredential]::new($sandbox.ClientId, $sandbox.ClientSecret)
        $connection = Connect-SpApi -Credential $credential -RefreshToken $sandbox.RefreshToken -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint
        $connection.ClientId | Should -Be $sandbox.ClientId
    }

    It 'reads the SPAPI_* environment variables when given no credentials' {
        $env:SPAPI_CLIENT_ID = $sandbox.ClientId
        $env:SPAPI_CLIENT_SECRET = $secretText
        $env:SPAPI_REFRESH_TOKEN = $refreshText
        $env:SPAPI_ENDPOINT = $sandbox.Endpoint
        $env:SPAPI_TOKEN_ENDPOINT = $sandbox.TokenEndpoint

        (Connect-SpApi).Source | Should -Be 'Environment'
    }

    It 'connects with a saved profile' {
        $env:SPAPI_PROFILE_PATH = Join-Path $TestDrive 'profiles.json'
        $saved = Save-SpApiProfile -Name sandbox -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint
        $saved.Name | Should -Be 'sandbox'

        $connection = Connect-SpApi -ProfileName sandbox
        $connection.Source | Should -Be 'Profile'
        $connection.ProfileName | Should -Be 'sandbox'
    }

    It 'refuses a profile that does not exist, even when the environment has credentials' {
        $env:SPAPI_PROFILE_PATH = Join-Path $TestDrive 'profiles.json'
        $env:SPAPI_CLIENT_ID = $sandbox.ClientId
        $env:SPAPI_CLIENT_SECRET = $secretText
        $env:SPAPI_REFRESH_TOKEN = $refreshText
        { Connect-SpApi -ProfileName nosuchprofile -Endpoint $sandbox.Endpoint } | Should -Throw -ErrorId 'InvalidConnectionParameter,SpApi.PowerShell.Cmdlets.ConnectSpApiCommand'
        Get-SpApiConnection -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'names the environment variables that are missing when only some are set' {
        $env:SPAPI_CLIENT_ID = $sandbox.ClientId
        $env:SPAPI_ENDPOINT = $sandbox.Endpoint

        $failure = { Connect-SpApi } | Should -Throw -ErrorId 'InvalidConnectionParameter,SpApi.PowerShell.Cmdlets.ConnectSpApiCommand' -PassThru

        $failure.Exception.Message | Should -Match 'SPAPI_CLIENT_SECRET and SPAPI_REFRESH_TOKEN are not set, while SPAPI_CLIENT_ID is'
        $failure.Exception.Message | Should -Not -Match 'No credentials were given'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'names the one missing variable: SPAPI_REFRESH_TOKEN' {
        $env:SPAPI_CLIENT_ID = $sandbox.ClientId
        $env:SPAPI_CLIENT_SECRET = $secretText
        $env:SPAPI_ENDPOINT = $sandbox.Endpoint

        $failure = { Connect-SpApi } | Should -Throw -ErrorId 'InvalidConnectionParameter,SpApi.PowerShell.Cmdlets.ConnectSpApiCommand' -PassThru

        $failure.Exception.Message | Should -Match 'SPAPI_REFRESH_TOKEN is not set, while SPAPI_CLIENT_ID and SPAPI_CLIENT_SECRET are'
        $failure.Exception.Message | Should -Not -Match ([regex]::Escape($secretText))
    }

    It 'fails at once with SpApiConnectionFailed when the connection is refused, after one attempt' {
        $port = Get-ClosedPort
        $run = Invoke-Verbose {
            Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken `
                -Endpoint "http://127.0.0.1:$port/" -TokenEndpoint "http://127.0.0.1:$port/auth/o2/token" -Verbose -ErrorAction Stop
        }

        $run.Error.FullyQualifiedErrorId | Should -Be 'SpApiConnectionFailed,SpApi.PowerShell.Cmdlets.ConnectSpApiCommand'
        $run.Error.CategoryInfo.Category | Should -Be 'ConnectionError'
        $run.Error.Exception.Message | Should -Match ([regex]::Escape("127.0.0.1:$port"))
        # Each attempt is one POST in the verbose log; a retry would add a "retry" line and another POST.
        @($run.Verbose | Where-Object { $_ -match '^LWA: POST /auth/o2/token' }).Count | Should -Be 1
        @($run.Verbose | Where-Object { $_ -match '^LWA: retry' }).Count | Should -Be 0
        Get-SpApiConnection -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'fails at once with SpApiConnectionFailed when the host name does not resolve' {
        # .invalid never resolves (RFC 2606).
        $run = Invoke-Verbose {
            Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken `
                -Endpoint 'https://sp-api.invalid/' -TokenEndpoint 'https://lwa.invalid/auth/o2/token' -Verbose -ErrorAction Stop
        }

        $run.Error.FullyQualifiedErrorId | Should -Be 'SpApiConnectionFailed,SpApi.PowerShell.Cmdlets.ConnectSpApiCommand'
        $run.Error.Exception.Message | Should -Match 'lwa\.invalid'
        @($run.Verbose | Where-Object { $_ -match '^LWA: POST /auth/o2/token' }).Count | Should -Be 1
        @($run.Verbose | Where-Object { $_ -match '^LWA: retry' }).Count | Should -Be 0
    }

    It 'retries a 5xx of Login with Amazon and shows each retry under -Verbose' {
        # A scope of its own, so no cached token answers for it and the exchange goes out.
        $scope = "sellingpartnerapi::retry-$([guid]::NewGuid())"
        Add-SandboxFault -Kind ServiceUnavailable -Count 2 -Operation LWA
        $before = Get-SpApiSandboxCounter $sandbox

        $run = Invoke-Verbose {
            Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -Scope $scope `
                -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint -Verbose -ErrorAction Stop
        }

        $run.Error | Should -BeNullOrEmpty
        $after = Get-SpApiSandboxCounter $sandbox
        # Three attempts: two answered 503, the third with a token.
        ($after.faultsInjected - $before.faultsInjected) | Should -Be 2
        ($after.accessTokensIssued - $before.accessTokensIssued) | Should -Be 1
        @($run.Verbose | Where-Object { $_ -match '^LWA: POST /auth/o2/token' }).Count | Should -Be 3
        $retries = @($run.Verbose | Where-Object { $_ -match '^LWA: retry' })
        $retries.Count | Should -Be 2
        $retries[0] | Should -Match 'retry 1 of \d+ .* after HTTP 503'
        $retries[1] | Should -Match 'retry 2 of \d+ .* after HTTP 503'
        (Get-SpApiConnection).Grantless | Should -BeTrue
    }

    It 'leaves no default after a failed connect, so nothing falls back to the earlier account' {
        $earlier = Connect-SpApiSandbox $sandbox
        { Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $wrongSecret -RefreshToken $sandbox.RefreshToken -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint } |
            Should -Throw -ErrorId 'SpApiAuthenticationFailed,SpApi.PowerShell.Cmdlets.ConnectSpApiCommand'

        { Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 } | Should -Throw -ErrorId 'SpApiNotConnected,SpApi.PowerShell.Cmdlets.GetSpCustomerInvoiceCommand'
        $earlier.IsClosed | Should -BeFalse -Because 'a script may still hold the earlier connection and pass it as -Connection'
        (Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -Connection $earlier).PurchaseOrderNumber | Should -Be 'PO00000001'
    }

    It 'reports a wrong client secret as an authentication error' {
        $wrong = ConvertTo-SecureString 'amzn1.oa2-cs.v1.wrong' -AsPlainText -Force
        { Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $wrong -RefreshToken $sandbox.RefreshToken -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint } |
            Should -Throw -ErrorId 'SpApiAuthenticationFailed,SpApi.PowerShell.Cmdlets.ConnectSpApiCommand'
    }

    It 'refuses plain http to a host that is not loopback' {
        { Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Endpoint 'http://spapi.example.com/' } |
            Should -Throw -ErrorId 'InvalidConnectionParameter,SpApi.PowerShell.Cmdlets.ConnectSpApiCommand'
    }

    It 'refuses a marketplace outside the region' {
        { Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region NA -MarketplaceId A21TJRUUN4KGV } |
            Should -Throw -ErrorId 'InvalidConnectionParameter,SpApi.PowerShell.Cmdlets.ConnectSpApiCommand'
    }

    It 'writes verbose output without any secret' {
        $verbose = Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $text = ($verbose | ForEach-Object Message) -join "`n"
        $text | Should -Match ([regex]::Escape("Connected to $($sandbox.Endpoint) as $($sandbox.ClientId)"))
        $text | Should -Not -Match ([regex]::Escape($secretText))
        $text | Should -Not -Match ([regex]::Escape($refreshText))
    }

    It 'shows no secret when the connection is formatted' {
        $connection = Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint
        $text = ($connection | Format-List * | Out-String) + ($connection | ConvertTo-Json -Depth 3)
        $text | Should -Not -Match ([regex]::Escape($secretText))
        $text | Should -Not -Match ([regex]::Escape($refreshText))
    }
}

Describe 'Get-SpApiConnection' {
    BeforeEach { Disconnect-SpApi }

    It 'writes the non-terminating error SpApiNotConnected when this runspace has no connection' {
        $output = Get-SpApiConnection -ErrorVariable failures -ErrorAction SilentlyContinue

        $output | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'SpApiNotConnected,SpApi.PowerShell.Cmdlets.GetSpApiConnectionCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $failures[0].Exception.Message | Should -Match 'Connect-SpApi'
        { Get-SpApiConnection -ErrorAction Stop } | Should -Throw -ErrorId 'SpApiNotConnected,SpApi.PowerShell.Cmdlets.GetSpApiConnectionCommand'
    }

    It 'outputs the default connection, without an error, once connected' {
        $connection = Connect-SpApiSandbox $sandbox

        $output = Get-SpApiConnection -ErrorVariable failures

        $failures.Count | Should -Be 0
        [object]::ReferenceEquals($output, $connection) | Should -BeTrue
    }
}

Describe 'Disconnect-SpApi' {
    It 'forgets the default connection' {
        Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint | Out-Null
        $closed = Disconnect-SpApi -PassThru
        $closed.ClientId | Should -Be $sandbox.ClientId
        $closed.IsClosed | Should -BeTrue
        Get-SpApiConnection -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'says "already disconnected" under -Verbose the second time, without an error' {
        Connect-SpApiSandbox $sandbox | Out-Null
        Disconnect-SpApi

        $run = Invoke-Verbose { Disconnect-SpApi -Verbose -ErrorAction Stop }

        $run.Error | Should -BeNullOrEmpty
        $run.Verbose | Should -Match '^Already disconnected'
    }

    It 'says "already disconnected" for a closed connection passed to it, and still passes it through' {
        $connection = Connect-SpApiSandbox $sandbox
        $connection | Disconnect-SpApi

        $run = Invoke-Verbose { $script:again = $connection | Disconnect-SpApi -PassThru -Verbose -ErrorAction Stop }

        $run.Error | Should -BeNullOrEmpty
        $run.Verbose | Should -Match "^Already disconnected: the connection to $([regex]::Escape($sandbox.Endpoint))"
        [object]::ReferenceEquals($again, $connection) | Should -BeTrue
    }

    It 'leaves a closed connection unusable, with SpApiNotConnected' {
        $connection = Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint
        $connection | Disconnect-SpApi
        { Get-SpTransactionStatus -TransactionId T-1 -Connection $connection } |
            Should -Throw -ErrorId 'SpApiNotConnected,SpApi.PowerShell.Cmdlets.GetSpTransactionStatusCommand'
    }
}

Describe 'Save-SpApiProfile' {
    BeforeEach { $env:SPAPI_PROFILE_PATH = Join-Path $TestDrive "profiles-$([guid]::NewGuid()).json" }
    AfterEach { Remove-Item Env:SPAPI_PROFILE_PATH -ErrorAction Ignore }

    It 'writes nothing with -WhatIf' {
        Save-SpApiProfile -Name p -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region EU -WhatIf
        Test-Path $env:SPAPI_PROFILE_PATH | Should -BeFalse
    }

    It 'checks the credentials with Login with Amazon before it saves them' {
        $scope = "sellingpartnerapi::save-$([guid]::NewGuid())"
        $before = (Get-SpApiSandboxCounter $sandbox).accessTokensIssued

        $saved = Save-SpApiProfile -Name checked -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -Scope $scope -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint

        (Get-SpApiSandboxCounter $sandbox).accessTokensIssued | Should -Be ($before + 1)
        $saved.Name | Should -Be 'checked'
        (Get-SpApiProfile -Name checked).Grantless | Should -BeTrue
    }

    It 'refuses a wrong secret with SpApiAuthenticationFailed and saves nothing' {
        { Save-SpApiProfile -Name wrong -ClientId $sandbox.ClientId -ClientSecret $wrongSecret -RefreshToken $sandbox.RefreshToken -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint } |
            Should -Throw -ErrorId 'SpApiAuthenticationFailed,SpApi.PowerShell.Cmdlets.SaveSpApiProfileCommand'
        Test-Path $env:SPAPI_PROFILE_PATH | Should -BeFalse
    }

    It 'saves without sending anything with -SkipCheck' {
        # Nothing listens at the token endpoint: a check would fail with SpApiConnectionFailed.
        $port = Get-ClosedPort
        $offline = @{ ClientId = $sandbox.ClientId; ClientSecret = $wrongSecret; RefreshToken = $sandbox.RefreshToken; Endpoint = "http://127.0.0.1:$port/"; TokenEndpoint = "http://127.0.0.1:$port/auth/o2/token" }
        { Save-SpApiProfile -Name offline @offline } | Should -Throw -ErrorId 'SpApiConnectionFailed,SpApi.PowerShell.Cmdlets.SaveSpApiProfileCommand'
        Test-Path $env:SPAPI_PROFILE_PATH | Should -BeFalse -Because 'a check that could not be made saves nothing'

        $saved = Save-SpApiProfile -Name offline @offline -SkipCheck

        $saved.Name | Should -Be 'offline'
        (Get-SpApiProfile -Name offline).TokenEndpoint | Should -Be "http://127.0.0.1:$port/auth/o2/token"
    }

    It 'refuses to replace a profile without -Force' {
        Save-SpApiProfile -Name p -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region EU -SkipCheck | Out-Null
        { Save-SpApiProfile -Name p -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region EU -SkipCheck } |
            Should -Throw -ErrorId 'InvalidProfileParameter,SpApi.PowerShell.Cmdlets.SaveSpApiProfileCommand'
        (Save-SpApiProfile -Name p -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region FE -Force -SkipCheck).Region | Should -Be 'FE'
    }

    It 'refuses an existing name before it checks the credentials' {
        Save-SpApiProfile -Name p -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region EU -SkipCheck | Out-Null
        $port = Get-ClosedPort
        # Were the credentials checked first, this would be SpApiConnectionFailed.
        { Save-SpApiProfile -Name p -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Endpoint "http://127.0.0.1:$port/" -TokenEndpoint "http://127.0.0.1:$port/auth/o2/token" } |
            Should -Throw -ErrorId 'InvalidProfileParameter,SpApi.PowerShell.Cmdlets.SaveSpApiProfileCommand'
    }

    It 'protects the file: DPAPI on Windows, owner-only permissions elsewhere' {
        $info = Save-SpApiProfile -Name p -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region EU -SkipCheck
        if ($IsWindows -or $PSEdition -eq 'Desktop') {
            $info.SecretProtection | Should -Be 'dpapi'
            Get-Content -Raw $env:SPAPI_PROFILE_PATH | Should -Not -Match ([regex]::Escape($secretText))
        }
        else {
            $info.SecretProtection | Should -Be 'file-permissions'
            [int] (Get-Item $env:SPAPI_PROFILE_PATH).UnixFileMode | Should -Be ([Convert]::ToInt32('600', 8))
        }
    }

    It 'completes profile names and marketplace ids' {
        Save-SpApiProfile -Name india -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region EU -SkipCheck | Out-Null
        foreach ($line in 'Connect-SpApi -ProfileName ind', 'Get-SpApiProfile -Name ind', 'Remove-SpApiProfile -Name ind') {
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'india' -Because $line
        }
        $line = 'Connect-SpApi -MarketplaceId Ind'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'A21TJRUUN4KGV'
    }
}

Describe 'Get-SpApiProfile' {
    BeforeAll {
        $env:SPAPI_PROFILE_PATH = Join-Path $TestDrive 'listed.json'
        $common = @{ ClientId = $sandbox.ClientId; ClientSecret = $sandbox.ClientSecret; RefreshToken = $sandbox.RefreshToken; SkipCheck = $true }
        Save-SpApiProfile -Name india @common -MarketplaceId A21TJRUUN4KGV | Out-Null
        Save-SpApiProfile -Name brazil @common -MarketplaceId A2Q3Y263D00KWC | Out-Null
        Save-SpApiProfile -Name 'brazil-test' @common -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint | Out-Null
    }

    AfterAll { Remove-Item Env:SPAPI_PROFILE_PATH -ErrorAction Ignore }

    It 'lists every saved profile' {
        $profiles = Get-SpApiProfile
        $profiles.Name | Should -Be @('brazil', 'brazil-test', 'india')
        ($profiles | Where-Object Name -EQ india).Region | Should -Be 'EU'
        ($profiles | Where-Object Name -EQ brazil).Region | Should -Be 'NA'
        ($profiles | Where-Object Name -EQ 'brazil-test').Endpoint | Should -Be $sandbox.Endpoint
        $profiles[0].PSObject.TypeNames | Should -Contain 'SpApi.Core.Connection.SpApiProfileInfo'
    }

    It 'selects by name with wildcards, ignoring case' {
        (Get-SpApiProfile -Name 'BRAZIL*').Name | Should -Be @('brazil', 'brazil-test')
        (Get-SpApiProfile -Name India).Name | Should -Be 'india'
        (Get-SpApiProfile -Name 'b*', '*test').Name | Should -Be @('brazil', 'brazil-test')
    }

    It 'outputs nothing, without an error, for a pattern that matches no profile' {
        $output = Get-SpApiProfile -Name 'nothing*' -ErrorVariable failures
        $output | Should -BeNullOrEmpty
        $failures.Count | Should -Be 0
    }

    It 'writes ProfileNotFound for a name that is not saved, and goes on with the others' {
        $output = Get-SpApiProfile -Name japan, india -ErrorVariable failures -ErrorAction SilentlyContinue

        $output.Name | Should -Be 'india'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ProfileNotFound,SpApi.PowerShell.Cmdlets.GetSpApiProfileCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'japan'
        $failures[0].Exception.Message | Should -Match "'japan'.*brazil, brazil-test, india"
    }

    It 'never shows a secret' {
        $text = (Get-SpApiProfile | Format-List * | Out-String) + (Get-SpApiProfile | ConvertTo-Json -Depth 3) + (Get-SpApiProfile | Format-Table | Out-String)
        $text | Should -Not -Match ([regex]::Escape($secretText))
        $text | Should -Not -Match ([regex]::Escape($refreshText))
        (Get-SpApiProfile -Name india).PSObject.Properties.Name | Should -Not -Contain 'ClientSecret'
    }

    It 'has no profiles without a profile file' {
        $env:SPAPI_PROFILE_PATH = Join-Path $TestDrive 'none.json'
        try {
            Get-SpApiProfile -ErrorVariable failures | Should -BeNullOrEmpty
            $failures.Count | Should -Be 0
        }
        finally { $env:SPAPI_PROFILE_PATH = Join-Path $TestDrive 'listed.json' }
    }
}

Describe 'Remove-SpApiProfile' {
    BeforeEach {
        $env:SPAPI_PROFILE_PATH = Join-Path $TestDrive "removed-$([guid]::NewGuid()).json"
        $common = @{ ClientId = $sandbox.ClientId; ClientSecret = $sandbox.ClientSecret; RefreshToken = $sandbox.RefreshToken; Region = 'EU'; SkipCheck = $true }
        foreach ($name in 'india', 'test-1', 'test-2') { Save-SpApiProfile -Name $name @common | Out-Null }
    }

    AfterEach { Remove-Item Env:SPAPI_PROFILE_PATH -ErrorAction Ignore }

    It 'removes a profile and keeps the others' {
        Remove-SpApiProfile -Name india
        (Get-SpApiProfile).Name | Should -Be @('test-1', 'test-2')
        { Connect-SpApi -ProfileName india } | Should -Throw -ErrorId 'InvalidConnectionParameter,SpApi.PowerShell.Cmdlets.ConnectSpApiCommand'
    }

    It 'removes nothing with -WhatIf' {
        Remove-SpApiProfile -Name india -WhatIf
        (Get-SpApiProfile).Name | Should -Be @('india', 'test-1', 'test-2')
    }

    It 'takes the names from Get-SpApiProfile by property name, and -PassThru outputs what it removed' {
        $removed = Get-SpApiProfile -Name 'test-*' | Remove-SpApiProfile -PassThru
        $removed.Name | Should -Be @('test-1', 'test-2')
        (Get-SpApiProfile).Name | Should -Be 'india'
    }

    It 'removes by wildcard' {
        Remove-SpApiProfile -Name 'TEST-*'
        (Get-SpApiProfile).Name | Should -Be 'india'
    }

    It 'writes ProfileNotFound for a name that is not saved, and still removes the others' {
        Remove-SpApiProfile -Name japan, india -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ProfileNotFound,SpApi.PowerShell.Cmdlets.RemoveSpApiProfileCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].Exception.Message | Should -Match "'japan'"
        (Get-SpApiProfile).Name | Should -Be @('test-1', 'test-2')
        { Remove-SpApiProfile -Name japan -ErrorAction Stop } | Should -Throw -ErrorId 'ProfileNotFound,SpApi.PowerShell.Cmdlets.RemoveSpApiProfileCommand'
    }
}

Describe 'Help' {
    It 'documents <_> with a synopsis, every parameter and an example' -ForEach $cmdlets {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -Match '^\s*$'
        $help.Synopsis | Should -Not -BeLike "$_*"
        @($help.examples.example).Count | Should -BeGreaterThan 0
        # A cmdlet without parameters has no 'parameter' entries at all.
        $parameters = if ($help.parameters.PSObject.Properties['parameter']) { $help.parameters.parameter } else { @() }
        foreach ($parameter in $parameters) {
            ($parameter.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }
}
