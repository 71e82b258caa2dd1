using System.Management.Automation;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.PowerShell.Completers;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>
/// Requests a Tax Invoices export (createInvoicesExport). Status, types and identifier names are checked
/// against the marketplace's attribute options first. Pipe the result to Receive-SpInvoiceExport.
/// </summary>
[Cmdlet(VerbsCommon.New, "SpInvoiceExport", SupportsShouldProcess = true, HelpUri = HelpLinks.Root + "New-SpInvoiceExport.md")]
[OutputType(typeof(InvoiceExport))]
public sealed class NewSpInvoiceExportCommand : TaxInvoiceCmdlet
{
    /// <summary>The marketplace; the Tax Invoices API serves Brazil (A2Q3Y263D00KWC).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(MarketplaceIdCompleter))]
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>The start of the period; Amazon's default is 24 hours ago and its advice is one day per export. A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter]
    [DateArgument]
    public DateTimeOffset? DateStart { get; set; }

    /// <summary>The end of the period; Amazon's default is now. A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter]
    [DateArgument]
    public DateTimeOffset? DateEnd { get; set; }

    /// <summary>Only invoices in these statuses (see Get-SpInvoiceAttribute).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(InvoiceStatusCompleter))]
    public string[]? Status { get; set; }

    /// <summary>Only invoices of this type.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(InvoiceTypeCompleter))]
    public string? InvoiceType { get; set; }

    /// <summary>Only invoices of this transaction type.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TransactionTypeCompleter))]
    public string? TransactionType { get; set; }

    /// <summary>With -TransactionIdentifierId: the kind of transaction identifier.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TransactionIdentifierNameCompleter))]
    public string? TransactionIdentifierName { get; set; }

    /// <summary>With -TransactionIdentifierName: the transaction identifier.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TransactionIdentifierId { get; set; }

    /// <summary>Only invoices of this series.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Series { get; set; }

    /// <summary>Only the invoice with this external id.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ExternalInvoiceId { get; set; }

    /// <summary>The file format of the invoices: XML, the only one the model has.</summary>
    [Parameter]
    [ValidateSet("XML")]
    [CanonicalSpelling("XML")]
    public string FileFormat { get; set; } = "XML";

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var request = new ExportInvoicesRequest
        {
            MarketplaceId = MarketplaceId,
            DateStart = DateStart,
            DateEnd = DateEnd,
            Statuses = Status?.ToList(),
            InvoiceType = InvoiceType,
            TransactionType = TransactionType,
            TransactionIdentifier = TransactionIdentifierName is null && TransactionIdentifierId is null
                ? null
                : new TransactionIdentifier { Name = TransactionIdentifierName, Id = TransactionIdentifierId },
            Series = Series,
            ExternalInvoiceId = ExternalInvoiceId,
            FileFormat = FileFormat,
        };
        OrTerminate(() => InvoicesAttributesRules.Conform(request, Attributes(MarketplaceId)), ErrorIds.InvalidInvoiceExportParameter, MarketplaceId);

        if (!ShouldProcess($"invoices of {MarketplaceId} from {request.DateStart?.ToString("u") ?? "24 hours ago"} to {request.DateEnd?.ToString("u") ?? "now"}", "Request a Tax Invoices export"))
        {
            return;
        }

        var api = Api;
        RunCoreOrTerminate(
            async (writer, ct) => writer.Object(new InvoiceExport(await api.CreateInvoicesExportAsync(request, ct).ConfigureAwait(false), request)),
            ErrorIds.InvalidInvoiceExportParameter,
            MarketplaceId);
    }
}
