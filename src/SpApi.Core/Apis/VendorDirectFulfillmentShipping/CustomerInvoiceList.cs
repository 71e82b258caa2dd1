using System.Text.Json.Serialization;
using SpApi.Core.Paging;

namespace SpApi.Core.Apis.VendorDirectFulfillmentShipping;

/// <summary>The model's CustomerInvoiceList: one page of customer invoices.</summary>
public sealed class CustomerInvoiceList : IPagedResponse
{
    /// <summary>The pagination elements required to retrieve the remaining data.</summary>
    [JsonPropertyName("pagination")]
    public Pagination? Pagination { get; set; }

    /// <summary>The invoices of this page.</summary>
    [JsonPropertyName("customerInvoices")]
    public ReadableList<CustomerInvoice> CustomerInvoices { get; set; } = new();

    /// <summary>The token of the next page (pagination.nextToken), or null on the last page.</summary>
    [JsonIgnore]
    public string? NextToken => Pagination?.NextToken;

    /// <inheritdoc />
    [JsonIgnore]
    public int ItemCount => CustomerInvoices?.Count ?? 0;
}
