namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>
/// The model's GetInvoiceResponse: an invoice's header and a page of its lines (at most 600). The module
/// also returns it with every page's lines gathered, and NextTokenForLineItems then null.
/// </summary>
public sealed class GetInvoiceResponse
{
    /// <summary>The header.</summary>
    public InvoiceHeader? InvoiceHeader { get; set; }

    /// <summary>The lines.</summary>
    public ReadableList<InvoiceItem> InvoiceItems { get; set; } = new();

    /// <summary>The token of the next page of lines; absent on the last.</summary>
    public string? NextTokenForLineItems { get; set; }
}
