using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's GetInvoiceResponse.</summary>
public sealed class GetInvoiceResponse
{
    /// <summary>The invoice.</summary>
    [JsonPropertyName("invoice")]
    public Invoice? Invoice { get; set; }
}
