using SpApi.Core.Apis.VendorInvoices;

namespace SpApi.Core.Invoicing;

/// <summary>
/// The rules of vendorInvoices.json, checked locally: required fields, enums, formats, the one currency,
/// and the total. Each rule is listed in docs/vendor-invoices.md with the model text it comes from.
/// </summary>
public static class VendorInvoiceRules
{
    private static readonly string[] InvoiceTypes = { "Invoice", "CreditNote" };
    private static readonly string[] TaxRegistrationTypes = { "VAT", "GST" };
    private static readonly string[] AdditionalDetailTypes = { "SUR", "OCR", "CartonCount" };
    private static readonly string[] ChargeTypes =
    {
        "Freight", "Packing", "Duty", "Service", "SmallOrder", "InsurancePlacementCost", "InsuranceFee",
        "SpecialHandlingService", "CollectionAndRecyclingService", "EnvironmentalProtectionService", "TaxCollectedAtSource",
    };

    private static readonly string[] AllowanceTypes = { "Discount", "DiscountIncentive", "Defective", "Promotional", "UnsaleableMerchandise", "Special" };
    private static readonly string[] PaymentTermsTypes = { "Basic", "EndOfMonth", "FixedDate", "Proximo", "PaymentDueUponReceiptOfInvoice", "LetterofCredit" };
    private static readonly string[] QuantityUnits = { "Cases", "Eaches" };
    private static readonly string[] WeightUnits = { "POUNDS", "OUNCES", "GRAMS", "KILOGRAMS" };

    /// <summary>The model's TaxDetails.taxType enum, shared with Direct Fulfillment's TaxDetail.</summary>
    internal static readonly string[] TaxTypes =
    {
        "CGST", "SGST", "CESS", "UTGST", "IGST", "MwSt.", "PST", "TVA", "VAT", "GST", "ST", "Consumption", "MutuallyDefined", "DomesticVAT",
    };

    /// <summary>Every problem of the invoice; empty when it may be sent.</summary>
    public static IReadOnlyList<InvoiceProblem> Check(Invoice invoice)
    {
        var context = new RuleContext();
        context.OneOf(invoice.InvoiceType, "invoiceType", InvoiceTypes, required: true);
        context.Required(invoice.Id, "id", "is required: the invoice or credit note number (the model: failure to provide it results in a rejection)");
        context.Required(invoice.Date, "date");
        if (context.Required(invoice.RemitToParty, "remitToParty"))
        {
            Party(invoice.RemitToParty!, "remitToParty", context);
        }

        Party(invoice.ShipToParty, "shipToParty", context);
        Party(invoice.ShipFromParty, "shipFromParty", context);
        Party(invoice.BillToParty, "billToParty", context);
        PaymentTerms(invoice.PaymentTerms, context);
        context.Money(invoice.InvoiceTotal?.CurrencyCode, invoice.InvoiceTotal?.Amount, "invoiceTotal", required: true);
        Taxes(invoice.TaxDetails, "taxDetails", context);
        Charges(invoice.ChargeDetails, "chargeDetails", context);
        Allowances(invoice.AllowanceDetails, "allowanceDetails", context);
        foreach (var (detail, at) in RuleContext.Indexed(invoice.AdditionalDetails, "additionalDetails"))
        {
            context.AdditionalDetail(detail?.Type, detail?.Detail, AdditionalDetailTypes, at);
        }

        var items = invoice.Items ?? new List<InvoiceItem>();
        for (var i = 0; i < items.Count; i++)
        {
            Item(items[i], $"items[{i}]", invoice.InvoiceType == "CreditNote", context);
        }

        context.UniqueSequenceNumbers(items.Select(item => item?.ItemSequenceNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)), "items");
        context.OneCurrency(invoice.InvoiceTotal?.CurrencyCode);
        if (items.Count > 0)
        {
            Total(invoice, items, context);
        }

        return context.Problems;
    }

    private static void Total(Invoice invoice, List<InvoiceItem> items, RuleContext context)
    {
        var sum = new InvoiceArithmetic();
        sum.Lines = sum.Sum(items, LineAmount, "items", indexed: true);
        var charges = invoice.ChargeDetails is { Count: > 0 } ? invoice.ChargeDetails : items.SelectMany(i => i?.ChargeDetails ?? new()).ToList();
        var allowances = invoice.AllowanceDetails is { Count: > 0 } ? invoice.AllowanceDetails : items.SelectMany(i => i?.AllowanceDetails ?? new()).ToList();
        sum.Charges = sum.Sum(charges, c => c?.ChargeAmount?.Amount, "chargeDetails");
        sum.Allowances = sum.Sum(allowances, a => a?.AllowanceAmount?.Amount, "allowanceDetails");
        var lineTaxes = invoice.TaxDetails is { Count: > 0 }
            ? sum.Sum(invoice.TaxDetails, t => t?.TaxAmount?.Amount, "taxDetails")
            : sum.Sum(items.SelectMany(i => i?.TaxDetails ?? new()), t => t?.TaxAmount?.Amount, "items.taxDetails");
        var chargeTaxes = sum.Sum(charges.SelectMany(c => c?.TaxDetails ?? new()), t => t?.TaxAmount?.Amount, "chargeDetails.taxDetails");
        var allowanceTaxes = sum.Sum(allowances.SelectMany(a => a?.TaxDetails ?? new()), t => t?.TaxAmount?.Amount, "allowanceDetails.taxDetails");
        sum.Taxes = sum.Combine(() => lineTaxes + chargeTaxes - allowanceTaxes, "taxDetails");
        sum.Check(invoice.InvoiceTotal?.Amount, context, "invoiceTotal.amount", hasAllowances: true);
    }

    // Items priced by weight cost netCost per netCostUnitOfMeasure (the model: "E.g.: $5/LB"), so the weight counts, not the quantity.
    private static decimal? LineAmount(InvoiceItem? item) => item?.NetCostUnitOfMeasure is null
        ? item?.NetCost?.Amount * item?.InvoicedQuantity?.Amount
        : item.NetCost?.Amount * item.InvoicedQuantity?.TotalWeight?.Amount;

    private static void Item(InvoiceItem? item, string path, bool creditNote, RuleContext context)
    {
        if (!context.Required(item, path))
        {
            return;
        }

        if (context.Required(item!.ItemSequenceNumber, path + ".itemSequenceNumber") && item.ItemSequenceNumber <= 0)
        {
            context.Add(path + ".itemSequenceNumber", $"{item.ItemSequenceNumber} must be a positive line number.");
        }

        var quantity = item.InvoicedQuantity;
        if (context.Required(quantity, path + ".invoicedQuantity"))
        {
            context.PositiveQuantity(quantity!.Amount, path + ".invoicedQuantity.amount");
            context.OneOf(quantity.UnitOfMeasure, path + ".invoicedQuantity.unitOfMeasure", QuantityUnits, required: true);
            if (quantity.UnitOfMeasure == "Cases" && context.Required(quantity.UnitSize, path + ".invoicedQuantity.unitSize", "is required when unitOfMeasure is Cases: the case size") && quantity.UnitSize <= 0)
            {
                context.Add(path + ".invoicedQuantity.unitSize", $"{quantity.UnitSize} must be greater than zero.");
            }

            if (quantity.TotalWeight is { } weight)
            {
                context.OneOf(weight.UnitOfMeasure, path + ".invoicedQuantity.totalWeight.unitOfMeasure", WeightUnits, required: true);
                context.Required(weight.Amount, path + ".invoicedQuantity.totalWeight.amount");
            }
        }

        context.Money(item.NetCost?.CurrencyCode, item.NetCost?.Amount, path + ".netCost", required: true, positive: true);
        if (item.NetCostUnitOfMeasure is not null)
        {
            context.OneOf(item.NetCostUnitOfMeasure, path + ".netCostUnitOfMeasure", WeightUnits, required: false);
            if (quantity?.TotalWeight?.UnitOfMeasure != item.NetCostUnitOfMeasure)
            {
                context.Add(path + ".invoicedQuantity.totalWeight", $"is required in {item.NetCostUnitOfMeasure} when netCostUnitOfMeasure is {item.NetCostUnitOfMeasure}: an item priced by weight is invoiced by its weight.");
            }
        }

        if (!creditNote)
        {
            context.Required(item.PurchaseOrderNumber, path + ".purchaseOrderNumber", "is required on an Invoice (the model: mandatory when invoiceType is Invoice)");
        }
        else
        {
            context.Required(item.CreditNoteDetails, path + ".creditNoteDetails", "is required on a CreditNote line (the model: required if invoiceType is CreditNote)");
        }

        if (item.CreditNoteDetails?.ReturnsReferenceNumber is not null)
        {
            context.Required(item.CreditNoteDetails.GoodsReturnDate, path + ".creditNoteDetails.goodsReturnDate", "is required with returnsReferenceNumber (the model: mandatory for returns credit notes)");
        }

        context.PurchaseOrder(item.PurchaseOrderNumber, path + ".purchaseOrderNumber");
        context.HsnCode(item.HsnCode, path + ".hsnCode");
        Taxes(item.TaxDetails, path + ".taxDetails", context);
        Charges(item.ChargeDetails, path + ".chargeDetails", context);
        Allowances(item.AllowanceDetails, path + ".allowanceDetails", context);
    }

    private static void Party(PartyIdentification? party, string path, RuleContext context)
    {
        if (party is null)
        {
            return;
        }

        context.Required(party.PartyId, path + ".partyId");
        if (party.Address is { } address)
        {
            context.Required(address.Name, path + ".address.name");
            context.Required(address.AddressLine1, path + ".address.addressLine1");
            context.Country(address.CountryCode, path + ".address.countryCode", required: true);
        }

        foreach (var (registration, at) in RuleContext.Indexed(party.TaxRegistrationDetails, path + ".taxRegistrationDetails"))
        {
            context.OneOf(registration?.TaxRegistrationType, at + ".taxRegistrationType", TaxRegistrationTypes, required: true);
            context.Required(registration?.TaxRegistrationNumber, at + ".taxRegistrationNumber");
        }
    }

    private static void PaymentTerms(PaymentTerms? terms, RuleContext context)
    {
        if (terms is null)
        {
            return;
        }

        context.OneOf(terms.Type, "paymentTerms.type", PaymentTermsTypes, required: false);
        if (terms.DiscountPercent is < 0 or > 100)
        {
            context.Add("paymentTerms.discountPercent", $"{terms.DiscountPercent} must be a percentage from 0 to 100.");
        }

        foreach (var (days, name) in new[] { (terms.DiscountDueDays, "discountDueDays"), (terms.NetDueDays, "netDueDays") })
        {
            if (days is { } value && (value < 0 || value != decimal.Truncate(value)))
            {
                context.Add("paymentTerms." + name, $"{value} must be a whole number of calendar days, zero or more.");
            }
        }
    }

    private static void Taxes(List<TaxDetails>? taxes, string path, RuleContext context)
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

    private static void Allowances(List<AllowanceDetails>? allowances, string path, RuleContext context)
    {
        foreach (var (allowance, at) in RuleContext.Indexed(allowances, path))
        {
            context.Adjustment(allowance?.Type, AllowanceTypes, allowance?.AllowanceAmount?.CurrencyCode, allowance?.AllowanceAmount?.Amount, at, "allowanceAmount");
            Taxes(allowance?.TaxDetails, at + ".taxDetails", context);
        }
    }
}
