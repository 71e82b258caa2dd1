namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>Additional information for tax-related or other purposes.</summary>
public sealed class AdditionalDetails
{
    /// <summary>SUR or OCR.</summary>
    public string? Type { get; set; }

    /// <summary>The detail.</summary>
    public string? Detail { get; set; }

    /// <summary>The language of the detail.</summary>
    public string? LanguageCode { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(": ", Type, Detail);
}
