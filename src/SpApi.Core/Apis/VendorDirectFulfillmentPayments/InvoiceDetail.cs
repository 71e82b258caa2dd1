namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>A Direct Fulfillment invoice.</summary>
public sealed class InvoiceDetail
{
    /// <summary>The unique invoice number.</summary>
    public string? InvoiceNumber { get; set; }

    /// <summary>The invoice date.</summary>
    public DateTimeOffset? InvoiceDate { get; set; }

    /// <summary>An additional unique reference number used for regulatory or other purposes.</summary>
    public string? ReferenceNumber { get; set; }

    /// <summary>The party receiving the payment.</summary>
    public PartyIdentification? RemitToParty { get; set; }

    /// <summary>The vendor's warehouse code, as in the order.</summary>
    public PartyIdentification? ShipFromParty { get; set; }

    /// <summary>The party the invoice is issued to.</summary>
    public PartyIdentification? BillToParty { get; set; }

    /// <summary>The ship-to country code.</summary>
    public string? ShipToCountryCode { get; set; }

    /// <summary>The payment terms.</summary>
    public string? PaymentTermsCode { get; set; }

    /// <summary>The invoice total.</summary>
    public Money? InvoiceTotal { get; set; }

    /// <summary>The taxes of the invoice.</summary>
    public ReadableList<TaxDetail>? TaxTotals { get; set; }

    /// <summary>Additional details for tax-related or other purposes.</summary>
    public ReadableList<AdditionalDetails>? AdditionalDetails { get; set; }

    /// <summary>Total charge amount details for all line items.</summary>
    public ReadableList<ChargeDetails>? ChargeDetails { get; set; }

    /// <summary>The line items.</summary>
    public ReadableList<InvoiceItem>? Items { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Invoice {InvoiceNumber} ({InvoiceTotal})";
}
