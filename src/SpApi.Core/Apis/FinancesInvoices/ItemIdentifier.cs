namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>The model's ItemIdentifier: how a line names its product.</summary>
public sealed class ItemIdentifier
{
    /// <summary>ASIN, EXTERNAL_ID, SKU, UPC, EAN or ISBN.</summary>
    public string? ItemIdentifierName { get; set; }

    /// <summary>The id.</summary>
    public string? ItemIdentifierValue { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{ItemIdentifierName} {ItemIdentifierValue}";
}
