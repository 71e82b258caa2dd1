# The default connection belongs to the runspace: ForEach-Object -Parallel, Start-ThreadJob and
# [powershell]::Create() each start without one, and a Connect-SpApi in one leaves the others' alone.
# Windows PowerShell 5.1 has neither ForEach-Object -Parallel nor Start-ThreadJob: there only the
# [powershell]::Create() cases run.

BeforeDiscovery {
    $script:noThreads = $PSVersionTable.PSEdition -eq 'Desktop'
}

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

    It 'is its own in each runspace of ForEach-Object -Parallel, and the caller keeps its own' -Skip:$noThreads {
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

    It 'is its own in Start-ThreadJob' -Skip:$noThreads {
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

    It 'does not carry over to the next iteration of a reused -Parallel runspace whose Connect-SpApi fails' -Skip:$noThreads {
        # One runspace serves both iterations (-Parallel reuses them); the second connect is refused.
        $wrong = ConvertTo-SecureString 'amzn1.oa2-cs.v1.wrong' -AsPlainText -Force
        $secrets = $second.ClientSecret, $wrong
        $seen = 0, 1 | ForEach-Object -ThrottleLimit 1 -Parallel {
            $sandbox = $using:second
            Import-Module $using:manifest
            try {
                Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret ($using:secrets)[$_] -RefreshToken $sandbox.RefreshToken `
                    -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint | Out-Null
            }
            catch { }
            # A script that goes on after the failed connect, relying on the default.
            try { (Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -ErrorAction Stop).PurchaseOrderNumber } catch { $_.FullyQualifiedErrorId }
            [runspace]::DefaultRunspace.InstanceId
        }

        $seen[1] | Should -Be $seen[3] -Because 'the test needs both iterations in one runspace'
        $seen[0] | Should -Be 'PO00000001'
        $seen[2] | Should -Be 'SpApiNotConnected,SpApi.PowerShell.Cmdlets.GetSpCustomerInvoiceCommand'
    }

    It 'does not carry over to the next iteration of a reused -Parallel runspace that does not connect' -Skip:$noThreads {
        # One runspace serves both iterations; -Parallel resets its variables between them, and the default with them.
        $seen = 0, 1 | ForEach-Object -ThrottleLimit 1 -Parallel {
            $sandbox = $using:second
            Import-Module $using:manifest
            if ($_ -eq 0) {
                Connect-SpApi -ClientId $sandbox.ClientId -ClientSecret $sandbox.ClientSecret -RefreshToken $sandbox.RefreshToken `
                    -Endpoint $sandbox.Endpoint -TokenEndpoint $sandbox.TokenEndpoint | Out-Null
            }
            [pscustomobject]@{ Runspace = [runspace]::DefaultRunspace.InstanceId; Defaults = @(Get-SpApiConnection -ErrorAction SilentlyContinue).Count }
        }

        $seen[1].Runspace | Should -Be $seen[0].Runspace -Because 'the test needs both iterations in one runspace'
        $seen[0].Defaults | Should -Be 1
        $seen[1].Defaults | Should -Be 0
    }

    It 'is not set by using a connection passed with -Connection into -Parallel runspaces' -Skip:$noThreads {
        $calls = Get-SpApiSandboxCall $first 'getCustomerInvoice'
        $seen = 'PO00000001', 'PO00000002' | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:manifest
            [pscustomobject]@{
                Invoice = (Get-SpCustomerInvoice -PurchaseOrderNumber $_ -Connection $using:mine).PurchaseOrderNumber
                Default = @(Get-SpApiConnection -ErrorAction SilentlyContinue).Count
            }
        }

        ($seen.Invoice | Sort-Object) | Should -Be @('PO00000001', 'PO00000002')
        $seen.Default | Should -Be @(0, 0)
        (Get-SpApiSandboxCall $first 'getCustomerInvoice') | Should -Be ($calls + 2)
    }

    It 'fails with SpApiNotConnected in a new runspace that relies on the default' -Skip:$noThreads {
        $failures = 1 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            try { Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
        }

        $failures | Should -Be 'SpApiNotConnected,SpApi.PowerShell.Cmdlets.GetSpCustomerInvoiceCommand'
    }

    It 'survives Import-Module -Force in the same runspace' {
        Import-Module $manifest -Force
        [object]::ReferenceEquals((Get-SpApiConnection), $mine) | Should -BeTrue
    }
}
