namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>A tax registration of a party.</summary>
public sealed class TaxRegistrationDetails
{
    /// <summary>VAT or GST.</summary>
    public string? TaxRegistrationType { get; set; }

    /// <summary>The registration number, for example a VAT ID.</summary>
    public string? TaxRegistrationNumber { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(" ", TaxRegistrationType, TaxRegistrationNumber);
}
