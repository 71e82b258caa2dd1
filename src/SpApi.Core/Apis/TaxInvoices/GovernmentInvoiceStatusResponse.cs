using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's GovernmentInvoiceStatusResponse.</summary>
public sealed class GovernmentInvoiceStatusResponse
{
    /// <summary>The model's GovernmentInvoiceCreationStatus: PROCESSING, SUCCESS or ERROR.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The government invoice id (the NF-e access key) of an authorised invoice.</summary>
    [JsonPropertyName("invoiceExternalDocumentId")]
    public string? InvoiceExternalDocumentId { get; set; }

    /// <summary>The errors of a request that ended in ERROR.</summary>
    [JsonPropertyName("invoiceErrors")]
    public List<InvoiceError>? InvoiceErrors { get; set; }
}
