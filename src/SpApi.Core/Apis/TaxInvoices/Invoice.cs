using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's Invoice.</summary>
public sealed class Invoice
{
    /// <summary>The invoice identifier.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The invoice date.</summary>
    [JsonPropertyName("date")]
    public DateTimeOffset? Date { get; set; }

    /// <summary>The invoice status (from getInvoicesAttributes).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The invoice type.</summary>
    [JsonPropertyName("invoiceType")]
    public string? InvoiceType { get; set; }

    /// <summary>The transaction type.</summary>
    [JsonPropertyName("transactionType")]
    public string? TransactionType { get; set; }

    /// <summary>The series.</summary>
    [JsonPropertyName("series")]
    public string? Series { get; set; }

    /// <summary>The external invoice id.</summary>
    [JsonPropertyName("externalInvoiceId")]
    public string? ExternalInvoiceId { get; set; }

    /// <summary>The government authority's response.</summary>
    [JsonPropertyName("govResponse")]
    public string? GovResponse { get; set; }

    /// <summary>The error code, when the invoice was rejected.</summary>
    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }

    /// <summary>The transactions the invoice belongs to.</summary>
    [JsonPropertyName("transactionIds")]
    public ReadableList<TransactionIdentifier>? TransactionIds { get; set; }
}
