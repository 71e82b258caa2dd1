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
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
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
        Get-SpApiConnection | Disconnect-SpApi
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
        Get-SpApiConnection | Should -BeNullOrEmpty
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

Describe 'Disconnect-SpApi' {
    It 'forgets the default connection' {
        Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint | Out-Null
        $closed = Disconnect-SpApi -PassThru
        $closed.ClientId | Should -Be $sandbox.ClientId
        Get-SpApiConnection | Should -BeNullOrEmpty
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

    It 'refuses to replace a profile without -Force' {
        Save-SpApiProfile -Name p -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region EU | Out-Null
        { Save-SpApiProfile -Name p -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region EU } |
            Should -Throw -ErrorId 'InvalidProfileParameter,SpApi.PowerShell.Cmdlets.SaveSpApiProfileCommand'
        (Save-SpApiProfile -Name p -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region FE -Force).Region | Should -Be 'FE'
    }

    It 'protects the file: DPAPI on Windows, owner-only permissions elsewhere' {
        $info = Save-SpApiProfile -Name p -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region EU
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
        Save-SpApiProfile -Name india -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken -Region EU | Out-Null
        $line = 'Connect-SpApi -ProfileName ind'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'india'
        $line = 'Connect-SpApi -MarketplaceId Ind'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'A21TJRUUN4KGV'
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
