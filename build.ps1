#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, stages, tests and serves the SpApi module.
.DESCRIPTION
    Build    publishes SpApi.PowerShell for net8.0 (PowerShell 7.4+) and net472 (Windows PowerShell 5.1)
             and stages out/SpApi with an explicit allow-list of assemblies; a missing one fails the build.
    Test     runs Package, the xUnit suite (dotnet test) and the Pester suite (tests/Pester) against the
             staged out/SpApi and against the package, then prints each suite's counts and one closing line.
    Package  runs Build and writes out/SpApi.<version>.nupkg for Publish-PSResource -NupkgPath or a NuGet feed.
    Sandbox  starts the local SP-API sandbox server and prints its address and test credentials.
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding(PositionalBinding = $false)]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Package', 'Sandbox')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Skip dotnet test: only the Pester suite, against the staged module and the package.
    [switch] $SkipUnitTests,

    # -Task Sandbox passes these to the sandbox: ./build.ps1 -Task Sandbox --rate-scale 60 --url http://127.0.0.1:5056.
    [Parameter(ValueFromRemainingArguments)]
    [string[]] $SandboxArgument = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$staged = Join-Path $root 'out/SpApi'

# Assemblies each build ships, by their path under bin/<framework>. Anything else in the publish folder stays
# out; anything missing is an error. net8.0 ships nothing that the .NET 8 shared framework provides
# (System.Text.Json and its kin are there), and only the cmdlet assembly sits in bin/net8.0: what is under
# lib/ loads in the module's own AssemblyLoadContext (docs/loading.md).
$allowList = @{
    'net8.0' = @(
        'SpApi.PowerShell.dll', 'lib/SpApi.Core.dll', 'lib/RestSharp.dll', 'lib/Polly.Core.dll'
    )
    'net472' = @(
        'SpApi.PowerShell.dll', 'SpApi.Core.dll', 'RestSharp.dll', 'Polly.Core.dll',
        'System.Text.Json.dll', 'System.Text.Encodings.Web.dll', 'System.IO.Pipelines.dll', 'System.Memory.dll',
        'System.Buffers.dll', 'System.Numerics.Vectors.dll', 'System.Runtime.CompilerServices.Unsafe.dll',
        'System.Threading.Tasks.Extensions.dll', 'Microsoft.Bcl.AsyncInterfaces.dll', 'Microsoft.Bcl.TimeProvider.dll',
        'System.ComponentModel.Annotations.dll'
    )
}

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-ModuleVersion {
    [xml] $props = Get-Content -Raw -Path (Join-Path $root 'Directory.Build.props')
    $props.Project.PropertyGroup.VersionPrefix | Where-Object { $_ } | Select-Object -First 1
}

function Invoke-Build {
    $version = Get-ModuleVersion
    # Staged in a folder of its own and moved into place at the end: a failed step leaves no
    # out/SpApi at all, never a half-staged one that imports and lacks its help.
    if (Test-Path $staged) { Remove-Item -Recurse -Force $staged }
    $staging = Join-Path $root 'out/SpApi.staging'
    if (Test-Path $staging) { Remove-Item -Recurse -Force $staging }
    New-Item -ItemType Directory -Path $staging | Out-Null
    try {
        foreach ($framework in $allowList.Keys) {
            $publish = Join-Path $root "out/publish/$framework"
            # A clean folder, so a DLL the build no longer makes cannot pass the allow-list check.
            if (Test-Path $publish) { Remove-Item -Recurse -Force $publish }
            Invoke-Native dotnet @('publish', (Join-Path $root 'src/SpApi.PowerShell'), '-c', $Configuration, '-f', $framework, '-o', $publish, '--nologo')
            foreach ($dll in $allowList[$framework]) {
                $source = Join-Path $publish (Split-Path -Leaf $dll)
                if (-not (Test-Path $source)) { throw "The $framework build lacks $dll, which the module ships." }
                $destination = Join-Path $staging "bin/$framework/$dll"
                New-Item -ItemType Directory -Force -Path (Split-Path -Parent $destination) | Out-Null
                Copy-Item -Path $source -Destination $destination
            }
            if (Test-Path (Join-Path $publish 'System.Management.Automation.dll')) { throw 'The build copies System.Management.Automation.dll; the reference must stay PrivateAssets=all.' }
        }

        Copy-Item -Path (Join-Path $root 'module/*') -Destination $staging -Recurse
        Copy-Item -Path (Join-Path $root 'LICENSE'), (Join-Path $root 'CHANGELOG.md') -Destination $staging
        Copy-Item -Path (Join-Path $root 'docs/examples') -Destination $staging -Recurse
        New-AboutTopic -Name about_SpApi_VendorInvoices -Source (Join-Path $root 'docs/vendor-invoices.md') -Destination (Join-Path $staging 'en-US')
        $manifestPath = Join-Path $staging 'SpApi.psd1'
        $manifest = (Get-Content -Raw -Path $manifestPath) -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion        = '$version'"
        Set-Content -Path $manifestPath -Value $manifest -NoNewline
        Test-ModuleManifest -Path $manifestPath | Out-Null

        # MAML help from its sources. It imports the module, so it runs in a new process: the build
        # session never loads the module's assemblies.
        $help = @{
            ModuleManifest   = $manifestPath
            XmlDocumentation = Join-Path $root 'out/publish/net8.0/SpApi.PowerShell.xml'
            HelpSource       = Join-Path $root 'docs/help'
            Destination      = Join-Path $staging 'en-US/SpApi.PowerShell.dll-Help.xml'
        }
        Invoke-InNewProcess -Script (Join-Path $root 'build/New-SpApiHelp.ps1') -Arguments $help -ErrorAction Stop
        if (-not (Test-Path $help.Destination)) { throw "The help step wrote no $($help.Destination)." }

        Move-Item -Path $staging -Destination $staged
    }
    catch {
        Remove-Item -Recurse -Force -ErrorAction Ignore $staging
        throw
    }
    Write-Host "Staged SpApi $version in $staged. Import it with:"
    Write-Host "    Import-Module $(Join-Path $staged 'SpApi.psd1')"
}

function Invoke-InNewProcess {
    # Runs a script in a job: a new process of the running PowerShell, however it was installed (a .NET
    # tool runs as dotnet, so the process path is no way to start it). Its output streams back as it comes.
    # A job still running after -TimeoutMinutes is stopped and reported: a test process that hangs (a
    # deadlock, a crash that leaves the job's pipe open) ends the run with a clear error instead of never.
    [CmdletBinding()]
    param([string] $Script, [hashtable] $Arguments, [double] $TimeoutMinutes = 10)
    $job = Start-Job -ScriptBlock { param($script, $arguments) & $script @arguments } -ArgumentList $Script, $Arguments
    try {
        $deadline = [datetime]::UtcNow.AddMinutes($TimeoutMinutes)
        while ($job.State -in 'NotStarted', 'Running' -and [datetime]::UtcNow -lt $deadline) {
            $job | Receive-Job
            $null = $job | Wait-Job -Timeout 2
        }
        $job | Receive-Job
        if ($job.State -in 'NotStarted', 'Running') {
            throw "$(Split-Path -Leaf $Script) did not finish within $TimeoutMinutes minutes, so it was stopped."
        }
    }
    finally {
        $job | Remove-Job -Force
    }
}

function New-AboutTopic {
    # An about_ topic from a Markdown page, so help that names the page's content works where the module is installed.
    param([string] $Name, [string] $Source, [string] $Destination)
    $text = "TOPIC`n    $Name`n`n" + ((Get-Content -Raw -Path $Source) -replace '\r\n', "`n")
    Set-Content -Path (Join-Path $Destination "$Name.help.txt") -Value $text -NoNewline
}

function Invoke-Test {
    Invoke-Package
    $runs = [System.Collections.Generic.List[object]]::new()
    if (-not $SkipUnitTests) {
        $runs.Add((Invoke-UnitTest))
    }

    Invoke-Native dotnet @('build', (Join-Path $root 'tests/SpApi.Sandbox'), '-c', $Configuration, '--nologo')
    # The suite runs twice: against the staged module and against the package as a user installs it.
    $expanded = Join-Path $root 'out/package-test/SpApi'
    if (Test-Path $expanded) { Remove-Item -Recurse -Force $expanded }
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    [System.IO.Compression.ZipFile]::ExtractToDirectory((Get-PackagePath), $expanded)
    foreach ($target in @{ Label = 'Pester (staged module)'; Manifest = Join-Path $staged 'SpApi.psd1' }, @{ Label = 'Pester (package)'; Manifest = Join-Path $expanded 'SpApi.psd1' }) {
        $runs.Add((Invoke-PesterSuite @target))
    }

    Write-Host ''
    foreach ($run in $runs) {
        Write-Host "$($run.Label): $($run.Passed) passed, $($run.Failed) failed, $($run.Skipped) skipped"
        # The names again here, since a CI log may keep only its tail.
        foreach ($name in $run.FailedTests) { Write-Host "  failed: $name" }
    }
    $passed = ($runs | Measure-Object -Property Passed -Sum).Sum
    $failed = ($runs | Measure-Object -Property Failed -Sum).Sum
    # The closing line CI reads: every suite together.
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) { throw "$failed test(s) failed." }
}

function Invoke-UnitTest {
    # The xUnit projects of SpApi.slnx; their counts come from the TRX files, one per project.
    $results = Join-Path $root 'out/test-results'
    if (Test-Path $results) { Remove-Item -Recurse -Force $results }
    & dotnet test (Join-Path $root 'SpApi.slnx') -c $Configuration --nologo --blame-hang-timeout 120s --logger trx --results-directory $results | Out-Host
    $exitCode = $LASTEXITCODE
    $passed = 0; $failed = 0; $skipped = 0; $names = @()
    foreach ($trx in Get-ChildItem -Path $results -Filter *.trx -ErrorAction Ignore) {
        [xml] $report = Get-Content -Raw -Path $trx.FullName
        $counters = $report.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $skipped += [int] $counters.notExecuted
        $names += @($report.TestRun.Results.UnitTestResult | Where-Object outcome -NotIn 'Passed', 'NotExecuted' | ForEach-Object testName)
    }
    # A build error or a crashed test host fails the run even when no TRX counted a failure.
    if ($exitCode -ne 0 -and $failed -eq 0) { $failed = 1 }
    [pscustomobject]@{ Label = 'xUnit'; Passed = $passed; Failed = $failed; Skipped = $skipped; FailedTests = $names }
}

function Invoke-PesterSuite {
    param([string] $Label, [string] $Manifest)
    # Each copy of the module loads in a process of its own, never in the build session.
    $arguments = @{ ModuleManifest = $Manifest; Configuration = $Configuration; Label = $Label }
    try {
        # The whole suite in one process; 30 minutes leaves slow legs (Windows PowerShell 5.1, macOS) room, and a hang still ends.
        $output = Invoke-InNewProcess -Script (Join-Path $root 'tests/Pester/Invoke-SpApiPester.ps1') -Arguments $arguments -TimeoutMinutes 30 -ErrorAction Continue
    }
    catch {
        # A run that hung is one failure in the summary, and the next suite still runs.
        Write-Host "$Label`: $($_.Exception.Message)"
        $output = @()
    }
    $counts = @($output | Where-Object { $_.PSObject.Properties['Failed'] }) | Select-Object -Last 1
    if (-not $counts) { return [pscustomobject]@{ Label = $Label; Passed = 0; Failed = 1; Skipped = 0; FailedTests = @('the suite did not report') } }
    [pscustomobject]@{ Label = $Label; Passed = [int] $counts.Passed; Failed = [int] $counts.Failed; Skipped = [int] $counts.Skipped; FailedTests = @($counts.FailedTests) }
}

function Get-PackagePath {
    $manifest = Import-PowerShellDataFile -Path (Join-Path $staged 'SpApi.psd1')
    Join-Path $root "out/SpApi.$($manifest.ModuleVersion).nupkg"
}

function Invoke-Package {
    Invoke-Build
    $manifest = Import-PowerShellDataFile -Path (Join-Path $staged 'SpApi.psd1')
    $data = $manifest.PrivateData.PSData
    # The tags PowerShellGet writes, so the Gallery lists the commands.
    $tags = @('PSModule', 'PSIncludes_Cmdlet') + $data.Tags +
        ($manifest.CmdletsToExport | ForEach-Object { "PSCmdlet_$_"; "PSCommand_$_" })
    $escape = [System.Security.SecurityElement]
    $nuspec = @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
    <id>SpApi</id>
    <version>$($manifest.ModuleVersion)</version>
    <authors>$($escape::Escape($manifest.Author))</authors>
    <owners>$($escape::Escape($manifest.CompanyName))</owners>
    <requireLicenseAcceptance>false</requireLicenseAcceptance>
    <description>$($escape::Escape($manifest.Description))</description>
    <releaseNotes>$($escape::Escape($data.ReleaseNotes))</releaseNotes>
    <copyright>$($escape::Escape($manifest.Copyright))</copyright>
    <tags>$($tags -join ' ')</tags>
    <projectUrl>$($data.ProjectUri)</projectUrl>
    <licenseUrl>$($data.LicenseUri)</licenseUrl>
  </metadata>
</package>
"@
    # Every extension the package holds, so that each example (docs/examples: .csv, .json, ...) has its content type.
    $extensions = @('psd1', 'psm1', 'ps1xml', 'dll', 'xml', 'txt', 'md', 'csv') +
        @(Get-ChildItem -Path $staged -Recurse -File | Where-Object Extension | ForEach-Object { $_.Extension.TrimStart('.').ToLowerInvariant() }) |
        Sort-Object -Unique
    $contentTypes = '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />' +
        '<Default Extension="nuspec" ContentType="application/octet" />' +
        (($extensions | ForEach-Object { "<Default Extension=`"$_`" ContentType=`"application/octet`" />" }) -join '') +
        '<Override PartName="/LICENSE" ContentType="application/octet" />' +
        '</Types>'
    $rels = '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/SpApi.nuspec" Id="R0" /></Relationships>'

    $package = Get-PackagePath
    $temporary = "$package.tmp"
    Remove-Item -Force -ErrorAction Ignore $package, $temporary
    Add-Type -AssemblyName System.IO.Compression
    $zip = [System.IO.Compression.ZipFile]::Open($temporary, 'Create')
    try {
        foreach ($entry in @{ 'SpApi.nuspec' = $nuspec; '[Content_Types].xml' = $contentTypes; '_rels/.rels' = $rels }.GetEnumerator()) {
            $writer = [System.IO.StreamWriter]::new($zip.CreateEntry($entry.Key).Open(), [System.Text.UTF8Encoding]::new($false))
            $writer.Write($entry.Value)
            $writer.Dispose()
        }
        foreach ($file in Get-ChildItem -Path $staged -Recurse -File) {
            $name = [System.IO.Path]::GetRelativePath($staged, $file.FullName).Replace('\', '/')
            [System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($zip, $file.FullName, $name) | Out-Null
        }
    }
    finally {
        $zip.Dispose()
    }
    Move-Item -Path $temporary -Destination $package
    Write-Host "Packaged $package. Publish it with: Publish-PSResource -NupkgPath $package -Repository PSGallery -ApiKey <key>"
}

function Invoke-Sandbox {
    # After '--', dotnet run hands the arguments to the program instead of reading them itself.
    & dotnet (@('run', '--project', (Join-Path $root 'tests/SpApi.Sandbox'), '-c', $Configuration, '--') + $SandboxArgument)
    # The sandbox says on stderr why it stopped (a port in use, say): pass its exit code on without an error of our own on top.
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Sandbox' { Invoke-Sandbox }
}
