using SpApi.Core.Paging;

namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's GetInvoicesResponse: a page of invoice headers (at most 100) and the token of the next one.</summary>
public sealed class GetInvoicesResponse : IPagedResponse
{
    /// <summary>The headers.</summary>
    public ReadableList<InvoiceHeader> Invoices { get; set; } = new();

    /// <summary>The number of headers the response holds.</summary>
    public int? NumOfRecords { get; set; }

    /// <summary>The token of the next page; absent on the last. A page may be empty and still have one.</summary>
    public string? NextToken { get; set; }

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public int ItemCount => Invoices?.Count ?? 0;
}
