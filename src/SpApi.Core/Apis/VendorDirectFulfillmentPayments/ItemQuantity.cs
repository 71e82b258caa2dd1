namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>A quantity and its unit of measure.</summary>
public sealed class ItemQuantity
{
    /// <summary>The quantity.</summary>
    public int? Amount { get; set; }

    /// <summary>The unit of measure.</summary>
    public string? UnitOfMeasure { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(" ", Amount, UnitOfMeasure);
}
