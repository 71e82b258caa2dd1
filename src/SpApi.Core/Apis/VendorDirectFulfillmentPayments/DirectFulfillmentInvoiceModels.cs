using System.Globalization;
using System.Text.Json.Serialization;
using SpApi.Core.Json;

// The definitions of vendorDirectFulfillmentPaymentsV1.json, with their official names. They differ from
// the vendor (Retail) model: invoiceNumber and invoiceDate instead of id and date, itemSequenceNumber is a
// string, the address has postalCode, taxes are taxTotals, there are no allowances, invoice types or credit
// notes, and Money requires both fields. Every property is optional here so that incomplete input can be
// held and reported by DirectFulfillmentInvoiceRules.
namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>The request body of submitInvoice.</summary>
public sealed class SubmitInvoiceRequest
{
    /// <summary>The invoices to submit.</summary>
    public List<InvoiceDetail>? Invoices { get; set; }
}

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
    public List<TaxDetail>? TaxTotals { get; set; }

    /// <summary>Additional details for tax-related or other purposes.</summary>
    public List<AdditionalDetails>? AdditionalDetails { get; set; }

    /// <summary>Total charge amount details for all line items.</summary>
    public List<ChargeDetails>? ChargeDetails { get; set; }

    /// <summary>The line items.</summary>
    public List<InvoiceItem>? Items { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Invoice {InvoiceNumber} ({InvoiceTotal})";
}

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
    public List<TaxDetail>? TaxDetails { get; set; }

    /// <summary>The line's charges.</summary>
    public List<ChargeDetails>? ChargeDetails { get; set; }
}

/// <summary>Name, address and tax details of a party.</summary>
public sealed class PartyIdentification
{
    /// <summary>The party's assigned identification.</summary>
    public string? PartyId { get; set; }

    /// <summary>The party's address.</summary>
    public Address? Address { get; set; }

    /// <summary>The party's tax registrations: an array, even with one entry.</summary>
    public List<TaxRegistrationDetail>? TaxRegistrationDetails { get; set; }

    /// <inheritdoc />
    public override string ToString() => PartyId ?? string.Empty;
}

/// <summary>A tax registration of a party.</summary>
public sealed class TaxRegistrationDetail
{
    /// <summary>VAT or GST.</summary>
    public string? TaxRegistrationType { get; set; }

    /// <summary>The registration number, for example a VAT ID.</summary>
    public string? TaxRegistrationNumber { get; set; }

    /// <summary>The address of the registration.</summary>
    public Address? TaxRegistrationAddress { get; set; }

    /// <summary>A tax registration message.</summary>
    public string? TaxRegistrationMessage { get; set; }
}

/// <summary>An address. Direct Fulfillment calls the postal code postalCode and requires city, state and postal code.</summary>
public sealed class Address
{
    /// <summary>The name of the person, business or institution.</summary>
    public string? Name { get; set; }

    /// <summary>First line of the address.</summary>
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

    /// <summary>The postal code.</summary>
    public string? PostalCode { get; set; }

    /// <summary>The ISO 3166-1 alpha-2 country code.</summary>
    public string? CountryCode { get; set; }

    /// <summary>The phone number.</summary>
    public string? Phone { get; set; }
}

/// <summary>An amount of money: a Decimal (a string on the wire) and an ISO 4217 currency code; both required.</summary>
public sealed class Money
{
    /// <summary>The ISO 4217 currency code, for example EUR.</summary>
    public string? CurrencyCode { get; set; }

    /// <summary>The amount; sent as a decimal string with its scale kept.</summary>
    [JsonConverter(typeof(DecimalStringConverter))]
    public decimal? Amount { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Amount?.ToString(CultureInfo.InvariantCulture)} {CurrencyCode}".Trim();
}

/// <summary>A tax applied to the invoice, a line or a charge.</summary>
public sealed class TaxDetail
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

/// <summary>A charge (gift wrap, fulfillment...), with its taxes.</summary>
public sealed class ChargeDetails
{
    /// <summary>The charge type, for example GIFTWRAP.</summary>
    public string? Type { get; set; }

    /// <summary>The charge's amount.</summary>
    public Money? ChargeAmount { get; set; }

    /// <summary>Taxes applied on the charge.</summary>
    public List<TaxDetail>? TaxDetails { get; set; }
}

/// <summary>Additional information for tax-related or other purposes.</summary>
public sealed class AdditionalDetails
{
    /// <summary>SUR or OCR.</summary>
    public string? Type { get; set; }

    /// <summary>The detail.</summary>
    public string? Detail { get; set; }

    /// <summary>The language of the detail.</summary>
    public string? LanguageCode { get; set; }
}

/// <summary>A quantity and its unit of measure.</summary>
public sealed class ItemQuantity
{
    /// <summary>The quantity.</summary>
    public int? Amount { get; set; }

    /// <summary>The unit of measure.</summary>
    public string? UnitOfMeasure { get; set; }
}
