namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>A charge (gift wrap, fulfillment...), with its taxes.</summary>
public sealed class ChargeDetails
{
    /// <summary>The charge type, for example GIFTWRAP.</summary>
    public string? Type { get; set; }

    /// <summary>The charge's amount.</summary>
    public Money? ChargeAmount { get; set; }

    /// <summary>Taxes applied on the charge.</summary>
    public ReadableList<TaxDetail>? TaxDetails { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(" ", Type, ChargeAmount);
}
