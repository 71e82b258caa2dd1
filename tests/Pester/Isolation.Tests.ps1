# SpApi beside other versions of its own dependencies. Load contexts are per process, so each case runs in a
# job (a new process of this PowerShell) and reports what it saw. PowerShell 7 only: on Windows PowerShell 5.1
# there is one context, and the AssemblyResolve handler is what keeps the module to its own copies.

BeforeDiscovery {
    $script:isCore = $PSEdition -eq 'Core'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    $script:sandbox = Start-SpApiSandbox
    $packages = Join-Path $PSScriptRoot '../PesterPackages/packages'
    $script:case = @{
        Module      = $env:SPAPI_TEST_MODULE
        Shared      = Join-Path $PSScriptRoot 'Shared.ps1'
        RestSharp   = (Resolve-Path (Join-Path $packages 'restsharp/108.0.3/lib/net6.0/RestSharp.dll')).ProviderPath
        Polly       = (Resolve-Path (Join-Path $packages 'polly.core/8.1.0/lib/net6.0/Polly.Core.dll')).ProviderPath
        Endpoint    = $sandbox.Endpoint.AbsoluteUri
    }

    # Runs $Script in a new process with the module path, the sandbox and the old assemblies' paths.
    function Invoke-InNewSession([scriptblock] $Script) {
        Start-Job -ScriptBlock {
            param($case, $script)
            $ErrorActionPreference = 'Stop'
            . $case.Shared
            # The sandbox's address and test credentials, as Connect-SpApiSandbox takes them.
            $sandbox = [pscustomobject]@{
                Endpoint      = [uri] $case.Endpoint
                TokenEndpoint = [uri]::new([uri] $case.Endpoint, 'auth/o2/token')
                ClientId      = 'amzn1.application-oa2-client.sandbox'
                ClientSecret  = ConvertTo-SecureString 'amzn1.oa2-cs.v1.sandbox-secret' -AsPlainText -Force
                RefreshToken  = ConvertTo-SecureString 'Atzr|sandbox-refresh-token' -AsPlainText -Force
            }
            & ([scriptblock]::Create($script)) $case $sandbox
        } -ArgumentList $case, $Script.ToString() | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
    }

}

AfterAll {
    Stop-SpApiSandbox $script:sandbox
}

Describe 'SpApi beside older versions of its dependencies' -Skip:(-not $isCore) {
    It 'works when RestSharp 108 and Polly.Core 8.1 were loaded first, and so do they' {
        $result = Invoke-InNewSession {
            param($case, $sandbox)
            Add-Type -LiteralPath $case.RestSharp, $case.Polly
            [pscustomobject]@{
                Attributes = Use-SpApi $case $sandbox
                OldStatus  = Use-OldRestSharp $case
                Polly      = [Polly.ResiliencePipeline]::Empty.GetType().Assembly.Location
                Loaded     = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'RestSharp' } | ForEach-Object { '{0} in {1}' -f $_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name })
            }
        }

        $result.Attributes | Should -BeGreaterThan 0
        $result.OldStatus | Should -Be 200
        $result.Polly | Should -Be $case.Polly
        $result.Loaded | Should -Contain '108.0.3.0 in Default'
        $result.Loaded | Should -Contain '114.1.0.0 in SpApi'
    }

    It 'leaves the session free to load and use the older versions after it' {
        $result = Invoke-InNewSession {
            param($case, $sandbox)
            $attributes = Use-SpApi $case $sandbox
            Add-Type -LiteralPath $case.RestSharp, $case.Polly
            [pscustomobject]@{
                Attributes = $attributes
                OldStatus  = Use-OldRestSharp $case
                Polly      = [Polly.ResiliencePipeline]::Empty.GetType().Assembly.Location
            }
        }

        $result.Attributes | Should -BeGreaterThan 0
        $result.OldStatus | Should -Be 200
        $result.Polly | Should -Be $case.Polly
    }

    It 'puts only the cmdlet assembly into the shared context' {
        $contexts = Invoke-InNewSession {
            param($case, $sandbox)
            Use-SpApi $case $sandbox | Out-Null
            [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -match '^(SpApi\.|RestSharp$|Polly\.Core$)' } |
                ForEach-Object { '{0} in {1}' -f $_.GetName().Name, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
        }

        $contexts | Sort-Object | Should -Be @('Polly.Core in SpApi', 'RestSharp in SpApi', 'SpApi.Core in SpApi', 'SpApi.PowerShell in Default')
    }

    It 'fails with an error that names SpApi.Core, not a crash, when lib lacks it' {
        # The resolve handler must not hand the request back and forth between the two contexts without end.
        $result = Invoke-InNewSession {
            param($case, $sandbox)
            $copy = Join-Path ([System.IO.Path]::GetTempPath()) "spapi-no-core-$PID"
            Copy-Item -Recurse -Path (Split-Path -Parent $case.Module) -Destination $copy
            try {
                Remove-Item -LiteralPath (Join-Path $copy 'bin/net8.0/lib/SpApi.Core.dll')
                Import-Module (Join-Path $copy 'SpApi.psd1')
                try { Get-SpApiConnection | Out-Null; 'no error' } catch { $_.Exception.ToString() }
            }
            finally {
                Remove-Module SpApi -ErrorAction Ignore
                Remove-Item -Recurse -Force -LiteralPath $copy -ErrorAction Ignore
            }
        }

        $result | Should -Match "Could not load file or assembly 'SpApi\.Core"
    }

    It 'works again after Remove-Module and Import-Module, and after Import-Module -Force, in the same session' {
        $result = Invoke-InNewSession {
            param($case, $sandbox)
            $first = Use-SpApi $case $sandbox
            Get-SpApiConnection | Disconnect-SpApi
            Remove-Module SpApi
            $second = Use-SpApi $case $sandbox
            $afterRemove = (Get-Module SpApi).ExportedCmdlets.Count
            Import-Module $case.Module -Force
            [pscustomobject]@{
                First = $first; Second = $second; Commands = @(Get-Command -Module SpApi).Count
                AfterRemove = $afterRemove; AfterForce = (Get-Module SpApi).ExportedCmdlets.Count
            }
        }

        $result.Second | Should -Be $result.First
        $cmdlets = (Import-PowerShellDataFile $case.Module).CmdletsToExport.Count
        $result.Commands | Should -Be $cmdlets
        $result.AfterRemove | Should -Be $cmdlets -Because 'Remove-Module and Import-Module export every cmdlet again'
        $result.AfterForce | Should -Be $cmdlets -Because 'Import-Module -Force exports every cmdlet again'
    }

    It 'formats, serialises and binds by property name the objects of Core' {
        $result = Invoke-InNewSession {
            param($case, $sandbox)
            Use-SpApi $case $sandbox | Out-Null
            $attributes = Get-SpInvoiceAttribute -MarketplaceId A2Q3Y263D00KWC
            $file = Join-Path ([System.IO.Path]::GetTempPath()) "spapi-isolation-$PID.xml"
            try {
                $attributes | Export-Clixml -LiteralPath $file
                $back = Import-Clixml -LiteralPath $file
            }
            finally {
                Remove-Item -LiteralPath $file -ErrorAction Ignore
            }
            # Submit's output binds by property name to Get-SpTransactionStatus.
            $csv = Join-Path (Get-Module SpApi).ModuleBase 'examples/vendor-invoices.csv'
            $status = Import-Csv -LiteralPath $csv | New-SpVendorInvoice | Submit-SpVendorInvoice | Get-SpTransactionStatus
            [pscustomobject]@{
                Status     = $status.TransactionId
                TypeName   = $attributes.GetType().FullName
                Table      = ($attributes | Format-Table | Out-String)
                ViewOfType = @(Get-FormatData -TypeName $attributes.GetType().FullName).Count
                Back       = $back.PSTypeNames[0]
            }
        }

        $result.ViewOfType | Should -Be 1 -Because "$($result.TypeName) has a view in SpApi.Format.ps1xml"
        $result.Table | Should -Not -BeNullOrEmpty
        $result.Back | Should -Be "Deserialized.$($result.TypeName)"
        $result.Status | Should -Not -BeNullOrEmpty
    }
}
