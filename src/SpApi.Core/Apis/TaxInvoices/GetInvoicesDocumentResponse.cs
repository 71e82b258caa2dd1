using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's GetInvoicesDocumentResponse.</summary>
public sealed class GetInvoicesDocumentResponse
{
    /// <summary>The document.</summary>
    [JsonPropertyName("invoicesDocument")]
    public InvoicesDocument? InvoicesDocument { get; set; }
}
