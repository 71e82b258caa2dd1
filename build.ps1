#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, stages, tests and serves the SpApi module.
.DESCRIPTION
    Build    publishes SpApi.PowerShell for net8.0 (PowerShell 7.4+) and net472 (Windows PowerShell 5.1)
             and stages out/SpApi with an explicit allow-list of assemblies; a missing one fails the build.
    Test     runs Package, the xUnit suite (dotnet test) and the Pester suite (tests/Pester) against out/SpApi.
    Package  runs Build and writes out/SpApi.<version>.nupkg for Publish-PSResource -NupkgPath or a NuGet feed.
    Sandbox  starts the local SP-API sandbox server and prints its address and test credentials.
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Sandbox')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Skip dotnet test (CI runs it first, then calls this for Pester).
    [switch] $SkipUnitTests,

    # -Task Sandbox passes these to the sandbox: ./build.ps1 -Task Sandbox --rate-scale 60 --url http://127.0.0.1:5056.
    # The explicit Position stops PowerShell numbering the others, which bound '--rate-scale' to -Configuration.
    [Parameter(Position = 0, ValueFromRemainingArguments)]
    [string[]] $SandboxArgument = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$staged = Join-Path $root 'out/SpApi'

# Assemblies each build ships. Anything else in the publish folder stays out; anything missing is an error.
# net8.0 ships nothing that the .NET 8 shared framework provides (System.Text.Json and its kin are there).
$allowList = @{
    'net8.0' = @(
        'SpApi.PowerShell.dll', 'SpApi.Core.dll', 'RestSharp.dll', 'Polly.Core.dll', 'System.Threading.RateLimiting.dll'
    )
    'net472' = @(
        'SpApi.PowerShell.dll', 'SpApi.Core.dll', 'RestSharp.dll', 'Polly.Core.dll', 'System.Threading.RateLimiting.dll',
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
    if (Test-Path $staged) { Remove-Item -Recurse -Force $staged }
    New-Item -ItemType Directory -Path $staged | Out-Null

    foreach ($framework in $allowList.Keys) {
        $publish = Join-Path $root "out/publish/$framework"
        # A clean folder, so a DLL the build no longer makes cannot pass the allow-list check.
        if (Test-Path $publish) { Remove-Item -Recurse -Force $publish }
        Invoke-Native dotnet @('publish', (Join-Path $root 'src/SpApi.PowerShell'), '-c', $Configuration, '-f', $framework, '-o', $publish, '--nologo')
        $bin = New-Item -ItemType Directory -Path (Join-Path $staged "bin/$framework")
        foreach ($dll in $allowList[$framework]) {
            $source = Join-Path $publish $dll
            if (-not (Test-Path $source)) { throw "The $framework build lacks $dll, which the module ships." }
            Copy-Item -Path $source -Destination $bin
        }
        if (Test-Path (Join-Path $publish 'System.Management.Automation.dll')) { throw 'The build copies System.Management.Automation.dll; the reference must stay PrivateAssets=all.' }
    }

    Copy-Item -Path (Join-Path $root 'module/*') -Destination $staged -Recurse
    $manifest = Get-Content -Raw -Path (Join-Path $root 'SpApi.psd1')
    $manifest = $manifest -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion        = '$version'"
    Set-Content -Path (Join-Path $staged 'SpApi.psd1') -Value $manifest -NoNewline
    Test-ModuleManifest -Path (Join-Path $staged 'SpApi.psd1') | Out-Null

    # MAML help from its sources, in a child process so the build session never loads the module.
    $pwsh = (Get-Process -Id $PID).Path
    Invoke-Native $pwsh @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'build/New-SpApiHelp.ps1'),
        '-ModuleManifest', (Join-Path $staged 'SpApi.psd1'),
        '-XmlDocumentation', (Join-Path $root 'out/publish/net8.0/SpApi.PowerShell.xml'),
        '-HelpSource', (Join-Path $root 'docs/help'),
        '-Destination', (Join-Path $staged 'en-US/SpApi.PowerShell.dll-Help.xml'))
    Write-Host "Staged SpApi $version in $staged. Import it with:"
    Write-Host "    Import-Module $(Join-Path $staged 'SpApi.psd1')"
}

function Invoke-Test {
    Invoke-Package
    if (-not $SkipUnitTests) {
        Invoke-Native dotnet @('test', (Join-Path $root 'SpApi.slnx'), '-c', $Configuration, '--nologo')
    }

    $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -GE '5.0.0' | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed (Install-Module Pester -MinimumVersion 5.0): the Pester suite was not run.'
        return
    }

    Import-Module $pester -Force
    Invoke-Native dotnet @('build', (Join-Path $root 'tests/SpApi.Sandbox'), '-c', $Configuration, '--nologo')
    $pesterConfiguration = New-PesterConfiguration
    $pesterConfiguration.Run.Path = Join-Path $root 'tests/Pester'
    $pesterConfiguration.Run.Throw = $true
    $pesterConfiguration.Output.Verbosity = 'Detailed'
    # Sandbox and client at 60x: Tax Invoices' one-document-a-minute limit becomes one a second. Both
    # variables are put back afterwards, so a module imported later in this session paces at Amazon's rates.
    $saved = $env:SPAPI_TEST_CONFIGURATION, $env:SPAPI_RATE_SCALE
    $env:SPAPI_TEST_CONFIGURATION = $Configuration
    $env:SPAPI_RATE_SCALE = '60'
    try {
        Invoke-Pester -Configuration $pesterConfiguration
    }
    finally {
        $env:SPAPI_TEST_CONFIGURATION, $env:SPAPI_RATE_SCALE = $saved
    }
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
    $contentTypes = '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />' +
        '<Default Extension="nuspec" ContentType="application/octet" />' +
        ((@('psd1', 'psm1', 'ps1xml', 'dll', 'xml', 'txt') | ForEach-Object { "<Default Extension=`"$_`" ContentType=`"application/octet`" />" }) -join '') +
        '</Types>'
    $rels = '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/SpApi.nuspec" Id="R0" /></Relationships>'

    $package = Join-Path $root "out/SpApi.$($manifest.ModuleVersion).nupkg"
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
