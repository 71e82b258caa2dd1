namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's PartnerMetadata: the payer or the payee of an invoice.</summary>
public sealed class PartnerMetadata
{
    /// <summary>The partner's id.</summary>
    public string? PartnerId { get; set; }

    /// <summary>SELLER, VENDOR or AMAZON.</summary>
    public string? PartnerType { get; set; }

    /// <summary>The partner's entities, for a vendor its vendor codes.</summary>
    public ReadableList<string> PartnerEntities { get; set; } = new();

    /// <summary>The partner's name.</summary>
    public string? PartnerName { get; set; }

    /// <summary>The partner's address.</summary>
    public string? PartnerAddress { get; set; }

    /// <summary>The partner's tax registration number.</summary>
    public string? TaxRegistrationNumber { get; set; }

    /// <inheritdoc />
    public override string ToString() => PartnerName ?? PartnerId ?? string.Empty;
}
