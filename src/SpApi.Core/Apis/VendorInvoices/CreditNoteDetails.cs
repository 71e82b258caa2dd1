namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>The references a credit note needs.</summary>
public sealed class CreditNoteDetails
{
    /// <summary>The original invoice number; mandatory for AP credit notes.</summary>
    public string? ReferenceInvoiceNumber { get; set; }

    /// <summary>The debit note number Amazon generated; recommended for returns and COOP credit notes.</summary>
    public string? DebitNoteNumber { get; set; }

    /// <summary>The returns notice number; mandatory for returns credit notes.</summary>
    public string? ReturnsReferenceNumber { get; set; }

    /// <summary>When the vendor received the return; mandatory for returns credit notes.</summary>
    public DateTimeOffset? GoodsReturnDate { get; set; }

    /// <summary>The returned merchandise authorization id, if any.</summary>
    public string? RmaId { get; set; }

    /// <summary>The COOP reference of a COOP agreement.</summary>
    public string? CoopReferenceNumber { get; set; }

    /// <summary>The consignor reference number (VRET), if Amazon generated one.</summary>
    public string? ConsignorsReferenceNumber { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(", ", ModelText.Labelled("referenceInvoiceNumber {0}", ReferenceInvoiceNumber), ModelText.Labelled("debitNoteNumber {0}", DebitNoteNumber), ModelText.Labelled("returnsReferenceNumber {0}", ReturnsReferenceNumber), ModelText.Labelled("goodsReturnDate {0}", GoodsReturnDate), ModelText.Labelled("rmaId {0}", RmaId), ModelText.Labelled("coopReferenceNumber {0}", CoopReferenceNumber), ModelText.Labelled("consignorsReferenceNumber {0}", ConsignorsReferenceNumber));
}
