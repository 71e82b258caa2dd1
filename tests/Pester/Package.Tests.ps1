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
        foreach ($file in 'SpApi.psd1', 'SpApi.psm1', 'SpApi.Format.ps1xml', 'SpApi.Types.ps1xml', 'bin/net8.0/SpApi.PowerShell.dll', 'bin/net472/SpApi.PowerShell.dll', 'en-US/SpApi.PowerShell.dll-Help.xml', 'en-US/about_SpApi.help.txt', 'en-US/about_SpApi_VendorInvoices.help.txt', 'LICENSE', 'CHANGELOG.md', 'examples/vendor-invoices.csv') {
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

    It 'ships every example input of docs/examples, each with a content type' {
        $folder = Join-Path $TestDrive 'examples'
        [System.IO.Compression.ZipFile]::ExtractToDirectory((Resolve-Path $package).Path, $folder)
        [xml] $types = Get-Content -Raw -LiteralPath (Join-Path $folder '[Content_Types].xml')
        $source = (Resolve-Path (Join-Path $PSScriptRoot '../../docs/examples')).Path
        $examples = @(Get-ChildItem -Path $source -Recurse -File)
        $examples.Count | Should -BeGreaterThan 2
        foreach ($example in $examples) {
            $relative = $example.FullName.Substring($source.Length).TrimStart('\', '/')
            $shipped = Join-Path $folder "examples/$relative"
            Test-Path -LiteralPath $shipped | Should -BeTrue -Because "docs/examples/$relative belongs in the package"
            (Get-FileHash -LiteralPath $shipped).Hash | Should -Be (Get-FileHash -LiteralPath $example.FullName).Hash
            @($types.Types.Default.Extension) | Should -Contain $example.Extension.TrimStart('.').ToLowerInvariant()
        }
    }

    It 'imports from the expanded package in a fresh session' {
        $folder = Join-Path $TestDrive 'fresh'
        [System.IO.Compression.ZipFile]::ExtractToDirectory((Resolve-Path $package).Path, $folder)
        # A job is a new process of the running PowerShell, however it was installed.
        $names = Start-Job { Import-Module "$using:folder/SpApi.psd1" -ErrorAction Stop; (Get-Command -Module SpApi).Name } | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        ($names | Sort-Object) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'is described by the README, which names every cmdlet of the manifest in its table' {
        $readme = Get-Content -Raw -Path (Join-Path $PSScriptRoot '../../README.md')
        $table = [regex]::Matches($readme, '(?m)^\| [^|]+ \| (?<cmdlets>`[^\r\n]*)\|\s*$') | ForEach-Object { $_.Groups['cmdlets'].Value }
        $named = [regex]::Matches(($table -join ' '), '`(?<name>[A-Za-z]+-Sp[A-Za-z]+)`') | ForEach-Object { $_.Groups['name'].Value }
        ($named | Sort-Object -Unique) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'points only to files an installed module has' {
        # Help, about topics and the assemblies' messages (their user strings, UTF-16) may name a file of
        # the module, such as examples/vendor-invoices.csv, but never a repository file such as docs/*.md.
        $module = Split-Path -Parent $env:SPAPI_TEST_MODULE
        $texts = @(Get-ChildItem (Join-Path $module 'en-US') -File | ForEach-Object { Get-Content -Raw -LiteralPath $_.FullName })
        $texts += @(Get-ChildItem (Join-Path $module 'bin') -Recurse -Filter 'SpApi.*.dll' | ForEach-Object {
            [System.Text.Encoding]::Unicode.GetString([System.IO.File]::ReadAllBytes($_.FullName))
        })
        $named = foreach ($text in $texts) {
            [regex]::Matches($text, '(?<![\w/.-])(?:\./)?(?<path>(?:[\w-]+/)*[\w-]+\.(?:md|csv|json|txt))\b') | ForEach-Object { $_.Groups['path'].Value }
        }
        # A file of the module has a folder (examples/…) or is a document (CHANGELOG.md); a bare name such
        # as erp.csv in an example is the user's own file.
        $named = @($named | Where-Object { $_ -match '/|\.md$' } | Sort-Object -Unique)
        $named | Should -Contain 'examples/vendor-invoices.csv' -Because 'the help names the example file'
        $missing = @($named | Where-Object { -not (Test-Path (Join-Path $module $_)) })
        $missing | Should -BeNullOrEmpty -Because "$($missing -join ', ') are named but not shipped"
    }

    It 'has a source manifest that is valid where it lies' {
        # module/SpApi.psd1 is the one source manifest; build.ps1 stamps its version into the staged copy.
        $source = Test-ModuleManifest -Path (Join-Path $PSScriptRoot '../../module/SpApi.psd1') -ErrorAction Stop
        $source.Name | Should -Be 'SpApi'
        ($source.ExportedCmdlets.Keys | Sort-Object) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}
