namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>An invoice or credit note, with the parties, totals and line items.</summary>
public sealed class Invoice
{
    /// <summary>Invoice or CreditNote.</summary>
    public string? InvoiceType { get; set; }

    /// <summary>The invoice number, or the credit note number for a credit note.</summary>
    public string? Id { get; set; }

    /// <summary>An additional unique reference number used for regulatory or other purposes.</summary>
    public string? ReferenceNumber { get; set; }

    /// <summary>When the invoice was generated in the origin's accounting system; on or after the purchase order's creation.</summary>
    public DateTimeOffset? Date { get; set; }

    /// <summary>The party receiving the payment.</summary>
    public PartyIdentification? RemitToParty { get; set; }

    /// <summary>The party receiving the shipment.</summary>
    public PartyIdentification? ShipToParty { get; set; }

    /// <summary>The party sending the shipment.</summary>
    public PartyIdentification? ShipFromParty { get; set; }

    /// <summary>The party the invoice is issued to.</summary>
    public PartyIdentification? BillToParty { get; set; }

    /// <summary>The payment terms.</summary>
    public PaymentTerms? PaymentTerms { get; set; }

    /// <summary>The total including charges and taxes, less allowances, before any terms discount.</summary>
    public Money? InvoiceTotal { get; set; }

    /// <summary>Total tax amount details for all line items.</summary>
    public ReadableList<TaxDetails>? TaxDetails { get; set; }

    /// <summary>Additional details for tax-related or other purposes.</summary>
    public ReadableList<AdditionalDetails>? AdditionalDetails { get; set; }

    /// <summary>Total charge amount details for all line items.</summary>
    public ReadableList<ChargeDetails>? ChargeDetails { get; set; }

    /// <summary>Total allowance amount details for all line items.</summary>
    public ReadableList<AllowanceDetails>? AllowanceDetails { get; set; }

    /// <summary>The line items.</summary>
    public ReadableList<InvoiceItem>? Items { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{InvoiceType ?? "Invoice"} {Id} ({InvoiceTotal})";
}
