namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>One line of the invoice.</summary>
public sealed class InvoiceItem
{
    /// <summary>The line's unique number: an integer in this model (a string in Direct Fulfillment's).</summary>
    public int? ItemSequenceNumber { get; set; }

    /// <summary>The item's ASIN.</summary>
    public string? AmazonProductIdentifier { get; set; }

    /// <summary>The vendor's product identifier, as on the purchase order.</summary>
    public string? VendorProductIdentifier { get; set; }

    /// <summary>The invoiced quantity; greater than zero.</summary>
    public ItemQuantity? InvoicedQuantity { get; set; }

    /// <summary>The net unit cost to Amazon, without VAT; positive.</summary>
    public Money? NetCost { get; set; }

    /// <summary>For items priced by weight: POUNDS, OUNCES, GRAMS or KILOGRAMS.</summary>
    public string? NetCostUnitOfMeasure { get; set; }

    /// <summary>The Amazon purchase order number (8 alphanumeric characters); required on an Invoice.</summary>
    public string? PurchaseOrderNumber { get; set; }

    /// <summary>The HSN tax code; digits only.</summary>
    public string? HsnCode { get; set; }

    /// <summary>The references a credit note needs.</summary>
    public CreditNoteDetails? CreditNoteDetails { get; set; }

    /// <summary>The line's taxes.</summary>
    public ReadableList<TaxDetails>? TaxDetails { get; set; }

    /// <summary>The line's charges.</summary>
    public ReadableList<ChargeDetails>? ChargeDetails { get; set; }

    /// <summary>The line's allowances.</summary>
    public ReadableList<AllowanceDetails>? AllowanceDetails { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(" ", ModelText.Labelled("{0}:", ItemSequenceNumber), InvoicedQuantity, AmazonProductIdentifier ?? VendorProductIdentifier, ModelText.Labelled("at {0}", NetCost));
}
