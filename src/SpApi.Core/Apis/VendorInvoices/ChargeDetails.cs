namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>A charge (freight, packing, duty...), with its taxes.</summary>
public sealed class ChargeDetails
{
    /// <summary>The charge type, for example Freight.</summary>
    public string? Type { get; set; }

    /// <summary>A description of the charge.</summary>
    public string? Description { get; set; }

    /// <summary>The charge's amount.</summary>
    public Money? ChargeAmount { get; set; }

    /// <summary>Taxes applied on the charge.</summary>
    public ReadableList<TaxDetails>? TaxDetails { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(" ", Type, ChargeAmount);
}
