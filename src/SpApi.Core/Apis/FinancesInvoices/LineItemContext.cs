namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's LineItemContext: what a line is for.</summary>
public sealed class LineItemContext
{
    /// <summary>GOODS, SERVICES or OTHERS.</summary>
    public string? LineItemType { get; set; }

    /// <summary>The product's ids.</summary>
    public ReadableList<ItemIdentifier> ItemIdentifiers { get; set; } = new();

    /// <summary>The description.</summary>
    public string? ItemDescription { get; set; }

    /// <summary>For a service line: DAMAGE_ALLOWANCE, PRICE_PROTECTION, FBA_INVENTORY_STORAGE_FEE or OTHER.</summary>
    public string? ServiceChargeType { get; set; }

    /// <summary>For a service line: the period it charges for.</summary>
    public ServiceChargePeriod? ServiceChargePeriod { get; set; }

    /// <summary>How the line matched and what was paid for it.</summary>
    public MatchingContext? MatchingContext { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(", ", LineItemType, ItemDescription, ItemIdentifiers.Count == 0 ? null : ItemIdentifiers, MatchingContext);
}
