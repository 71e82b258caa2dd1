using System.Text.Json.Serialization;
using SpApi.Core.Paging;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's Export: one invoices export and where it stands.</summary>
public sealed class Export
{
    /// <summary>The export identifier.</summary>
    [JsonPropertyName("exportId")]
    public string? ExportId { get; set; }

    /// <summary>REQUESTED, PROCESSING, DONE or ERROR (the model's ExportStatus).</summary>
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

    /// <summary>The documents to download once the status is DONE.</summary>
    [JsonPropertyName("invoicesDocumentIds")]
    public List<string>? InvoicesDocumentIds { get; set; }
}

/// <summary>The model's GetInvoicesExportsResponse: a page of exports with a top-level nextToken.</summary>
public sealed class GetInvoicesExportsResponse : IPagedResponse
{
    /// <summary>A list of exports (at most 100).</summary>
    [JsonPropertyName("exports")]
    public List<Export> Exports { get; set; } = new();

    /// <summary>The token of the next page; absent on the last page.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}
