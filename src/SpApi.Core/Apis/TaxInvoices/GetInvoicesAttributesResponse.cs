using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's GetInvoicesAttributesResponse.</summary>
public sealed class GetInvoicesAttributesResponse
{
    /// <summary>The attributes.</summary>
    [JsonPropertyName("invoicesAttributes")]
    public InvoicesAttributes? InvoicesAttributes { get; set; }
}
