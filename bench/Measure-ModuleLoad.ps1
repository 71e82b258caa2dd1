<#
.SYNOPSIS
    Measures Import-Module time and the first call's latency of staged SpApi module folders, each in fresh
    PowerShell processes, and reports the median and 90th percentile of each.

.DESCRIPTION
    Starts the sandbox once, then runs -Runs rounds. Each round starts one fresh process per module folder,
    in alternating order (A B, B A, ...), so drift on the machine falls on every folder alike. Each process
    times, with a Stopwatch of its own:
      Import: Import-Module <folder>/SpApi.psd1
      FirstCall: Connect-SpApi against the sandbox plus one Get-SpInvoiceAttribute -MarketplaceId A2Q3Y263D00KWC
    Process start-up is outside both figures: it does not depend on the module.

.EXAMPLE
    ./bench/Measure-ModuleLoad.ps1 -Module before=/tmp/spapi-before/out/SpApi, after=./out/SpApi -Runs 15
.EXAMPLE
    ./bench/Measure-ModuleLoad.ps1 -Module flat=flat:./out/SpApi,isolated=./out/SpApi -Runs 20
    The same build without and with isolation.
#>
[CmdletBinding(DefaultParameterSetName = 'Compare')]
param(
    # Named module folders, each 'name=path' (the folder holding SpApi.psd1); commas separate them too,
    # because pwsh -File passes 'a=x,b=y' as one string.
    [Parameter(Mandatory, ParameterSetName = 'Compare')]
    [string[]] $Module,

    # Fresh processes per module folder.
    [Parameter(ParameterSetName = 'Compare')]
    [ValidateRange(1, 1000)]
    [int] $Runs = 15,

    # Internal: the measuring process of one run.
    [Parameter(Mandatory, ParameterSetName = 'Child')]
    [string] $ChildModulePath,

    [Parameter(Mandatory, ParameterSetName = 'Child')]
    [string] $ChildEndpoint
)

$ErrorActionPreference = 'Stop'
$repository = Split-Path -Parent $PSScriptRoot

if ($PSCmdlet.ParameterSetName -eq 'Child') {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    Import-Module (Join-Path $ChildModulePath 'SpApi.psd1')
    $import = $watch.Elapsed.TotalMilliseconds

    # The sandbox's credentials, as in tests/Pester/Shared.ps1.
    $endpoint = [uri] $ChildEndpoint
    $secret = ConvertTo-SecureString 'amzn1.oa2-cs.v1.sandbox-secret' -AsPlainText -Force
    $refresh = ConvertTo-SecureString 'Atzr|sandbox-refresh-token' -AsPlainText -Force
    $watch.Restart()
    $null = Connect-SpApi -ClientId 'amzn1.application-oa2-client.sandbox' -ClientSecret $secret -RefreshToken $refresh `
        -Endpoint $endpoint -TokenEndpoint ([uri]::new($endpoint, 'auth/o2/token'))
    $null = Get-SpInvoiceAttribute -MarketplaceId A2Q3Y263D00KWC
    $firstCall = $watch.Elapsed.TotalMilliseconds
    [pscustomobject]@{ Import = $import; FirstCall = $firstCall } | ConvertTo-Json -Compress
    return
}

function Get-Percentile([double[]] $Values, [double] $Fraction) {
    # Nearest rank: the smallest value with at least Fraction of the values at or below it.
    $sorted = $Values | Sort-Object
    $sorted[[math]::Max(0, [math]::Ceiling($Fraction * $sorted.Count) - 1)]
}

function Invoke-Run([string] $Path, [string] $Endpoint) {
    # dotnet pwsh: the local PowerShell tool, found from the repository's tool manifest.
    Push-Location $repository
    try {
        $output = & dotnet pwsh -NoProfile -NonInteractive -File $PSCommandPath -ChildModulePath $Path -ChildEndpoint $Endpoint
        if ($LASTEXITCODE -ne 0) { throw "The run for $Path failed: $output" }
    }
    finally {
        Pop-Location
    }
    $output | Select-Object -Last 1 | ConvertFrom-Json
}

# Every folder is measured from a copy in the temp folder, so that none is favoured by where it lies (a copy
# in the temp folder imported 5 ms faster than the same files under the repository's out/ here).
# 'name=flat:path' measures a copy without isolation: bin/net8.0/lib moved up beside the cmdlet assembly, so
# the same build can be compared with and without it. (The initializer still creates the context, with
# nothing in it: PowerShell's own probing finds SpApi.Core beside the cmdlet assembly first.)
function New-TempCopy([string] $Path, [switch] $Flat) {
    $copy = Join-Path ([System.IO.Path]::GetTempPath()) "spapi-measure-$([guid]::NewGuid().ToString('n'))"
    Copy-Item -Recurse -Path $Path -Destination $copy
    if ($Flat) {
        Get-ChildItem -Path (Join-Path $copy 'bin/net8.0/lib') | Move-Item -Destination (Join-Path $copy 'bin/net8.0')
        Remove-Item -Path (Join-Path $copy 'bin/net8.0/lib')
    }
    $copy
}

$folders = foreach ($entry in ($Module -split ',')) {
    $name, $path = $entry -split '=', 2
    $flat = $path -like 'flat:*'
    $source = (Resolve-Path ($flat ? $path.Substring(5) : $path)).Path
    if (-not (Test-Path (Join-Path $source 'SpApi.psd1'))) { throw "$source holds no SpApi.psd1." }
    $full = New-TempCopy $source -Flat:$flat
    [pscustomobject]@{ Name = $name; Path = $full; Samples = [System.Collections.Generic.List[object]]::new() }
}

$sandboxDll = Join-Path $repository 'tests/SpApi.Sandbox/bin/Release/net10.0/SpApi.Sandbox.dll'
if (-not (Test-Path $sandboxDll)) { throw "The sandbox is not built: $sandboxDll is missing (dotnet build SpApi.slnx -c Release)." }
$start = [System.Diagnostics.ProcessStartInfo]::new('dotnet', "`"$sandboxDll`" --url http://127.0.0.1:0")
$start.RedirectStandardOutput = $true
$start.UseShellExecute = $false
$sandbox = [System.Diagnostics.Process]::Start($start)
try {
    $first = $sandbox.StandardOutput.ReadLine()
    if ($first -notmatch 'listening on (?<url>\S+)') { throw "The sandbox did not start: $first" }
    $endpoint = $Matches.url

    # One warm-up run per folder, not counted: the first start of dotnet pwsh fills the OS file cache.
    foreach ($folder in $folders) { $null = Invoke-Run $folder.Path $endpoint }

    for ($round = 0; $round -lt $Runs; $round++) {
        $order = if ($round % 2 -eq 0) { $folders } else { $folders[($folders.Count - 1)..0] }
        foreach ($folder in $order) {
            $folder.Samples.Add((Invoke-Run $folder.Path $endpoint))
            # getInvoicesAttributes allows one call a second per account: keep the sandbox from answering 429.
            Start-Sleep -Milliseconds 1100
        }
        Write-Progress -Activity 'Measuring module load' -Status "round $($round + 1) of $Runs" -PercentComplete (100 * ($round + 1) / $Runs)
    }
}
finally {
    $sandbox.Kill()
    $sandbox.Dispose()
    foreach ($folder in $folders) { Remove-Item -Recurse -Force -LiteralPath $folder.Path -ErrorAction Ignore }
}

foreach ($folder in $folders) {
    $import = [double[]] @($folder.Samples.Import)
    $call = [double[]] @($folder.Samples.FirstCall)
    [pscustomobject]@{
        Module            = $folder.Name
        Runs              = $folder.Samples.Count
        ImportMedianMs    = [math]::Round((Get-Percentile $import 0.5), 1)
        ImportP90Ms       = [math]::Round((Get-Percentile $import 0.9), 1)
        FirstCallMedianMs = [math]::Round((Get-Percentile $call 0.5), 1)
        FirstCallP90Ms    = [math]::Round((Get-Percentile $call 0.9), 1)
    }
}
