using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's ExportInvoicesResponse.</summary>
public sealed class ExportInvoicesResponse
{
    /// <summary>The id of the new export.</summary>
    [JsonPropertyName("exportId")]
    public string? ExportId { get; set; }
}
