using System.Management.Automation;

using SpApi.Core.Workflows;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Waits for a shipment's government invoice and downloads it as &lt;ShipmentId&gt;-&lt;InvoiceType&gt;.xml (or .pdf):
/// Import-Csv ./shipments.csv | New-SpGovernmentInvoice | Receive-SpGovernmentInvoice -Path ./nfe.
/// A document already in the folder is skipped without a call.
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "SpGovernmentInvoice", HelpUri = HelpLinks.Root + "Receive-SpGovernmentInvoice.md")]
[OutputType(typeof(FileInfo))]
public sealed class ReceiveSpGovernmentInvoiceCommand : GovernmentInvoiceCmdlet
{
    private OutputLocation? folder;

    /// <summary>The folder for the documents, a file-system path of any PowerShell drive; created if missing.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>XML (the default: the NF-e itself) or PDF (its printable form), in any case.</summary>
    [Parameter]
    [ValidateSet("XML", "PDF")]
    [CanonicalSpelling("XML", "PDF")]
    public string FileFormat { get; set; } = "XML";

    /// <summary>How long to wait for the invoice, in seconds; no limit when not given.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? TimeoutSec { get; set; }

    /// <summary>How often to check the request's status, in seconds (default 60, the operation's rate; the default is divided by SPAPI_RATE_SCALE against a faster sandbox).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollIntervalSec { get; set; } = (int)GovernmentInvoiceReceiveOptions.DefaultPollInterval.TotalSeconds;

    /// <inheritdoc />
    protected override void BeginProcessing() => folder = OrTerminate(() => ProviderPaths.Folder(this, Path), ErrorIds.InvalidGovernmentInvoiceParameter, Path);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (CheckedShipment() is not { } shipment)
        {
            return;
        }

        var options = new GovernmentInvoiceReceiveOptions
        {
            Folder = folder!.ProviderPath,
            FileFormat = FileFormat,
            Timeout = TimeoutSec is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            PollInterval = MyInvocation.BoundParameters.ContainsKey(nameof(PollIntervalSec)) ? TimeSpan.FromSeconds(PollIntervalSec) : null,
        };
        var api = GovernmentInvoices;
        // One shipment's failure does not stop the others in the pipeline.
        WithProgress(new ProgressRecord(3, $"Receive-SpGovernmentInvoice {shipment.ShipmentId}", "Waiting for the government invoice"), () => RunCoreOrWriteError(
            async (writer, ct) =>
            {
                var file = await GovernmentInvoiceReceiver.ReceiveAsync(
                    api, shipment, options, TimeProvider.System, ProgressBar<GovernmentInvoiceReceiveProgress>(writer, ShowProgress), message => writer.Run(() => WriteVerbose(message)), ct).ConfigureAwait(false);
                // As Get-Item gives it, so the default view shows its mode and size.
                writer.Run(() => WriteObject(folder.Item(this, file)));
            },
            ErrorIds.InvalidGovernmentInvoiceParameter,
            ShipmentId));
    }

    private static void ShowProgress(ProgressRecord record, GovernmentInvoiceReceiveProgress progress)
    {
        record.StatusDescription = $"{progress.Status}, {progress.Elapsed.TotalSeconds:0} s so far; next check in {progress.NextPoll.TotalSeconds:0} s";
        record.CurrentOperation = null;
    }
}
