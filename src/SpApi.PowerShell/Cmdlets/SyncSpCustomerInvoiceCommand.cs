using System.Management.Automation;
using SpApi.Core.Apis;
using SpApi.Core.Workflows;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Brings a folder of customer-invoice PDFs up to date, for scheduled tasks: reads from the folder's
/// high-water mark (less an overlap) to now, saves the new PDFs, and advances the mark only when every
/// save succeeded. A second run on the same folder stops at once; any failure is a terminating error.
/// -WhatIf shows each PDF it would write and writes nothing: no PDF, no state file, no lock.
/// </summary>
[Cmdlet(VerbsData.Sync, "SpCustomerInvoice", SupportsShouldProcess = true, HelpUri = HelpLinks.Root + "Sync-SpCustomerInvoice.md")]
[OutputType(typeof(CustomerInvoiceSyncResult))]
public sealed class SyncSpCustomerInvoiceCommand : CustomerInvoiceCmdlet
{
    /// <summary>The folder of the PDFs, a PowerShell path (relative to the current location, ~, PSDrives); it also holds the state file (.spapi-sync.json) and, during a run, the lock.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Where the first run starts; default 7 days ago. Later runs start from the high-water mark. A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter]
    [DateArgument]
    public DateTimeOffset? Since { get; set; }

    /// <summary>How far before the high-water mark each run reads again, for invoices that appear late; default 1 hour.</summary>
    [Parameter]
    public TimeSpan Overlap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The vendor warehouse id; all warehouses when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ShipFromPartyId { get; set; }

    /// <summary>Invoices per request, 1 to 100.</summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int? PageSize { get; set; }

    /// <summary>The API version: 2021-12-28 (default) or v1.</summary>
    [Parameter]
    [ValidateSet(DirectFulfillmentVersion.CurrentName, DirectFulfillmentVersion.LegacyName)]
    [CanonicalSpelling(DirectFulfillmentVersion.CurrentName, DirectFulfillmentVersion.LegacyName)]
    public string ApiVersion { get; set; } = DirectFulfillmentVersion.CurrentName;

    /// <summary>Replaces a PDF whose content differs from the invoice's; without it, such an invoice fails the run (InvoiceFileExists, as Save-SpCustomerInvoice).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var folder = OrTerminate(() => ProviderPaths.Folder(this, Path).ProviderPath, ErrorIds.InvalidSyncParameter, Path);
        var api = Api(ApiVersion);
        var options = new CustomerInvoiceSyncOptions
        {
            Folder = folder,
            Since = Since,
            Overlap = Overlap,
            ShipFromPartyId = ShipFromPartyId,
            PageSize = PageSize,
            Force = Force.IsPresent,
        };
        WithProgress(new ProgressRecord(1, "Sync-SpCustomerInvoice", "Starting"), () => RunCoreOrTerminate(
            async (writer, ct) =>
            {
                options.Approval = FileWriteApprovals.For(this, writer);
                options.Verbose = message => writer.Run(() => WriteVerbose(message));
                writer.Object(await CustomerInvoiceSync.RunAsync(
                    api, options, TimeProvider.System, writer.Warning, ProgressBar<CustomerInvoiceRangeProgress>(writer, RangeProgress.Apply), ct).ConfigureAwait(false));
            },
            ErrorIds.InvalidSyncParameter,
            options.Folder));
    }
}
