<#
.SYNOPSIS
    Runs the Pester suite (tests/Pester) against one copy of the module: the one configuration that
    build.ps1 and the public workflow both use, in Windows PowerShell 5.1 and PowerShell 7.4+.
.DESCRIPTION
    Restores the Pester version that tests/PesterPackages pins (dotnet restore, from NuGet), imports it
    by path, runs the suite with the module at -ModuleManifest and the sandbox built in -Configuration,
    and outputs one object with the counts. The sandbox and the client pace at 60 times Amazon's rates
    (SPAPI_RATE_SCALE), so Tax Invoices' one-document-a-minute limit becomes one a second.
.EXAMPLE
    ./tests/Pester/Invoke-SpApiPester.ps1 -ModuleManifest ./out/SpApi/SpApi.psd1
.EXAMPLE
    ./tests/Pester/Invoke-SpApiPester.ps1 -ModuleManifest ./out/SpApi/SpApi.psd1 -Path ./tests/Pester/Connection.Tests.ps1
#>
[CmdletBinding()]
param(
    # The manifest of the module under test: the staged out/SpApi or an expanded package.
    [Parameter(Mandatory)] [string] $ModuleManifest,

    # The build of tests/SpApi.Sandbox to start.
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',

    # A name for this run in the summary line, such as "staged module" or "package".
    [string] $Label = 'Pester',

    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')] [string] $Verbosity = 'Detailed',

    # Test files to run instead of the whole suite, for a quick run while working on one area.
    [string[]] $Path = @($PSScriptRoot)
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$packages = Join-Path $PSScriptRoot '../PesterPackages'
& dotnet restore $packages --nologo --verbosity quiet
if ($LASTEXITCODE -ne 0) { throw "Restoring the Pester packages ($packages) failed with exit code $LASTEXITCODE." }
[xml] $project = Get-Content -Raw -Path (Join-Path $packages 'PesterPackages.csproj')
$pesterVersion = ($project.Project.ItemGroup.PackageDownload | Where-Object Include -EQ 'Pester').Version.Trim('[]')
Import-Module (Join-Path $packages "packages/pester/$pesterVersion/tools/Pester.psd1") -Force

$pester = New-PesterConfiguration
# pwsh -File passes "a,b" as one string, so commas separate paths too.
$pester.Run.Path = @($Path -split "," | ForEach-Object { (Resolve-Path -Path $_).ProviderPath })
$pester.Run.PassThru = $true
$pester.Output.Verbosity = $Verbosity

$saved = $env:SPAPI_TEST_MODULE, $env:SPAPI_TEST_CONFIGURATION, $env:SPAPI_RATE_SCALE, $env:SPAPI_RATE_LIMIT_PATH
$env:SPAPI_TEST_MODULE = (Resolve-Path -LiteralPath $ModuleManifest).ProviderPath
$env:SPAPI_TEST_CONFIGURATION = $Configuration
$env:SPAPI_RATE_SCALE = '60'
# The shared bucket files of this run's sandboxes (one per port) go to a folder of the run's own, not the user's.
$env:SPAPI_RATE_LIMIT_PATH = Join-Path ([System.IO.Path]::GetTempPath()) "spapi-pester-buckets-$PID"
try {
    $result = Invoke-Pester -Configuration $pester
}
finally {
    Remove-Item -LiteralPath $env:SPAPI_RATE_LIMIT_PATH -Recurse -Force -ErrorAction Ignore
    # Put back, so a module imported later in this session paces at Amazon's rates.
    $env:SPAPI_TEST_MODULE, $env:SPAPI_TEST_CONFIGURATION, $env:SPAPI_RATE_SCALE, $env:SPAPI_RATE_LIMIT_PATH = $saved
}

# A file that fails to run (a syntax error) and a block that fails outside its tests (AfterAll) count as
# failures too. A failing BeforeAll already fails each test of its block, so that block is not counted twice.
$failedBlocks = @($result.FailedBlocks | Where-Object { -not @($_.Tests | Where-Object Result -EQ 'Failed') }).Count
$failed = $result.FailedCount + $result.FailedContainersCount + $failedBlocks
Write-Host "$Label`: $($result.PassedCount) passed, $failed failed, $($result.SkippedCount) skipped"
$failedTests = @($result.Failed | ForEach-Object ExpandedPath) + @($result.FailedContainers | ForEach-Object { "$($_.Item)" })
[pscustomobject]@{ Label = $Label; Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount; FailedTests = $failedTests }
