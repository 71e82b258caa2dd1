# The default connection belongs to the runspace: ForEach-Object -Parallel, Start-ThreadJob and
# [powershell]::Create() each start without one, and a Connect-SpApi in one leaves the others' alone.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:manifest = (Get-Module SpApi).Path -replace '\.psm1$', '.psd1'
    $script:first = Start-SpApiSandbox
    $script:second = Start-SpApiSandbox
}

AfterAll {
    Disconnect-SpApi
    Stop-SpApiSandbox $script:first
    Stop-SpApiSandbox $script:second
}

Describe 'The default connection of a runspace' {
    BeforeEach {
        $script:mine = Connect-SpApiSandbox $first
    }

    AfterEach { Disconnect-SpApi }

    It 'is its own in each runspace of ForEach-Object -Parallel, and the caller keeps its own' {
        # Both runspaces connect, then both read, so a default shared by the process would show one endpoint twice.
        $bothConnected = [System.Threading.Barrier]::new(2)
        $seen = $first, $second | ForEach-Object -ThrottleLimit 2 -Parallel {
            $sandbox = $_
            Import-Module $using:manifest
            $before = @(Get-SpApiConnection -ErrorAction SilentlyContinue).Count
            Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken `
                -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint | Out-Null
            if (-not ($using:bothConnected).SignalAndWait([timespan]::FromSeconds(60))) { throw 'The other runspace did not connect.' }
            [pscustomobject]@{ Sandbox = $sandbox.Endpoint; Before = $before; Endpoint = (Get-SpApiConnection).Endpoint }
            Disconnect-SpApi
        }

        $seen.Count | Should -Be 2
        foreach ($runspace in $seen) {
            $runspace.Before | Should -Be 0 -Because 'a new runspace starts without a default, whatever the caller has'
            $runspace.Endpoint | Should -Be $runspace.Sandbox
        }
        [object]::ReferenceEquals((Get-SpApiConnection), $mine) | Should -BeTrue
    }

    It 'is its own in Start-ThreadJob' {
        $job = Start-ThreadJob -ArgumentList $manifest, $second -ScriptBlock {
            param($manifest, $sandbox)
            Import-Module $manifest
            $before = @(Get-SpApiConnection -ErrorAction SilentlyContinue).Count
            Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken `
                -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint | Out-Null
            [pscustomobject]@{ Before = $before; Endpoint = (Get-SpApiConnection).Endpoint }
        }
        $seen = $job | Receive-Job -Wait -AutoRemoveJob

        $seen.Before | Should -Be 0
        $seen.Endpoint | Should -Be $second.Endpoint
        (Get-SpApiConnection).Endpoint | Should -Be $first.Endpoint
        [object]::ReferenceEquals((Get-SpApiConnection), $mine) | Should -BeTrue
    }

    It 'is its own in [powershell]::Create(), and stays there from one invocation to the next' {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($manifest, $sandbox)
                    Import-Module $manifest
                    $before = @(Get-SpApiConnection -ErrorAction SilentlyContinue).Count
                    Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken `
                        -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint | Out-Null
                    $before
                }).AddArgument($manifest).AddArgument($second)
            $before = $shell.Invoke()
            $shell.Commands.Clear()
            $later = $shell.AddScript({ (Get-SpApiConnection).Endpoint }).Invoke()

            $shell.HadErrors | Should -BeFalse
            $before | Should -Be 0
            $later | Should -Be $second.Endpoint
            [object]::ReferenceEquals((Get-SpApiConnection), $mine) | Should -BeTrue
        }
        finally {
            $shell.Dispose()
        }
    }

    It 'is not set by using a connection passed with -Connection into -Parallel runspaces' {
        $calls = Get-SpApiSandboxCall $first 'getInvoicesAttributes'
        $seen = 1, 2 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:manifest
            $attributes = Get-SpInvoiceAttribute -MarketplaceId A2Q3Y263D00KWC -Connection $using:mine
            [pscustomobject]@{
                Options = @($attributes.InvoiceStatusOptions).Count
                Default = @(Get-SpApiConnection -ErrorAction SilentlyContinue).Count
            }
        }

        $seen.Count | Should -Be 2
        $seen.Options | Should -Not -Contain 0
        $seen.Default | Should -Be @(0, 0)
        (Get-SpApiSandboxCall $first 'getInvoicesAttributes') | Should -Be ($calls + 2)
    }

    It 'fails with SpApiNotConnected in a new runspace that relies on the default' {
        $failures = 1 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            try { Get-SpInvoiceAttribute -MarketplaceId A2Q3Y263D00KWC -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
        }

        $failures | Should -Be 'SpApiNotConnected,SpApi.PowerShell.Cmdlets.GetSpInvoiceAttributeCommand'
    }

    It 'survives Import-Module -Force in the same runspace' {
        Import-Module $manifest -Force
        [object]::ReferenceEquals((Get-SpApiConnection), $mine) | Should -BeTrue
    }
}
