namespace SpApi.Core.Invoicing;

/// <summary>
/// The CSV columns New-SpVendorInvoice understands (one row per line item, invoices grouped by
/// InvoiceNumber) and where each goes in the two models. docs/vendor-invoices.md documents the same table,
/// and a test keeps the two in step.
/// </summary>
internal static class InvoiceCsvColumns
{
    private static readonly string[] Parties = { "RemitTo", "ShipFrom", "ShipTo", "BillTo" };

    private static readonly (string Suffix, string Vendor, string DirectFulfillment)[] PartyFields =
    {
        ("PartyId", "partyId", "partyId"),
        ("Name", "address.name", "address.name"),
        ("AddressLine1", "address.addressLine1", "address.addressLine1"),
        ("AddressLine2", "address.addressLine2", "address.addressLine2"),
        ("AddressLine3", "address.addressLine3", "address.addressLine3"),
        ("City", "address.city", "address.city"),
        ("County", "address.county", "address.county"),
        ("District", "address.district", "address.district"),
        ("StateOrRegion", "address.stateOrRegion", "address.stateOrRegion"),
        ("PostalCode", "address.postalOrZipCode", "address.postalCode"),
        ("CountryCode", "address.countryCode", "address.countryCode"),
        ("Phone", "address.phone", "address.phone"),
        ("TaxRegistrationType", "taxRegistrationDetails[0].taxRegistrationType", "taxRegistrationDetails[0].taxRegistrationType"),
        ("TaxRegistrationNumber", "taxRegistrationDetails[0].taxRegistrationNumber", "taxRegistrationDetails[0].taxRegistrationNumber"),
    };

    /// <summary>Every column: whether it describes the invoice (same on each of its rows) or the line, and its path in each model (null where the model has no such field).</summary>
    public static IReadOnlyList<InvoiceCsvColumn> All { get; } = Build();

    // The top-level properties of both models (id, invoiceType, invoiceTotal...): a column of that name may be a model's field.
    private static readonly HashSet<string> ModelProperties = new(
        typeof(Apis.VendorInvoices.Invoice).GetProperties().Concat(typeof(Apis.VendorDirectFulfillmentPayments.InvoiceDetail).GetProperties()).Select(p => p.Name),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="name"/> is a column of the CSV that is not also a property of either model, such as NetCost or RemitToPartyId.</summary>
    public static bool IsCsvOnly(string name) =>
        !ModelProperties.Contains(name) && All.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    private static List<InvoiceCsvColumn> Build()
    {
        var columns = new List<InvoiceCsvColumn>
        {
            Header("InvoiceNumber", "id", "invoiceNumber"),
            Header("InvoiceType", "invoiceType", null),
            Header("InvoiceDate", "date", "invoiceDate"),
            Header("ReferenceNumber", "referenceNumber", "referenceNumber"),
            Header("CurrencyCode", null, null),
            Header("InvoiceTotal", "invoiceTotal", "invoiceTotal", money: true),
            Header("ShipToCountryCode", null, "shipToCountryCode"),
            Header("PaymentTermsCode", null, "paymentTermsCode"),
            Header("PaymentTermsType", "paymentTerms.type", null),
            Header("PaymentTermsDiscountPercent", "paymentTerms.discountPercent", null),
            Header("PaymentTermsDiscountDueDays", "paymentTerms.discountDueDays", null),
            Header("PaymentTermsNetDueDays", "paymentTerms.netDueDays", null),
            Line("ItemSequenceNumber", "itemSequenceNumber", "itemSequenceNumber"),
            Line("PurchaseOrderNumber", "purchaseOrderNumber", "purchaseOrderNumber"),
            Line("Asin", "amazonProductIdentifier", "buyerProductIdentifier"),
            Line("VendorProductIdentifier", "vendorProductIdentifier", "vendorProductIdentifier"),
            Line("VendorOrderNumber", null, "vendorOrderNumber"),
            Line("Quantity", "invoicedQuantity.amount", "invoicedQuantity.amount"),
            Line("UnitOfMeasure", "invoicedQuantity.unitOfMeasure", "invoicedQuantity.unitOfMeasure"),
            Line("UnitSize", "invoicedQuantity.unitSize", null),
            Line("NetCost", "netCost", "netCost", money: true),
            Line("HsnCode", "hsnCode", "hsnCode"),
            Line("TaxType", "taxDetails[0].taxType", "taxDetails[0].taxType"),
            Line("TaxRate", "taxDetails[0].taxRate", "taxDetails[0].taxRate"),
            Line("TaxAmount", "taxDetails[0].taxAmount", "taxDetails[0].taxAmount", money: true),
            Line("TaxableAmount", "taxDetails[0].taxableAmount", "taxDetails[0].taxableAmount", money: true),
            Line("ChargeType", "chargeDetails[0].type", "chargeDetails[0].type"),
            Line("ChargeAmount", "chargeDetails[0].chargeAmount", "chargeDetails[0].chargeAmount", money: true),
            Line("AllowanceType", "allowanceDetails[0].type", null),
            Line("AllowanceAmount", "allowanceDetails[0].allowanceAmount", null, money: true),
            Line("ReferenceInvoiceNumber", "creditNoteDetails.referenceInvoiceNumber", null),
            Line("DebitNoteNumber", "creditNoteDetails.debitNoteNumber", null),
            Line("ReturnsReferenceNumber", "creditNoteDetails.returnsReferenceNumber", null),
            Line("GoodsReturnDate", "creditNoteDetails.goodsReturnDate", null),
            Line("RmaId", "creditNoteDetails.rmaId", null),
            Line("CoopReferenceNumber", "creditNoteDetails.coopReferenceNumber", null),
            Line("ConsignorsReferenceNumber", "creditNoteDetails.consignorsReferenceNumber", null),
        };
        foreach (var party in Parties)
        {
            var model = char.ToLowerInvariant(party[0]) + party.Substring(1) + "Party.";
            foreach (var (suffix, vendor, directFulfillment) in PartyFields)
            {
                // Direct Fulfillment invoices have no ship-to party, only shipToCountryCode.
                columns.Add(Header(party + suffix, model + vendor, party == "ShipTo" ? null : model + directFulfillment));
            }
        }

        return columns;
    }

    private static InvoiceCsvColumn Header(string name, string? vendor, string? directFulfillment, bool money = false) =>
        new(name, IsLine: false, vendor, directFulfillment, money);

    private static InvoiceCsvColumn Line(string name, string? vendor, string? directFulfillment, bool money = false) =>
        new(name, IsLine: true, vendor, directFulfillment, money);
}

/// <summary>One CSV column: its name, whether it belongs to the line or the invoice, its path in each model, and whether it is an amount of money.</summary>
internal sealed record InvoiceCsvColumn(string Name, bool IsLine, string? VendorPath, string? DirectFulfillmentPath, bool IsMoney)
{
    public string? PathFor(InvoiceApi api) => api == InvoiceApi.DirectFulfillment ? DirectFulfillmentPath : VendorPath;
}
