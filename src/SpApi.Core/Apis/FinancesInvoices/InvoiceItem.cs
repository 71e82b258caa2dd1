namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's InvoiceItem: one line of an invoice as Amazon recorded it.</summary>
public sealed class InvoiceItem
{
    /// <summary>The line's id.</summary>
    public string? LineItemId { get; set; }

    /// <summary>The cost of one unit.</summary>
    public Currency? UnitCost { get; set; }

    /// <summary>The number of units.</summary>
    public int? Quantity { get; set; }

    /// <summary>Country and tax rate pairs, for example "DE 19".</summary>
    public ReadableList<string> TaxRateCodes { get; set; } = new();

    /// <summary>The line's total, tax included.</summary>
    public Currency? TotalAmount { get; set; }

    /// <summary>The parts of the total: ItemCostWithoutTax, ItemTaxAmount, Other.</summary>
    public ReadableList<Breakdown> TotalAmountBreakdown { get; set; } = new();

    /// <summary>What the line is for and how it matched.</summary>
    public LineItemContext? LineItemContext { get; set; }

    /// <summary>The line's purchase orders, ASNs and other ids.</summary>
    public ReadableList<RelatedIdentifier> RelatedItemIdentifiers { get; set; } = new();

    /// <inheritdoc />
    public override string ToString() =>
        ModelText.Join(" ", LineItemId is null ? null : LineItemId + ":", Quantity is null ? null : $"{Quantity} x", UnitCost, TotalAmount is null ? null : $"= {TotalAmount}");
}
