using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's InvoicesAttributes: the values the filters accept in a marketplace.</summary>
public sealed class InvoicesAttributes
{
    /// <summary>Invoice statuses.</summary>
    [JsonPropertyName("invoiceStatusOptions")]
    public List<AttributeOption> InvoiceStatusOptions { get; set; } = new();

    /// <summary>Invoice types.</summary>
    [JsonPropertyName("invoiceTypeOptions")]
    public List<AttributeOption> InvoiceTypeOptions { get; set; } = new();

    /// <summary>Transaction identifier names.</summary>
    [JsonPropertyName("transactionIdentifierNameOptions")]
    public List<AttributeOption> TransactionIdentifierNameOptions { get; set; } = new();

    /// <summary>Transaction types.</summary>
    [JsonPropertyName("transactionTypeOptions")]
    public List<AttributeOption> TransactionTypeOptions { get; set; } = new();
}
