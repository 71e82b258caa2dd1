namespace SpApi.Core.Apis.VendorInvoices;

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
    public ReadableList<TaxDetails>? TaxDetails { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(" ", Type, AllowanceAmount);
}
