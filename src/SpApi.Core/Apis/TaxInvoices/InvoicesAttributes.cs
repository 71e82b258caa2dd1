using System.Text.Json.Serialization;

namespace SpApi.Core.Apis.TaxInvoices;

/// <summary>The model's InvoicesAttributes: the values the filters accept in a marketplace.</summary>
public sealed class InvoicesAttributes
{
    /// <summary>Invoice statuses.</summary>
    [JsonPropertyName("invoiceStatusOptions")]
    public ReadableList<AttributeOption> InvoiceStatusOptions { get; set; } = new();

    /// <summary>Invoice types.</summary>
    [JsonPropertyName("invoiceTypeOptions")]
    public ReadableList<AttributeOption> InvoiceTypeOptions { get; set; } = new();

    /// <summary>Transaction identifier names.</summary>
    [JsonPropertyName("transactionIdentifierNameOptions")]
    public ReadableList<AttributeOption> TransactionIdentifierNameOptions { get; set; } = new();

    /// <summary>Transaction types.</summary>
    [JsonPropertyName("transactionTypeOptions")]
    public ReadableList<AttributeOption> TransactionTypeOptions { get; set; } = new();
}
