# Helpers for every Pester file: import the staged module and run a sandbox server.

function Import-SpApiTestModule {
    # The copy under test: Invoke-SpApiPester.ps1 names it (the staged module or an expanded package).
    $manifest = if ($env:SPAPI_TEST_MODULE) { $env:SPAPI_TEST_MODULE } else { Join-Path $PSScriptRoot '../../out/SpApi/SpApi.psd1' }
    if (-not (Test-Path $manifest)) {
        throw "The module is not staged: run ./build.ps1 first ($manifest is missing)."
    }
    # The tests submit the same example invoices again and again on purpose: the submission ledger, which would
    # skip the repeats, is off for them; FinancesInvoice.Tests.ps1 turns it on with -LedgerPath.
    $env:SPAPI_LEDGER = 'Off'
    Import-Module $manifest -Force -ErrorAction Stop
}

function Start-SpApiSandbox {
    # Starts the sandbox on an ephemeral loopback port and returns its address, process and credentials.
    $configuration = if ($env:SPAPI_TEST_CONFIGURATION) { $env:SPAPI_TEST_CONFIGURATION } else { 'Release' }
    $dll = Join-Path $PSScriptRoot "../SpApi.Sandbox/bin/$configuration/net10.0/SpApi.Sandbox.dll"
    if (-not (Test-Path $dll)) { throw "The sandbox is not built: $dll is missing." }

    # The client's buckets run at SPAPI_RATE_SCALE (build.ps1 sets it before the module loads); the
    # sandbox must run at the same scale. Arguments as one string: ArgumentList is missing in 5.1.
    $scale = if ($env:SPAPI_RATE_SCALE) { $env:SPAPI_RATE_SCALE } else { '1' }
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet', "`"$dll`" --url http://127.0.0.1:0 --rate-scale $scale")
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $first = $process.StandardOutput.ReadLine()
    if ($first -notmatch 'listening on (?<url>\S+)') {
        $process.Kill()
        throw "The sandbox did not start: $first"
    }

    $endpoint = [uri] $Matches.url
    [pscustomobject]@{
        Process       = $process
        Endpoint      = $endpoint
        TokenEndpoint = [uri]::new($endpoint, 'auth/o2/token')
        ClientId      = 'amzn1.application-oa2-client.sandbox'
        ClientSecret  = ConvertTo-SecureString 'amzn1.oa2-cs.v1.sandbox-secret' -AsPlainText -Force
        RefreshToken  = ConvertTo-SecureString 'Atzr|sandbox-refresh-token' -AsPlainText -Force
    }
}

function Stop-SpApiSandbox {
    param($Sandbox)
    if ($Sandbox -and -not $Sandbox.Process.HasExited) {
        $Sandbox.Process.Kill()
        $Sandbox.Process.WaitForExit()
    }
}

function Get-SpApiSandboxCounter {
    param($Sandbox)
    Invoke-RestMethod -Uri ([uri]::new($Sandbox.Endpoint, '_sandbox/counters'))
}

function Get-SpApiSandboxCall {
    # How many requests of one operation the sandbox has received; 0 for one never called.
    param($Sandbox, [string] $Operation)
    $count = (Get-SpApiSandboxCounter $Sandbox).byOperation.PSObject.Properties[$Operation]
    if ($count) { [int] $count.Value } else { 0 }
}

function Connect-SpApiSandbox {
    # Connects to the sandbox with its test credentials; the connection becomes the session's default.
    param($Sandbox)
    Connect-SpApi -ClientId $Sandbox.ClientId -ClientSecret $Sandbox.ClientSecret -RefreshToken $Sandbox.RefreshToken -Endpoint $Sandbox.Endpoint -TokenEndpoint $Sandbox.TokenEndpoint
}

function Use-SpApi {
    # Isolation cases: imports the module and makes a call that needs SpApi.Core, RestSharp (the token
    # exchange), Polly and the rate limiter; returns how many attributes it read.
    param($Case, $Sandbox)
    Import-Module $Case.Module -ErrorAction Stop
    Connect-SpApiSandbox $Sandbox | Out-Null
    @(Get-SpInvoiceAttribute -MarketplaceId A2Q3Y263D00KWC).Count
}

function Use-OldRestSharp {
    # Isolation cases: the session's older RestSharp serving its own user, a GET of the sandbox's counters.
    param($Case)
    $client = [RestSharp.RestClient]::new([uri] $Case.Endpoint)
    $response = $client.ExecuteAsync([RestSharp.RestRequest]::new('_sandbox/counters'), [System.Threading.CancellationToken]::None).GetAwaiter().GetResult()
    [int] $response.StatusCode
}

function Get-RunningPowerShell {
    # The command that starts another process of this PowerShell, with the arguments that go first: a .NET
    # tool runs as dotnet with pwsh.dll; pwsh, pwsh.exe and powershell.exe run themselves.
    $process = (Get-Process -Id $PID).Path
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        $process, (Join-Path $PSHOME 'pwsh.dll')
    }
    else {
        , $process
    }
}
