# What the cmdlets say: -Debug without prompts, -Verbose with the query, Tax Invoices outside Brazil, an
# unambiguous SpApiOutcomeUnknown, and default waits that follow the sandbox's rate scale.
# Runs on Windows PowerShell 5.1 too: no ternary, no ??, ASCII only.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:sandbox = Start-SpApiSandbox
    Connect-SpApiSandbox $sandbox | Out-Null
    $script:brazil = 'A2Q3Y263D00KWC'
    $script:csv = Join-Path $PSScriptRoot '../../docs/examples/vendor-invoices.csv'

    function Get-Calls([string] $Operation) { Get-SpApiSandboxCall $sandbox $Operation }

    function Add-SandboxFault([string] $Kind, [int] $Count, [string] $Operation) {
        Invoke-RestMethod -Method Post -Uri ([uri]::new($sandbox.Endpoint, "_sandbox/faults?kind=$Kind&count=$Count&operation=$Operation")) | Out-Null
    }

    # A host with a user interface (so PowerShell would ask its questions) whose every prompt fails and is counted:
    # a command that finishes in it has asked nothing. [powershell]::Create() alone has no UI, and then nothing ever asks.
    # It also keeps the text of each progress write.
    Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

public sealed class SpApiNoPromptHost : PSHost
{
    private readonly SpApiNoPromptUI ui = new SpApiNoPromptUI();
    private readonly Guid id = Guid.NewGuid();
    public int Prompts { get { return ui.Prompts; } }
    public List<string> Progress { get { return ui.Progress; } }
    public override CultureInfo CurrentCulture { get { return CultureInfo.InvariantCulture; } }
    public override CultureInfo CurrentUICulture { get { return CultureInfo.InvariantCulture; } }
    public override Guid InstanceId { get { return id; } }
    public override string Name { get { return "SpApiNoPromptHost"; } }
    public override PSHostUserInterface UI { get { return ui; } }
    public override Version Version { get { return new Version(1, 0); } }
    public override void EnterNestedPrompt() { throw new NotSupportedException(); }
    public override void ExitNestedPrompt() { throw new NotSupportedException(); }
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }
}

public sealed class SpApiNoPromptUI : PSHostUserInterface
{
    public int Prompts;
    // A progress record is one object, updated in place: keep what each write said.
    public readonly List<string> Progress = new List<string>();
    private Exception Refuse() { Prompts++; return new HostException("This host cannot prompt."); }
    public override PSHostRawUserInterface RawUI { get { return null; } }
    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) { throw Refuse(); }
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) { throw Refuse(); }
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) { throw Refuse(); }
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) { throw Refuse(); }
    public override string ReadLine() { throw Refuse(); }
    public override SecureString ReadLineAsSecureString() { throw Refuse(); }
    public override void Write(string value) { }
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
    public override void WriteLine(string value) { }
    public override void WriteErrorLine(string value) { }
    public override void WriteDebugLine(string message) { }
    public override void WriteProgress(long sourceId, ProgressRecord record) { lock (Progress) { Progress.Add(record.StatusDescription); } }
    public override void WriteVerboseLine(string message) { }
    public override void WriteWarningLine(string message) { }
}
'@

    function Invoke-InNoPromptHost([string] $Command) {
        # Runs the command in a runspace of that host, connected to the sandbox; returns its output, streams,
        # the prompts it tried and what the invocation threw.
        $noPromptHost = New-Object SpApiNoPromptHost
        $runspace = [runspacefactory]::CreateRunspace($noPromptHost)
        $runspace.Open()
        $shell = [powershell]::Create()
        $shell.Runspace = $runspace
        $connect = "Import-Module '$env:SPAPI_TEST_MODULE'; " +
            "Connect-SpApi -ClientId $($sandbox.ClientId) -ClientSecret (ConvertTo-SecureString 'amzn1.oa2-cs.v1.sandbox-secret' -AsPlainText -Force) " +
            "-RefreshToken (ConvertTo-SecureString 'Atzr|sandbox-refresh-token' -AsPlainText -Force) -Endpoint $($sandbox.Endpoint) -TokenEndpoint $($sandbox.TokenEndpoint) | Out-Null"
        $shell.AddScript($connect).Invoke() | Out-Null
        $shell.Commands.Clear()
        $shell.Streams.ClearStreams()
        $thrown = $null
        $output = $null
        try {
            $output = $shell.AddScript($Command).Invoke()
        }
        catch {
            $thrown = $_.Exception
        }

        $result = [pscustomobject]@{
            Output  = @($output)
            Debug   = @($shell.Streams.Debug | ForEach-Object { $_.Message })
            Verbose = @($shell.Streams.Verbose | ForEach-Object { $_.Message })
            Progress = @($noPromptHost.Progress)
            Errors  = @($shell.Streams.Error)
            Prompts = $noPromptHost.Prompts
            Thrown  = $thrown
        }
        $shell.Dispose()
        $runspace.Dispose()
        $result
    }
}

AfterAll {
    Get-SpApiConnection | Disconnect-SpApi
    Stop-SpApiSandbox $script:sandbox
}

Describe '-Debug' {
    # Windows PowerShell's -Debug is Inquire for every command and script; PowerShell 7.4+ runs scripts at Continue.
    It 'shows the lines in the debug stream without asking for two purchase orders' -Skip:($PSEdition -eq 'Desktop') {
        $run = Invoke-InNoPromptHost 'Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001, PO00000002 -Debug'

        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors | Should -BeNullOrEmpty
        $run.Prompts | Should -Be 0
        $run.Output.PurchaseOrderNumber | Should -Be @('PO00000001', 'PO00000002')
        $run.Debug | Should -Contain 'getCustomerInvoice: GET /vendor/directFulfillment/shipping/2021-12-28/customerInvoices/PO00000002'
        @($run.Debug | Where-Object { $_ -like 'getCustomerInvoice: request headers: *' }).Count | Should -Be 2
        $run.Verbose | Should -BeNullOrEmpty
    }

    It 'keeps each line in its own stream with -Debug -Verbose' -Skip:($PSEdition -eq 'Desktop') {
        $run = Invoke-InNoPromptHost 'Get-SpCustomerInvoice -PurchaseOrderNumber PO00000001 -Debug -Verbose'

        $run.Thrown | Should -BeNullOrEmpty
        $run.Prompts | Should -Be 0
        $run.Verbose | Should -Contain 'getCustomerInvoice: GET /vendor/directFulfillment/shipping/2021-12-28/customerInvoices/PO00000001'
        @($run.Debug | Where-Object { $_ -like 'getCustomerInvoice: GET *' }) | Should -BeNullOrEmpty
        @($run.Debug | Where-Object { $_ -like 'getCustomerInvoice: request headers: *' }).Count | Should -Be 1
    }
}

Describe '-Verbose' {
    It 'shows the range of each page and the first characters of its nextToken' {
        $before = [DateTime]::UtcNow.Date
        $after = $before.AddDays(-6)
        $range = 'limit=5&createdAfter={0:yyyy-MM-dd}T00:00:00.000Z&createdBefore={1:yyyy-MM-dd}T00:00:00.000Z' -f $after, $before
        $path = 'getCustomerInvoices: GET /vendor/directFulfillment/shipping/2021-12-28/customerInvoices'

        $lines = @(Get-SpCustomerInvoice -CreatedAfter $after -CreatedBefore $before -PageSize 5 -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
        $calls = @($lines | Where-Object { $_ -like "$path*" })

        $calls.Count | Should -BeGreaterThan 2
        $calls[0] | Should -Be "${path}?$range"
        $pattern = '^' + [regex]::Escape("${path}?$range&nextToken=") + '[^&]{8}' + [char] 0x2026 + '$'
        $calls | Select-Object -Skip 1 | ForEach-Object { $_ | Should -Match $pattern }
        ($lines -join "`n") | Should -Not -Match 'Atz[a-z.]*\|(?!\[redacted\])'
    }
}

Describe 'Tax Invoices outside Brazil' {
    It '<Command> refuses another marketplace before any request, naming -MarketplaceId' -ForEach @(
        @{ Command = 'Get-SpInvoiceAttribute' }
        @{ Command = 'Get-SpInvoice' }
        @{ Command = 'Get-SpInvoiceExport' }
        @{ Command = 'New-SpInvoiceExport' }
    ) {
        $before = (Get-SpApiSandboxCounter $sandbox).requests
        $record = $null
        try { & $Command -MarketplaceId A1PA6795UKMFR9 -ErrorAction Stop }
        catch { $record = $_ }

        $record.FullyQualifiedErrorId | Should -BeLike 'UnsupportedTaxInvoiceMarketplace,*'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.Exception.Message | Should -BeLike "The Tax Invoices API serves the Brazil marketplace ($brazil) only, and -MarketplaceId A1PA6795UKMFR9 is Germany.*"
        $record.Exception.Message | Should -Not -Match 'getInvoicesAttributes'
        (Get-SpApiSandboxCounter $sandbox).requests | Should -Be $before
    }
}

Describe 'SpApiOutcomeUnknown' {
    It 'leads with the unknown outcome, then says not to submit again, and quotes no server text' {
        Add-SandboxFault -Kind InternalServerError -Count 1 -Operation submitInvoices
        Import-Csv $csv | New-SpVendorInvoice | Submit-SpVendorInvoice -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems.Count | Should -Be 1
        $record = $problems[0]
        $record.FullyQualifiedErrorId | Should -Be 'SpApiOutcomeUnknown,SpApi.PowerShell.Cmdlets.SubmitSpVendorInvoiceCommand'
        $record.CategoryInfo.Category | Should -Be 'InvalidResult'
        $record.Exception.Message | Should -BeLike 'The outcome of submitting invoices INV-1001, INV-1002, INV-1003 is unknown: the request reached the server, which answered HTTP 500 (InternalFailure). Amazon may have received them. Do not submit them again until you have checked them in Vendor Central*'
        $record.Exception.Message | Should -Not -Match 'try again'
        $record.ErrorDetails.Message | Should -Not -Match 'try again'
        $record.Exception.Errors[0].Message | Should -Match 'Please try again'
        Get-Calls submitInvoices | Should -Be 1
    }
}

Describe 'Waits at the sandbox''s rate scale' {
    It 'receives the README''s export without -PollIntervalSec, polling every 30 s / SPAPI_RATE_SCALE' {
        $folder = Join-Path $TestDrive 'readme'
        $polls = Get-Calls getInvoicesExport
        $run = Invoke-InNoPromptHost ("New-SpInvoiceExport -MarketplaceId $brazil -DateStart (Get-Date).Date.AddDays(-1) -DateEnd (Get-Date).Date | " +
            "Receive-SpInvoiceExport -Path '$folder'")

        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -BeGreaterThan 0
        # 30 s at 60 times Amazon's pace is half a second; the export takes 3 s, so it was polled more than twice.
        @($run.Progress | Where-Object { $_ -like '*next check in*' }) | Should -Not -BeNullOrEmpty
        $run.Progress | Should -Not -Match 'next check in 30 s'
        (Get-Calls getInvoicesExport) - $polls | Should -BeGreaterThan 2
    }

    It 'waits for a transaction every 10 s / SPAPI_RATE_SCALE without -PollIntervalSec' {
        Invoke-RestMethod -Method Post -Uri ([uri]::new($sandbox.Endpoint, '_sandbox/reset')) | Out-Null
        $run = Invoke-InNoPromptHost "Import-Csv '$csv' | New-SpVendorInvoice | Submit-SpVendorInvoice -Wait"

        $run.Thrown | Should -BeNullOrEmpty
        $run.Output.Status | Should -Be 'Success'
        $checks = @($run.Progress | Where-Object { $_ -like '*next check in*' })
        $checks | Should -Not -BeNullOrEmpty
        $checks | ForEach-Object { $_ | Should -Match 'next check in 0 s$' }
    }

    It 'uses a given -PollIntervalSec as given' {
        Invoke-RestMethod -Method Post -Uri ([uri]::new($sandbox.Endpoint, '_sandbox/reset')) | Out-Null
        $run = Invoke-InNoPromptHost "Import-Csv '$csv' | New-SpVendorInvoice | Submit-SpVendorInvoice -Wait -PollIntervalSec 1"

        $run.Output.Status | Should -Be 'Success'
        $checks = @($run.Progress | Where-Object { $_ -like '*next check in*' })
        $checks | Should -Not -BeNullOrEmpty
        $checks | ForEach-Object { $_ | Should -Match 'next check in 1 s$' }
    }
}
