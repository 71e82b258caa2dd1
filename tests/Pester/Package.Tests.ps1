Describe 'The package' {
    BeforeAll {
        $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../out/SpApi/SpApi.psd1')
        $script:package = Join-Path $PSScriptRoot "../../out/SpApi.$($manifest.ModuleVersion).nupkg"
        $script:manifest = $manifest
    }

    It 'carries the manifest, both builds, the help and the nuspec' {
        Test-Path $package | Should -BeTrue
        $folder = Join-Path $TestDrive 'expanded'
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        [System.IO.Compression.ZipFile]::ExtractToDirectory((Resolve-Path $package).Path, $folder)
        foreach ($file in 'SpApi.psd1', 'SpApi.psm1', 'SpApi.Format.ps1xml', 'SpApi.Types.ps1xml', 'bin/net8.0/SpApi.PowerShell.dll', 'bin/net472/SpApi.PowerShell.dll', 'en-US/SpApi.PowerShell.dll-Help.xml', 'en-US/about_SpApi.help.txt') {
            Test-Path (Join-Path $folder $file) | Should -BeTrue -Because "$file belongs in the package"
        }
        Get-ChildItem $folder -Recurse -Filter System.Management.Automation.dll | Should -BeNullOrEmpty
        [xml] $nuspec = Get-Content -Raw (Join-Path $folder 'SpApi.nuspec')
        $nuspec.package.metadata.id | Should -Be 'SpApi'
        $nuspec.package.metadata.version | Should -Be $manifest.ModuleVersion
        $nuspec.package.metadata.tags -split ' ' | Should -Contain 'PSCmdlet_Get-SpCustomerInvoice'
        [xml] $types = Get-Content -Raw -LiteralPath (Join-Path $folder '[Content_Types].xml')
        @($types.Types.Default.Extension) | Should -Contain 'dll'
    }

    It 'imports from the expanded package in a fresh session' {
        $folder = Join-Path $TestDrive 'fresh'
        [System.IO.Compression.ZipFile]::ExtractToDirectory((Resolve-Path $package).Path, $folder)
        $shell = (Get-Process -Id $PID).Path
        $names = & $shell -NoProfile -NonInteractive -Command "Import-Module '$folder/SpApi.psd1' -ErrorAction Stop; (Get-Command -Module SpApi).Name -join ','"
        ($names -split ',' | Sort-Object) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}
