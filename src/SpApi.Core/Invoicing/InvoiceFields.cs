using System.Globalization;

namespace SpApi.Core.Invoicing;

/// <summary>
/// An invoice given field by field (New-SpVendorInvoice's parameters), in terms common to both models.
/// Parties may be a party id or an object; lists are plain trees or model objects.
/// </summary>
public sealed class InvoiceFields
{
    /// <summary>The invoice number: id (vendor) or invoiceNumber (Direct Fulfillment).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Invoice or CreditNote (vendor only); Invoice when not given.</summary>
    public string? InvoiceType { get; set; }

    /// <summary>The invoice date: date or invoiceDate.</summary>
    public DateTimeOffset Date { get; set; }

    /// <summary>An additional reference number.</summary>
    public string? ReferenceNumber { get; set; }

    /// <summary>The party receiving the payment.</summary>
    public object? RemitToParty { get; set; }

    /// <summary>The party sending the goods.</summary>
    public object? ShipFromParty { get; set; }

    /// <summary>The party receiving the goods (vendor only).</summary>
    public object? ShipToParty { get; set; }

    /// <summary>The party the invoice is issued to.</summary>
    public object? BillToParty { get; set; }

    /// <summary>The invoice total.</summary>
    public decimal InvoiceTotal { get; set; }

    /// <summary>The invoice's currency, given to every amount without one.</summary>
    public string CurrencyCode { get; set; } = string.Empty;

    /// <summary>The line items; lines without itemSequenceNumber are numbered by position.</summary>
    public List<object?>? Items { get; set; }

    /// <summary>The invoice's taxes: taxDetails (vendor) or taxTotals (Direct Fulfillment).</summary>
    public object? TaxDetails { get; set; }

    /// <summary>The invoice's charges.</summary>
    public object? ChargeDetails { get; set; }

    /// <summary>The invoice's allowances (vendor only).</summary>
    public object? AllowanceDetails { get; set; }

    /// <summary>Reads the fields as <paramref name="api"/>'s model, reporting what does not fit as InvoiceInput.Read does.</summary>
    public VendorInvoiceTestResult Read(InvoiceApi api)
    {
        var directFulfillment = api == InvoiceApi.DirectFulfillment;
        var tree = PlainTree.NewObject();
        tree[directFulfillment ? "invoiceNumber" : "id"] = Id;
        tree[directFulfillment ? "invoiceDate" : "date"] = Date;
        Add(tree, "invoiceType", InvoiceType ?? (directFulfillment ? null : "Invoice"));
        Add(tree, "referenceNumber", ReferenceNumber);
        Add(tree, "remitToParty", Party(RemitToParty));
        Add(tree, "shipFromParty", Party(ShipFromParty));
        Add(tree, "shipToParty", Party(ShipToParty));
        Add(tree, "billToParty", Party(BillToParty));
        tree["invoiceTotal"] = new Dictionary<string, object?> { ["amount"] = InvoiceTotal, ["currencyCode"] = CurrencyCode };
        Add(tree, directFulfillment ? "taxTotals" : "taxDetails", TaxDetails);
        Add(tree, "chargeDetails", ChargeDetails);
        Add(tree, "allowanceDetails", AllowanceDetails);
        if (Items is not null)
        {
            NumberLines(Items);
            tree["items"] = Items;
        }

        var result = InvoiceInput.Read(tree, api);
        if (result.Invoice is { } invoice)
        {
            MoneyDefaults.FillCurrency(invoice, CurrencyCode);
        }

        return result;
    }

    /// <summary>Numbers the lines that have no itemSequenceNumber by their position, as the models count: 1, 2 and so on.</summary>
    internal static void NumberLines(IReadOnlyList<object?> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is Dictionary<string, object?> line && !line.ContainsKey("itemSequenceNumber"))
            {
                line["itemSequenceNumber"] = (i + 1).ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    // A party given as text is its party id, the usual case for Amazon's side (billToParty) and for vendor codes.
    private static object? Party(object? party) => party is string partyId ? new Dictionary<string, object?> { ["partyId"] = partyId } : party;

    private static void Add(Dictionary<string, object?> tree, string name, object? value)
    {
        if (value is not null)
        {
            tree[name] = value;
        }
    }
}
