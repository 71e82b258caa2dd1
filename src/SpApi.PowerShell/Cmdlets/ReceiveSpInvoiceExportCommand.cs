using System.Management.Automation;

using SpApi.Core.Workflows;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Waits for a Tax Invoices export to finish, downloads its documents and extracts the XML invoices:
/// New-SpInvoiceExport ... | Receive-SpInvoiceExport -Path ./out. Documents already on disk are skipped.
/// -WhatIf waits for the export and shows each document it would download, writing nothing.
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "SpInvoiceExport", SupportsShouldProcess = true, HelpUri = HelpLinks.Root + "Receive-SpInvoiceExport.md")]
[OutputType(typeof(FileInfo))]
public sealed class ReceiveSpInvoiceExportCommand : TaxInvoiceCmdlet
{
    /// <summary>The export id, from New-SpInvoiceExport or Get-SpInvoiceExport.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ExportId { get; set; } = string.Empty;

    /// <summary>The folder for the documents and invoices, a PowerShell path (relative to the current location, ~, PSDrives); created if missing.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Keeps each document's zip as it is; by default the zip is extracted into the folder and removed.</summary>
    [Parameter]
    public SwitchParameter NoExpand { get; set; }

    /// <summary>How long to wait for the export to finish, in seconds; no limit when not given.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? TimeoutSec { get; set; }

    /// <summary>How often to check the export's status, in seconds (default 30, divided by SPAPI_RATE_SCALE; a given value is used as given).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollIntervalSec { get; set; } = (int)InvoiceExportReceiveOptions.DefaultPollInterval.TotalSeconds;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var folder = OrTerminate(() => ProviderPaths.Folder(this, Path), ErrorIds.InvalidReceiveParameter, Path);
        var options = new InvoiceExportReceiveOptions
        {
            Folder = folder.ProviderPath,
            Expand = !NoExpand,
            Timeout = TimeoutSec is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            // Not given: Core paces the default to the connection's rate scale.
            PollInterval = MyInvocation.BoundParameters.ContainsKey(nameof(PollIntervalSec)) ? TimeSpan.FromSeconds(PollIntervalSec) : null,
        };
        var api = Api;
        // One export's failure does not stop the others in the pipeline.
        WithProgress(new ProgressRecord(2, $"Receive-SpInvoiceExport {ExportId}", "Waiting for the export"), () => RunCoreOrWriteError(
            async (writer, ct) =>
            {
                options.Approval = FileWriteApprovals.For(this, writer);
                options.Warn = writer.Warning;
                options.Verbose = message => writer.Run(() => WriteVerbose(message));
                await foreach (var file in InvoiceExportReceiver.ReceiveAsync(api, ExportId, options, TimeProvider.System, ProgressBar<InvoiceExportReceiveProgress>(writer, ShowProgress), ct).ConfigureAwait(false))
                {
                    writer.Run(() => WriteObject(folder.Item(this, file)));
                }
            },
            ErrorIds.InvalidReceiveParameter,
            ExportId));
    }

    private static void ShowProgress(ProgressRecord record, InvoiceExportReceiveProgress progress)
    {
        record.StatusDescription = progress.DocumentsTotal == 0
            ? $"Export {progress.Status}, {progress.Elapsed.TotalSeconds:0} s so far; next check in {progress.NextPoll?.TotalSeconds:0} s"
            : $"Document {Math.Min(progress.DocumentsDone + 1, progress.DocumentsTotal)} of {progress.DocumentsTotal}";
        record.PercentComplete = progress.DocumentsTotal == 0 ? -1 : progress.DocumentsDone * 100 / progress.DocumentsTotal;
        record.CurrentOperation = null;
    }
}
