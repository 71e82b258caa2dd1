namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>Name, address and tax details of a party.</summary>
public sealed class PartyIdentification
{
    /// <summary>The party's assigned identification.</summary>
    public string? PartyId { get; set; }

    /// <summary>The party's address.</summary>
    public Address? Address { get; set; }

    /// <summary>The party's tax registrations: an array, even with one entry.</summary>
    public ReadableList<TaxRegistrationDetail>? TaxRegistrationDetails { get; set; }

    /// <inheritdoc />
    public override string ToString() => PartyId ?? string.Empty;
}
