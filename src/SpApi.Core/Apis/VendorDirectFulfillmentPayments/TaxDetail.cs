using System.Text.Json.Serialization;
using SpApi.Core.Json;

namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>A tax applied to the invoice, a line or a charge.</summary>
public sealed class TaxDetail
{
    /// <summary>The tax type, for example VAT, GST, CGST or MwSt.</summary>
    public string? TaxType { get; set; }

    /// <summary>The tax rate, expressed as a decimal.</summary>
    [JsonConverter(typeof(DecimalStringConverter))]
    public decimal? TaxRate { get; set; }

    /// <summary>The tax amount.</summary>
    public Money? TaxAmount { get; set; }

    /// <summary>The amount the rate applies to.</summary>
    public Money? TaxableAmount { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(": ", ModelText.Join(" ", TaxType, ModelText.Labelled("rate {0}", TaxRate)), TaxAmount);
}
