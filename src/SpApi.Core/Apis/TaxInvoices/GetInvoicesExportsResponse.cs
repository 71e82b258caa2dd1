using System.Text.Json.Serialization;
using SpApi.Core.Paging;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's GetInvoicesExportsResponse: a page of exports with a top-level nextToken.</summary>
public sealed class GetInvoicesExportsResponse : IPagedResponse
{
    /// <summary>A list of exports (at most 100).</summary>
    [JsonPropertyName("exports")]
    public List<Export> Exports { get; set; } = new();

    /// <summary>The token of the next page; absent on the last page.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public int ItemCount => Exports?.Count ?? 0;
}
