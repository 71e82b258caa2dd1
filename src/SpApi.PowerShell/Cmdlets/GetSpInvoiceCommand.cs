using System.Management.Automation;
using SpApi.Core.Apis.TaxInvoices;
using SpApi.PowerShell.Completers;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.PowerShell.Cmdlets;

/// <summary>Gets tax invoices (Brazil): every invoice that matches the filters, page after page, or one invoice by id.</summary>
[Cmdlet(VerbsCommon.Get, "SpInvoice", DefaultParameterSetName = ListSet, HelpUri = HelpLinks.Root + "Get-SpInvoice.md")]
[OutputType(typeof(Invoice))]
public sealed class GetSpInvoiceCommand : TaxInvoiceCmdlet
{
    /// <summary>Invoices that match filters.</summary>
    public const string ListSet = "List";

    /// <summary>One invoice by id.</summary>
    public const string ByIdSet = "ById";

    /// <summary>The marketplace; the Tax Invoices API serves Brazil (A2Q3Y263D00KWC).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(MarketplaceIdCompleter))]
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>The invoice id.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string? InvoiceId { get; set; }

    /// <summary>The start of the period; Amazon's default is 24 hours ago. A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [DateArgument]
    public DateTimeOffset? DateStart { get; set; }

    /// <summary>The end of the period; Amazon's default is now. A DateTimeOffset, a DateTime or a date string; local time unless it carries an offset.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [DateArgument]
    public DateTimeOffset? DateEnd { get; set; }

    /// <summary>Only invoices in these statuses (see Get-SpInvoiceAttribute).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(InvoiceStatusCompleter))]
    public string[]? Status { get; set; }

    /// <summary>Only invoices of this type.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(InvoiceTypeCompleter))]
    public string? InvoiceType { get; set; }

    /// <summary>Only invoices of this transaction type.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TransactionTypeCompleter))]
    public string? TransactionType { get; set; }

    /// <summary>With -TransactionIdentifierId: the kind of transaction identifier.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TransactionIdentifierNameCompleter))]
    public string? TransactionIdentifierName { get; set; }

    /// <summary>With -TransactionIdentifierName: the transaction identifier.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? TransactionIdentifierId { get; set; }

    /// <summary>Only invoices of this series.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Series { get; set; }

    /// <summary>Only the invoice with this external id.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? ExternalInvoiceId { get; set; }

    /// <summary>Ascending or Descending by date.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Ascending", "Descending")]
    [CanonicalSpelling("Ascending", "Descending")]
    public string? SortOrder { get; set; }

    /// <summary>Invoices per request, 1 to 200.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, 200)]
    public int? PageSize { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var api = Api;
        if (ParameterSetName == ByIdSet)
        {
            RunCoreOrTerminate(async (writer, ct) => writer.Object(await api.GetInvoiceAsync(MarketplaceId, InvoiceId!, ct).ConfigureAwait(false)), ErrorIds.InvalidInvoiceQuery, InvoiceId);
            return;
        }

        var query = new InvoicesQuery
        {
            MarketplaceId = MarketplaceId,
            DateStart = DateStart,
            DateEnd = DateEnd,
            Statuses = Status,
            InvoiceType = InvoiceType,
            TransactionType = TransactionType,
            TransactionIdentifierName = TransactionIdentifierName,
            TransactionIdentifierId = TransactionIdentifierId,
            Series = Series,
            ExternalInvoiceId = ExternalInvoiceId,
            SortOrder = SortOrder switch { "Ascending" => "ASC", "Descending" => "DESC", _ => null },
            PageSize = PageSize,
        };
        OrTerminate(() => InvoicesAttributesRules.Conform(query, Attributes(MarketplaceId)), ErrorIds.InvalidInvoiceQuery, MarketplaceId);

        RunCoreOrTerminate(
            async (writer, ct) =>
            {
                await foreach (var page in api.GetInvoicePagesAsync(query, ct).ConfigureAwait(false))
                {
                    foreach (var invoice in page.Invoices)
                    {
                        writer.Object(invoice);
                    }
                }
            },
            ErrorIds.InvalidInvoiceQuery);
    }
}
