# Which PowerShell the module runs in: Windows PowerShell 5.1 and PowerShell 7.4+, and nothing between.
# The manifest can only say "5.1 or later" (PowerShellVersion has no upper gap), so SpApi.psm1 refuses 7.0 to 7.3
# itself; the public workflow imports the module in a real 7.3 (.github/workflows/ci.yml) as well.
Describe 'Supported PowerShell versions' {
    BeforeAll {
        $script:moduleBase = Split-Path -Parent $env:SPAPI_TEST_MODULE
        $script:manifest = Import-PowerShellDataFile -Path $env:SPAPI_TEST_MODULE
        $script:loader = Get-Content -Raw -Path (Join-Path $moduleBase 'SpApi.psm1')
    }

    It 'refuses PowerShell <Version> with a message naming 7.4 and 5.1' -Skip:($PSEdition -ne 'Core') -ForEach @(
        @{ Version = '7.0.13' }, @{ Version = '7.2.24' }, @{ Version = '7.3.12' }
    ) {
        # $PSVersionTable is a constant, so the loader runs with the version it reads put in by text: the rest of
        # the script, the gate and its message, is the shipped one.
        $gate = $loader.Replace('$PSVersionTable.PSVersion', "([version] '$Version')")
        $gate | Should -Not -Be $loader
        { & ([scriptblock]::Create($gate)) } | Should -Throw "*needs PowerShell 7.4 or later, or Windows PowerShell 5.1; this is PowerShell $Version*"
    }

    It 'declares what it runs on in the manifest, and the README says the same' {
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $readme = Get-Content -Raw -Path (Join-Path $PSScriptRoot '../../README.md')
        $readme | Should -Match 'PowerShell 7\.4\+ and Windows PowerShell 5\.1'
        $readme | Should -Match 'PowerShell 7\.0 to 7\.3'
    }
}
