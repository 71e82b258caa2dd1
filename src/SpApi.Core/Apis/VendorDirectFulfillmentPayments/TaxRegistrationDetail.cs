namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>A tax registration of a party.</summary>
public sealed class TaxRegistrationDetail
{
    /// <summary>VAT or GST.</summary>
    public string? TaxRegistrationType { get; set; }

    /// <summary>The registration number, for example a VAT ID.</summary>
    public string? TaxRegistrationNumber { get; set; }

    /// <summary>The address of the registration.</summary>
    public Address? TaxRegistrationAddress { get; set; }

    /// <summary>A tax registration message.</summary>
    public string? TaxRegistrationMessage { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(" ", TaxRegistrationType, TaxRegistrationNumber);
}
