using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's Export: one invoices export and where it stands.</summary>
public sealed class Export
{
    /// <summary>The export identifier.</summary>
    [JsonPropertyName("exportId")]
    public string? ExportId { get; set; }

    /// <summary>The model's ExportStatus: REQUESTED, PROCESSING, DONE or ERROR (the docs also name CANCELLED and FATAL).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>When the export generation started.</summary>
    [JsonPropertyName("generateExportStartedAt")]
    public DateTimeOffset? GenerateExportStartedAt { get; set; }

    /// <summary>When the export generation finished.</summary>
    [JsonPropertyName("generateExportFinishedAt")]
    public DateTimeOffset? GenerateExportFinishedAt { get; set; }

    /// <summary>Why the export failed, when it did.</summary>
    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; set; }

    /// <summary>The documents to download; empty until the status is DONE.</summary>
    [JsonPropertyName("invoicesDocumentIds")]
    public ReadableList<string>? InvoicesDocumentIds { get; set; }
}
