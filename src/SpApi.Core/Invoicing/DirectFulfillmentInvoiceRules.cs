using System.Text.RegularExpressions;
using SpApi.Core.Apis.VendorDirectFulfillmentPayments;

namespace SpApi.Core.Invoicing;

/// <summary>
/// The rules of vendorDirectFulfillmentPaymentsV1.json, checked locally. Each rule is listed in
/// docs/vendor-invoices.md with the model text it comes from.
/// </summary>
public static class DirectFulfillmentInvoiceRules
{
    private static readonly string[] TaxRegistrationTypes = { "VAT", "GST" };
    private static readonly string[] AdditionalDetailTypes = { "SUR", "OCR" };
    private static readonly string[] ChargeTypes = { "GIFTWRAP", "FULFILLMENT", "MARKETINGINSERT", "PACKAGING", "LOADING", "FREIGHTOUT", "TAX_COLLECTED_AT_SOURCE" };
    private static readonly Regex LineNumber = new(@"^[1-9]\d*$", RegexOptions.CultureInvariant);

    /// <summary>Every problem of the invoice; empty when it may be sent.</summary>
    public static IReadOnlyList<InvoiceProblem> Check(InvoiceDetail invoice)
    {
        var context = new RuleContext();
        context.Required(invoice.InvoiceNumber, "invoiceNumber");
        context.Required(invoice.InvoiceDate, "invoiceDate");
        if (context.Required(invoice.RemitToParty, "remitToParty"))
        {
            Party(invoice.RemitToParty!, "remitToParty", context);
        }

        if (context.Required(invoice.ShipFromParty, "shipFromParty", "is required by the model: the vendor's warehouse code, as in the order"))
        {
            Party(invoice.ShipFromParty!, "shipFromParty", context);
        }

        Party(invoice.BillToParty, "billToParty", context);
        context.Country(invoice.ShipToCountryCode, "shipToCountryCode", required: false);
        context.Money(invoice.InvoiceTotal?.CurrencyCode, invoice.InvoiceTotal?.Amount, "invoiceTotal", required: true);
        Taxes(invoice.TaxTotals, "taxTotals", context);
        Charges(invoice.ChargeDetails, "chargeDetails", context);
        foreach (var (detail, at) in RuleContext.Indexed(invoice.AdditionalDetails, "additionalDetails"))
        {
            context.AdditionalDetail(detail?.Type, detail?.Detail, AdditionalDetailTypes, at);
        }

        var items = invoice.Items ?? new List<InvoiceItem>();
        context.RequiredList(invoice.Items, "items");
        for (var i = 0; i < items.Count; i++)
        {
            Item(items[i], $"items[{i}]", context);
        }

        context.UniqueSequenceNumbers(items.Select(item => item?.ItemSequenceNumber), "items");
        context.OneCurrency(invoice.InvoiceTotal?.CurrencyCode);
        if (items.Count > 0)
        {
            Total(invoice, items, context);
        }

        return context.Problems;
    }

    private static void Total(InvoiceDetail invoice, List<InvoiceItem> items, RuleContext context)
    {
        var sum = new InvoiceArithmetic();
        sum.Lines = sum.Sum(items, item => item?.NetCost?.Amount * item?.InvoicedQuantity?.Amount, "items", indexed: true);
        var charges = invoice.ChargeDetails is { Count: > 0 } ? invoice.ChargeDetails : items.SelectMany(i => i?.ChargeDetails ?? new()).ToList();
        sum.Charges = sum.Sum(charges, c => c?.ChargeAmount?.Amount, "chargeDetails");
        var lineTaxes = invoice.TaxTotals is { Count: > 0 }
            ? sum.Sum(invoice.TaxTotals, t => t?.TaxAmount?.Amount, "taxTotals")
            : sum.Sum(items.SelectMany(i => i?.TaxDetails ?? new()), t => t?.TaxAmount?.Amount, "items.taxDetails");
        var chargeTaxes = sum.Sum(charges.SelectMany(c => c?.TaxDetails ?? new()), t => t?.TaxAmount?.Amount, "chargeDetails.taxDetails");
        sum.Taxes = sum.Combine(() => lineTaxes + chargeTaxes, "taxTotals");
        sum.Check(invoice.InvoiceTotal?.Amount, context, "invoiceTotal.amount", hasAllowances: false);
    }

    private static void Item(InvoiceItem? item, string path, RuleContext context)
    {
        if (!context.Required(item, path))
        {
            return;
        }

        if (context.Required(item!.ItemSequenceNumber, path + ".itemSequenceNumber") && !LineNumber.IsMatch(item.ItemSequenceNumber!))
        {
            context.Add(path + ".itemSequenceNumber", $"'{item.ItemSequenceNumber}' is not a line number: the model numbers the lines 1, 2 and so on.");
        }

        if (context.Required(item.InvoicedQuantity, path + ".invoicedQuantity"))
        {
            context.PositiveQuantity(item.InvoicedQuantity!.Amount, path + ".invoicedQuantity.amount");
            context.Required(item.InvoicedQuantity.UnitOfMeasure, path + ".invoicedQuantity.unitOfMeasure");
        }

        context.Money(item.NetCost?.CurrencyCode, item.NetCost?.Amount, path + ".netCost", required: true, positive: true);
        context.Required(item.PurchaseOrderNumber, path + ".purchaseOrderNumber");
        context.PurchaseOrder(item.PurchaseOrderNumber, path + ".purchaseOrderNumber");
        context.HsnCode(item.HsnCode, path + ".hsnCode");
        Taxes(item.TaxDetails, path + ".taxDetails", context);
        Charges(item.ChargeDetails, path + ".chargeDetails", context);
    }

    private static void Party(PartyIdentification? party, string path, RuleContext context)
    {
        if (party is null)
        {
            return;
        }

        context.Required(party.PartyId, path + ".partyId");
        Address(party.Address, path + ".address", context);
        foreach (var (registration, at) in RuleContext.Indexed(party.TaxRegistrationDetails, path + ".taxRegistrationDetails"))
        {
            context.OneOf(registration?.TaxRegistrationType, at + ".taxRegistrationType", TaxRegistrationTypes, required: false);
            context.Required(registration?.TaxRegistrationNumber, at + ".taxRegistrationNumber");
            Address(registration?.TaxRegistrationAddress, at + ".taxRegistrationAddress", context);
        }
    }

    private static void Address(Address? address, string path, RuleContext context)
    {
        if (address is null)
        {
            return;
        }

        context.Required(address.Name, path + ".name");
        context.Required(address.AddressLine1, path + ".addressLine1");
        context.Required(address.City, path + ".city");
        context.Required(address.StateOrRegion, path + ".stateOrRegion");
        context.Required(address.PostalCode, path + ".postalCode");
        context.Country(address.CountryCode, path + ".countryCode", required: true);
    }

    private static void Taxes(List<TaxDetail>? taxes, string path, RuleContext context)
    {
        foreach (var (tax, at) in RuleContext.Indexed(taxes, path))
        {
            context.Tax(tax?.TaxType, tax?.TaxRate, tax?.TaxAmount?.CurrencyCode, tax?.TaxAmount?.Amount, tax?.TaxableAmount?.CurrencyCode, tax?.TaxableAmount?.Amount, at);
        }
    }

    private static void Charges(List<ChargeDetails>? charges, string path, RuleContext context)
    {
        foreach (var (charge, at) in RuleContext.Indexed(charges, path))
        {
            context.Adjustment(charge?.Type, ChargeTypes, charge?.ChargeAmount?.CurrencyCode, charge?.ChargeAmount?.Amount, at, "chargeAmount");
            Taxes(charge?.TaxDetails, at + ".taxDetails", context);
        }
    }
}
