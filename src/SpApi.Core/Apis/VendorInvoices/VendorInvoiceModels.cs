using System.Globalization;
using System.Text.Json.Serialization;
using SpApi.Core.Json;

// The definitions of vendorInvoices.json (Vendor Retail Procurement Payments v1), with their official
// names. Property names serialise in camelCase, which is exactly the model's spelling. Every property is
// optional here so that incomplete input can be held and reported by VendorInvoiceRules, not lost.
namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>The request body of submitInvoices.</summary>
public sealed class SubmitInvoicesRequest
{
    /// <summary>The invoices or credit notes to submit.</summary>
    public List<Invoice>? Invoices { get; set; }
}

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
    public List<TaxDetails>? TaxDetails { get; set; }

    /// <summary>Additional details for tax-related or other purposes.</summary>
    public List<AdditionalDetails>? AdditionalDetails { get; set; }

    /// <summary>Total charge amount details for all line items.</summary>
    public List<ChargeDetails>? ChargeDetails { get; set; }

    /// <summary>Total allowance amount details for all line items.</summary>
    public List<AllowanceDetails>? AllowanceDetails { get; set; }

    /// <summary>The line items.</summary>
    public List<InvoiceItem>? Items { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{InvoiceType ?? "Invoice"} {Id} ({InvoiceTotal})";
}

/// <summary>Name, address and tax details of a party.</summary>
public sealed class PartyIdentification
{
    /// <summary>The party's assigned identification (for example a vendor code).</summary>
    public string? PartyId { get; set; }

    /// <summary>The party's address.</summary>
    public Address? Address { get; set; }

    /// <summary>The party's tax registrations: an array, even with one entry.</summary>
    public List<TaxRegistrationDetails>? TaxRegistrationDetails { get; set; }

    /// <inheritdoc />
    public override string ToString() => PartyId ?? string.Empty;
}

/// <summary>A tax registration of a party.</summary>
public sealed class TaxRegistrationDetails
{
    /// <summary>VAT or GST.</summary>
    public string? TaxRegistrationType { get; set; }

    /// <summary>The registration number, for example a VAT ID.</summary>
    public string? TaxRegistrationNumber { get; set; }
}

/// <summary>A physical address. Vendor invoices call the postal code postalOrZipCode.</summary>
public sealed class Address
{
    /// <summary>The name of the person, business or institution.</summary>
    public string? Name { get; set; }

    /// <summary>First line of the street address.</summary>
    public string? AddressLine1 { get; set; }

    /// <summary>Additional address information.</summary>
    public string? AddressLine2 { get; set; }

    /// <summary>Additional address information.</summary>
    public string? AddressLine3 { get; set; }

    /// <summary>The city.</summary>
    public string? City { get; set; }

    /// <summary>The county.</summary>
    public string? County { get; set; }

    /// <summary>The district.</summary>
    public string? District { get; set; }

    /// <summary>The state or region.</summary>
    public string? StateOrRegion { get; set; }

    /// <summary>The postal or zip code.</summary>
    public string? PostalOrZipCode { get; set; }

    /// <summary>The ISO 3166-1 alpha-2 country code.</summary>
    public string? CountryCode { get; set; }

    /// <summary>The phone number.</summary>
    public string? Phone { get; set; }
}

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
    public List<TaxDetails>? TaxDetails { get; set; }

    /// <summary>The line's charges.</summary>
    public List<ChargeDetails>? ChargeDetails { get; set; }

    /// <summary>The line's allowances.</summary>
    public List<AllowanceDetails>? AllowanceDetails { get; set; }
}

/// <summary>A tax applied to the invoice, a line, a charge or an allowance.</summary>
public sealed class TaxDetails
{
    /// <summary>The tax type, for example VAT, GST, CGST or MwSt.</summary>
    public string? TaxType { get; set; }

    /// <summary>The tax rate, expressed as a decimal.</summary>
    [JsonConverter(typeof(DecimalStringConverter))]
    public decimal? TaxRate { get; set; }

    /// <summary>The tax amount.</summary>
    public Money? TaxAmount { get; set; }

    /// <summary>The amount the rate applies to.</summary>
    public Money? TaxableAmount { get; set; }
}

/// <summary>An amount of money: a Decimal (a string on the wire) and an ISO 4217 currency code.</summary>
public sealed class Money
{
    /// <summary>The ISO 4217 currency code, for example USD.</summary>
    public string? CurrencyCode { get; set; }

    /// <summary>The amount; sent as a decimal string with its scale kept.</summary>
    [JsonConverter(typeof(DecimalStringConverter))]
    public decimal? Amount { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Amount?.ToString(CultureInfo.InvariantCulture)} {CurrencyCode}".Trim();
}

/// <summary>Additional information for tax-related or other purposes.</summary>
public sealed class AdditionalDetails
{
    /// <summary>SUR, OCR or CartonCount.</summary>
    public string? Type { get; set; }

    /// <summary>The detail.</summary>
    public string? Detail { get; set; }

    /// <summary>The language of the detail.</summary>
    public string? LanguageCode { get; set; }
}

/// <summary>A charge (freight, packing, duty...), with its taxes.</summary>
public sealed class ChargeDetails
{
    /// <summary>The charge type, for example Freight.</summary>
    public string? Type { get; set; }

    /// <summary>A description of the charge.</summary>
    public string? Description { get; set; }

    /// <summary>The charge's amount.</summary>
    public Money? ChargeAmount { get; set; }

    /// <summary>Taxes applied on the charge.</summary>
    public List<TaxDetails>? TaxDetails { get; set; }
}

/// <summary>An allowance (discount, defective...), with its taxes.</summary>
public sealed class AllowanceDetails
{
    /// <summary>The allowance type, for example Discount.</summary>
    public string? Type { get; set; }

    /// <summary>A description of the allowance.</summary>
    public string? Description { get; set; }

    /// <summary>The allowance's amount.</summary>
    public Money? AllowanceAmount { get; set; }

    /// <summary>Taxes applied on the allowance.</summary>
    public List<TaxDetails>? TaxDetails { get; set; }
}

/// <summary>The payment terms; their basis is the invoice date.</summary>
public sealed class PaymentTerms
{
    /// <summary>Basic, EndOfMonth, FixedDate, Proximo, PaymentDueUponReceiptOfInvoice or LetterofCredit.</summary>
    public string? Type { get; set; }

    /// <summary>The discount percent, good until the discount due date.</summary>
    [JsonConverter(typeof(DecimalStringConverter))]
    public decimal? DiscountPercent { get; set; }

    /// <summary>Calendar days from the invoice date until the discount lapses.</summary>
    public decimal? DiscountDueDays { get; set; }

    /// <summary>Calendar days from the invoice date until the total is due.</summary>
    public decimal? NetDueDays { get; set; }
}

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
}

/// <summary>A quantity: Cases or Eaches, with the case size and, for items sold by weight, the weight.</summary>
public sealed class ItemQuantity
{
    /// <summary>The quantity; not zero.</summary>
    public int? Amount { get; set; }

    /// <summary>Cases or Eaches.</summary>
    public string? UnitOfMeasure { get; set; }

    /// <summary>The case size, when the unit is Cases.</summary>
    public int? UnitSize { get; set; }

    /// <summary>The total weight, for items sold by weight.</summary>
    public TotalWeight? TotalWeight { get; set; }
}

/// <summary>The aggregate weight of an item sold by weight.</summary>
public sealed class TotalWeight
{
    /// <summary>POUNDS, OUNCES, GRAMS or KILOGRAMS.</summary>
    public string? UnitOfMeasure { get; set; }

    /// <summary>The weight.</summary>
    [JsonConverter(typeof(DecimalStringConverter))]
    public decimal? Amount { get; set; }
}
