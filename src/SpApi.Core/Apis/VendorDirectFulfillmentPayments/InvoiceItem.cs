namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>One line of a Direct Fulfillment invoice.</summary>
public sealed class InvoiceItem
{
    /// <summary>The line's number on the purchase order ("1", "2"...): a string in this model.</summary>
    public string? ItemSequenceNumber { get; set; }

    /// <summary>The buyer's product identifier (ASIN).</summary>
    public string? BuyerProductIdentifier { get; set; }

    /// <summary>The vendor's product identifier.</summary>
    public string? VendorProductIdentifier { get; set; }

    /// <summary>The invoiced quantity.</summary>
    public ItemQuantity? InvoicedQuantity { get; set; }

    /// <summary>The net price before tax.</summary>
    public Money? NetCost { get; set; }

    /// <summary>The purchase order number (8 alphanumeric characters).</summary>
    public string? PurchaseOrderNumber { get; set; }

    /// <summary>The vendor's order number.</summary>
    public string? VendorOrderNumber { get; set; }

    /// <summary>The HSN tax code; digits only.</summary>
    public string? HsnCode { get; set; }

    /// <summary>The line's taxes.</summary>
    public ReadableList<TaxDetail>? TaxDetails { get; set; }

    /// <summary>The line's charges.</summary>
    public ReadableList<ChargeDetails>? ChargeDetails { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(" ", ModelText.Labelled("{0}:", ItemSequenceNumber), InvoicedQuantity, BuyerProductIdentifier ?? VendorProductIdentifier, ModelText.Labelled("at {0}", NetCost));
}
