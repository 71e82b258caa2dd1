using SpApi.Core.Endpoints;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The filters of getInvoices.</summary>
public sealed class InvoicesQuery
{
    /// <summary>The marketplace (required); Amazon offers this API for Brazil.</summary>
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>The start of the period; default 24 hours ago.</summary>
    public DateTimeOffset? DateStart { get; set; }

    /// <summary>The end of the period; default now.</summary>
    public DateTimeOffset? DateEnd { get; set; }

    /// <summary>With <see cref="TransactionIdentifierId"/>: the kind of transaction identifier.</summary>
    public string? TransactionIdentifierName { get; set; }

    /// <summary>With <see cref="TransactionIdentifierName"/>: the transaction identifier.</summary>
    public string? TransactionIdentifierId { get; set; }

    /// <summary>Only this transaction type.</summary>
    public string? TransactionType { get; set; }

    /// <summary>Only this invoice type.</summary>
    public string? InvoiceType { get; set; }

    /// <summary>Only these statuses.</summary>
    public IReadOnlyList<string>? Statuses { get; set; }

    /// <summary>Only this series.</summary>
    public string? Series { get; set; }

    /// <summary>Only this external invoice id.</summary>
    public string? ExternalInvoiceId { get; set; }

    /// <summary>ASC or DESC by date.</summary>
    public string? SortOrder { get; set; }

    /// <summary>Invoices per page, 1 to 200 (the operation's description).</summary>
    public int? PageSize { get; set; }
}
