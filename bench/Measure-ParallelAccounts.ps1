<#
.SYNOPSIS
    Issue 17: N accounts paging at once, each in a ForEach-Object -Parallel runspace of one process, against the
    sandbox at Amazon's rates (getCustomerInvoices: 10/s, burst 10).

.DESCRIPTION
    Starts the sandbox with -Accounts selling partners and -Pages customer invoices, connects once per account
    (each its own refresh token), then pages every account in its own runspace with -PageSize 1, one invoice a
    page. Each runspace imports the module and fetches its tokens first; a barrier starts the paging in all of them
    at once. Reports the wall time of the paging over the single-account minimum, (pages - burst) / rate: every
    account has its own bucket, so N accounts should take no longer than one. And the 429s the sandbox sent.

.EXAMPLE
    ./build.ps1; dotnet pwsh -NoProfile -File ./bench/Measure-ParallelAccounts.ps1 -Accounts 8 -Pages 300
#>
param(
    [ValidateRange(1, 64)]
    [int] $Accounts = 8,

    [ValidateRange(20, 100000)]
    [int] $Pages = 300,

    [string] $Module = (Join-Path $PSScriptRoot '../out/SpApi/SpApi.psd1')
)

$ErrorActionPreference = 'Stop'
$sandboxDll = Join-Path $PSScriptRoot '../tests/SpApi.Sandbox/bin/Release/net10.0/SpApi.Sandbox.dll'
if (-not (Test-Path -LiteralPath $sandboxDll)) { throw "Build first (./build.ps1): $sandboxDll is missing." }

# Amazon's rates on both sides; the buckets in a folder of this run's own.
Remove-Item Env:SPAPI_RATE_SCALE -ErrorAction Ignore
$env:SPAPI_RATE_LIMIT_PATH = Join-Path ([System.IO.Path]::GetTempPath()) "spapi-bench-accounts-$PID"

$start = [System.Diagnostics.ProcessStartInfo]::new('dotnet', "`"$sandboxDll`" --url http://127.0.0.1:0 --rate-scale 1 --accounts $Accounts --invoices $Pages")
$start.RedirectStandardOutput = $true
$start.UseShellExecute = $false
$sandbox = [System.Diagnostics.Process]::Start($start)
try {
    $url = ([regex]::Match($sandbox.StandardOutput.ReadLine(), 'listening on (?<url>\S+)')).Groups['url'].Value
    Import-Module $Module
    $secret = ConvertTo-SecureString 'amzn1.oa2-cs.v1.sandbox-secret' -AsPlainText -Force
    $connections = foreach ($account in 1..$Accounts) {
        $token = if ($account -eq 1) { 'Atzr|sandbox-refresh-token' } else { "Atzr|sandbox-refresh-token-$account" }
        Connect-SpApi -ClientId amzn1.application-oa2-client.sandbox -ClientSecret $secret `
            -RefreshToken (ConvertTo-SecureString $token -AsPlainText -Force) -Endpoint $url -TokenEndpoint "${url}auth/o2/token"
    }

    # The sandbox spreads the invoices over the 7 days before it started; this window holds them all.
    $before = Get-Date
    $after = $before.AddDays(-7).AddMinutes(5)
    $barrier = [System.Threading.Barrier]::new($Accounts)
    $runs = $connections | ForEach-Object -ThrottleLimit $Accounts -Parallel {
        $connection = $_
        Import-Module $using:Module
        Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -Connection $connection | Out-Null   # tokens and RDT, outside the timing
        ($using:barrier).SignalAndWait()
        $started = [System.Diagnostics.Stopwatch]::GetTimestamp()
        $count = (Get-SpCustomerInvoice -CreatedAfter $using:after -CreatedBefore $using:before -PageSize 1 -Connection $connection | Measure-Object).Count
        [pscustomobject]@{ Invoices = $count; Started = $started; Ended = [System.Diagnostics.Stopwatch]::GetTimestamp() }
    }

    $wall = (($runs.Ended | Measure-Object -Maximum).Maximum - ($runs.Started | Measure-Object -Minimum).Minimum) / [System.Diagnostics.Stopwatch]::Frequency
    $perAccount = ($runs.Invoices | Sort-Object -Unique) -join ','
    $minimum = ((($runs.Invoices | Measure-Object -Minimum).Minimum) - 10) / 10
    $throttled = (Invoke-RestMethod "${url}_sandbox/counters").throttled
    [pscustomobject]@{
        Accounts           = $Accounts
        PagesPerAccount    = $perAccount
        WallSeconds        = [math]::Round($wall, 2)
        SingleAccountMinimum = $minimum
        Ratio              = [math]::Round($wall / $minimum, 3)
        Throttled          = $throttled
    } | Format-List
}
finally {
    $sandbox.Kill()
    $sandbox.Dispose()
    Remove-Item -LiteralPath $env:SPAPI_RATE_LIMIT_PATH -Recurse -Force -ErrorAction Ignore
}
