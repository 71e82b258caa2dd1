namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's RelatedIdentifier: business ids tied to an invoice or a line, such as its purchase orders or ASNs.</summary>
public sealed class RelatedIdentifier
{
    /// <summary>PAYEE_CODE, PURCHASE_ORDER_IDS, SHORTAGE_INVOICE_IDS, ASN_IDS, RETURN_IDS, AGREEMENT_IDS, PRODUCT_LINE, VENDOR_CODE, UNIQUE_PAYMENT_IDS or WAREHOUSE_ID.</summary>
    public string? RelatedIdentifierName { get; set; }

    /// <summary>The ids.</summary>
    public ReadableList<string> RelatedIdentifierValue { get; set; } = new();

    /// <inheritdoc />
    public override string ToString() => $"{RelatedIdentifierName}: {string.Join(", ", RelatedIdentifierValue)}";
}
