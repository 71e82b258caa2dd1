using System.Text.Json.Serialization;
using SpApi.Core.Paging;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's GetInvoicesResponse: a page of invoices with a top-level nextToken.</summary>
public sealed class GetInvoicesResponse : IPagedResponse
{
    /// <summary>The invoices (at most 100).</summary>
    [JsonPropertyName("invoices")]
    public List<Invoice> Invoices { get; set; } = new();

    /// <summary>The token of the next page; absent on the last page.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public int ItemCount => Invoices?.Count ?? 0;
}
