using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's ExportInvoicesRequest: the body of createInvoicesExport.</summary>
public sealed class ExportInvoicesRequest
{
    /// <summary>The marketplace (required).</summary>
    [JsonPropertyName("marketplaceId")]
    public string MarketplaceId { get; set; } = string.Empty;

    /// <summary>The start of the period; default 24 hours before the request.</summary>
    [JsonPropertyName("dateStart")]
    public DateTimeOffset? DateStart { get; set; }

    /// <summary>The end of the period; default the time of the request.</summary>
    [JsonPropertyName("dateEnd")]
    public DateTimeOffset? DateEnd { get; set; }

    /// <summary>Only this external invoice id.</summary>
    [JsonPropertyName("externalInvoiceId")]
    public string? ExternalInvoiceId { get; set; }

    /// <summary>The model's FileFormat; XML is the only value.</summary>
    [JsonPropertyName("fileFormat")]
    public string? FileFormat { get; set; }

    /// <summary>Only this invoice type (from getInvoicesAttributes).</summary>
    [JsonPropertyName("invoiceType")]
    public string? InvoiceType { get; set; }

    /// <summary>Only this series.</summary>
    [JsonPropertyName("series")]
    public string? Series { get; set; }

    /// <summary>Only these statuses (from getInvoicesAttributes); at least one when given.</summary>
    [JsonPropertyName("statuses")]
    public List<string>? Statuses { get; set; }

    /// <summary>Only this transaction.</summary>
    [JsonPropertyName("transactionIdentifier")]
    public TransactionIdentifier? TransactionIdentifier { get; set; }

    /// <summary>Only this transaction type (from getInvoicesAttributes).</summary>
    [JsonPropertyName("transactionType")]
    public string? TransactionType { get; set; }
}
