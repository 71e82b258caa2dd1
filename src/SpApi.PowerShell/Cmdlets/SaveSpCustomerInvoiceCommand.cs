using System.Management.Automation;
using SpApi.Core.Apis;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Files;
using SpApi.Core.Workflows;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Saves customer invoices as &lt;PurchaseOrderNumber&gt;.pdf in a folder, decoded and written atomically.
/// An identical existing file is skipped; a different one is an error unless -Force.
/// </summary>
[Cmdlet(VerbsData.Save, "SpCustomerInvoice", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Root + "Save-SpCustomerInvoice.md")]
[OutputType(typeof(FileInfo))]
public sealed class SaveSpCustomerInvoiceCommand : CustomerInvoiceCmdlet
{
    private OutputLocation? folder;

    /// <summary>Invoices from Get-SpCustomerInvoice.</summary>
    public const string InputObjectSet = "InputObject";

    /// <summary>Invoices fetched by purchase order number.</summary>
    public const string PurchaseOrderSet = "PurchaseOrder";

    /// <summary>Invoices fetched for a date range.</summary>
    public const string RangeSet = "Range";

    /// <summary>The invoices to save, usually from Get-SpCustomerInvoice.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNull]
    public CustomerInvoice? InputObject { get; set; }

    /// <summary>Purchase order numbers whose invoices to fetch and save.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PurchaseOrderSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] PurchaseOrderNumber { get; set; } = Array.Empty<string>();

    /// <summary>Fetch and save the invoices that became available after this time. A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter(Mandatory = true, ParameterSetName = RangeSet)]
    [DateArgument]
    public DateTimeOffset CreatedAfter { get; set; }

    /// <summary>...and before this time; default now. A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [DateArgument]
    public DateTimeOffset? CreatedBefore { get; set; }

    /// <summary>The folder to save to, a PowerShell path (relative to the current location, ~, PSDrives); created if missing.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Replaces an existing file whose content differs.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Outputs each invoice file as Get-Item does (a FileInfo with the provider's PSPath, PSDrive...).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The API version used to fetch invoices: 2021-12-28 (default) or v1.</summary>
    [Parameter(ParameterSetName = PurchaseOrderSet)]
    [Parameter(ParameterSetName = RangeSet)]
    [ValidateSet(DirectFulfillmentVersion.CurrentName, DirectFulfillmentVersion.LegacyName)]
    [CanonicalSpelling(DirectFulfillmentVersion.CurrentName, DirectFulfillmentVersion.LegacyName)]
    public string ApiVersion { get; set; } = DirectFulfillmentVersion.CurrentName;

    private string Folder => folder!.ProviderPath;

    /// <inheritdoc />
    protected override void BeginProcessing() => folder = OrTerminate(() => ProviderPaths.Folder(this, Path), ErrorIds.InvalidSaveParameter, Path);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case InputObjectSet:
                Save(InputObject!);
                break;
            case PurchaseOrderSet:
                ForEachPurchaseOrder(Api(ApiVersion), PurchaseOrderNumber, Save);
                break;
            default:
                var range = new CustomerInvoiceRangeQuery
                {
                    CreatedAfter = CreatedAfter,
                    CreatedBefore = BeforeOrNow(CreatedBefore),
                };
                var rangeApi = Api(ApiVersion);
                RunCoreOrTerminate(
                    async (writer, ct) =>
                    {
                        await foreach (var invoice in CustomerInvoiceRange.ReadAsync(rangeApi, range, null, ct, writer.Warning).ConfigureAwait(false))
                        {
                            writer.Run(() => Save(invoice));
                        }
                    },
                    ErrorIds.InvalidCustomerInvoiceQuery);
                break;
        }
    }

    private void Save(CustomerInvoice invoice)
    {
        // Decoded and compared first (as Sync does), so an unchanged file is neither asked about nor written again.
        if (OrWriteError(() => CustomerInvoiceFiles.PathFor(Folder, invoice.PurchaseOrderNumber), ErrorIds.InvalidPurchaseOrderNumber, invoice) is null
            || OrWriteError(() => CustomerInvoiceFiles.Prepare(invoice, Folder, Force.IsPresent), ErrorIds.InvalidInvoiceContent, invoice) is not { } pending)
        {
            return;
        }

        var result = pending.Result;
        if (result.Outcome != InvoiceSaveOutcome.Unchanged
            && (!ShouldProcess(result.Path, CustomerInvoiceSync.SaveAction) || !OrWriteError(pending.Write, ErrorIds.InvalidInvoiceContent, invoice)))
        {
            return;
        }

        WriteVerbose($"{result.Outcome}: {result.Path}");
        if (PassThru)
        {
            WriteObject(folder!.Item(this, result.Path));
        }
    }
}
