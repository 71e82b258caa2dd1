namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>A physical address. Vendor invoices call the postal code postalOrZipCode.</summary>
public sealed class Address
{
    /// <summary>The name of the person, business or institution.</summary>
    public string? Name { get; set; }

    /// <summary>First line of the street address.</summary>
    public string? AddressLine1 { get; set; }

    /// <summary>Additional address information.</summary>
    public string? AddressLine2 { get; set; }

    /// <summary>Additional address information.</summary>
    public string? AddressLine3 { get; set; }

    /// <summary>The city.</summary>
    public string? City { get; set; }

    /// <summary>The county.</summary>
    public string? County { get; set; }

    /// <summary>The district.</summary>
    public string? District { get; set; }

    /// <summary>The state or region.</summary>
    public string? StateOrRegion { get; set; }

    /// <summary>The postal or zip code.</summary>
    public string? PostalOrZipCode { get; set; }

    /// <summary>The ISO 3166-1 alpha-2 country code.</summary>
    public string? CountryCode { get; set; }

    /// <summary>The phone number.</summary>
    public string? Phone { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(", ", Name, AddressLine1, AddressLine2, AddressLine3, City, County, District, StateOrRegion, PostalOrZipCode, CountryCode);
}
