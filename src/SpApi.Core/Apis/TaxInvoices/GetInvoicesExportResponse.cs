using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's GetInvoicesExportResponse.</summary>
public sealed class GetInvoicesExportResponse
{
    /// <summary>The export.</summary>
    [JsonPropertyName("export")]
    public Export? Export { get; set; }
}
