namespace SpApi.Core.Apis.VendorInvoices;

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

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(" ", Amount, UnitOfMeasure);
}
