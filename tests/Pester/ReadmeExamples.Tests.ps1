# Every ```powershell block of README.md runs, as a user would paste it, against a sandbox of its own, in a
# new process whose working folder holds docs/examples, and must raise no error. Blocks are read from the
# README at discovery, so a new example is tested without a change here. A block that cannot run here says
# so in the README itself, on the line above its fence: <!-- README test: skip, <reason> -->.

BeforeDiscovery {
    $readme = Get-Content -Raw -Path (Join-Path $PSScriptRoot '../../README.md')
    $headings = [regex]::Matches($readme, '(?m)^#{2,3} (?<title>.+?)\r?$')
    $blocks = foreach ($block in [regex]::Matches($readme, '(?ms)^(?:<!-- README test: skip, (?<reason>[^\r\n]*?) -->\r?\n)?```powershell\r?\n(?<code>.*?)^```')) {
        $codeAt = $block.Groups['code'].Index
        $heading = @($headings | Where-Object Index -LT $codeAt | Select-Object -Last 1)
        $line = ($readme.Substring(0, $codeAt) -split '\n').Count
        @{
            Title  = "$(if ($heading) { $heading[0].Groups['title'].Value } else { 'Introduction' }), line $line"
            Code   = $block.Groups['code'].Value
            Skip   = $block.Groups['reason'].Success
            Reason = $block.Groups['reason'].Value
        }
    }
    $runnable = @($blocks | Where-Object { -not $_.Skip })
    $skipped = @($blocks | Where-Object Skip)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    $script:examples = Join-Path $PSScriptRoot '../../docs/examples'
    $script:readmeText = Get-Content -Raw -Path (Join-Path $PSScriptRoot '../../README.md')

    function Invoke-ReadmeExample([string] $Code, [string] $Folder, $Sandbox) {
        # A new process, as a user's session: connected from the environment, with the sandbox as the endpoint
        # of any profile the example saves. Returns the errors the example raised.
        $arguments = @{
            Module        = $env:SPAPI_TEST_MODULE
            Folder        = $Folder
            Code          = $Code
            Endpoint      = "$($Sandbox.Endpoint)"
            TokenEndpoint = "$($Sandbox.TokenEndpoint)"
            ClientId      = $Sandbox.ClientId
            ClientSecret  = [System.Net.NetworkCredential]::new('', $Sandbox.ClientSecret).Password
            RefreshToken  = [System.Net.NetworkCredential]::new('', $Sandbox.RefreshToken).Password
        }
        Start-Job -ArgumentList $arguments -ScriptBlock {
            param($a)
            $env:SPAPI_ENDPOINT = $a.Endpoint
            $env:SPAPI_TOKEN_ENDPOINT = $a.TokenEndpoint
            $env:SPAPI_CLIENT_ID = $a.ClientId
            $env:SPAPI_CLIENT_SECRET = $a.ClientSecret
            $env:SPAPI_REFRESH_TOKEN = $a.RefreshToken
            $env:SPAPI_PROFILE_PATH = Join-Path $a.Folder 'profiles.json'
            $env:SPAPI_CACHE_PATH = Join-Path $a.Folder 'cache'
            # The README's ledger is on, as a user's is; the other suites turn it off (Shared.ps1).
            $env:SPAPI_LEDGER = $null
            $env:SPAPI_LEDGER_PATH = Join-Path $a.Folder 'ledger'
            Set-Location -LiteralPath $a.Folder
            Import-Module $a.Module -ErrorAction Stop
            Connect-SpApi -ErrorAction Stop | Out-Null

            # The user at the keyboard: the prompts of an example answer with the sandbox's credentials.
            function Get-Credential { [pscredential]::new($a.ClientId, (ConvertTo-SecureString $a.ClientSecret -AsPlainText -Force)) }
            function Read-Host { param([Parameter(Position = 0)] $Prompt, [switch] $AsSecureString) ConvertTo-SecureString $a.RefreshToken -AsPlainText -Force }

            $Error.Clear()
            try {
                . ([scriptblock]::Create($a.Code)) | Out-Null
            }
            catch {
                # A terminating error is in $Error as well.
            }
            @($Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
        } | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
    }
}

Describe 'README examples' {
    It 'has examples to run, and skips only a few, each with its reason' -ForEach @(@{ RunnableCount = $runnable.Count; Reasons = @($skipped | ForEach-Object Reason) }) {
        $RunnableCount | Should -BeGreaterThan 3
        $Reasons.Count | Should -BeLessOrEqual 5 -Because 'an example that is not run can drift'
        foreach ($reason in $Reasons) { $reason | Should -Not -BeNullOrEmpty }
    }

    It 'names only example files that docs/examples has' {
        $named = @([regex]::Matches($readmeText, 'docs/examples/(?<file>[\w.-]+)') | ForEach-Object { $_.Groups['file'].Value } | Sort-Object -Unique)
        $named | Should -Not -BeNullOrEmpty
        foreach ($file in $named) { Test-Path (Join-Path $examples $file) | Should -BeTrue -Because "README.md uses docs/examples/$file" }
    }

    It 'runs <Title> without an error' -ForEach $runnable {
        $sandbox = Start-SpApiSandbox
        try {
            $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            New-Item -ItemType Directory -Path (Join-Path $folder 'docs') | Out-Null
            Copy-Item -Recurse -Path $examples -Destination (Join-Path $folder 'docs/examples')

            $errors = Invoke-ReadmeExample -Code $Code -Folder $folder -Sandbox $sandbox

            $errors | Should -BeNullOrEmpty -Because "the README example must run as written:`n$Code"
        }
        finally {
            Stop-SpApiSandbox $sandbox
        }
    }

    foreach ($block in $skipped) {
        It "skips $($block.Title): $($block.Reason)" -Skip { }
    }
}
