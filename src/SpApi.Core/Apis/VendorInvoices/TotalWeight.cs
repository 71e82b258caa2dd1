using System.Text.Json.Serialization;
using SpApi.Core.Json;

namespace SpApi.Core.Apis.VendorInvoices;

/// <summary>The aggregate weight of an item sold by weight.</summary>
public sealed class TotalWeight
{
    /// <summary>POUNDS, OUNCES, GRAMS or KILOGRAMS.</summary>
    public string? UnitOfMeasure { get; set; }

    /// <summary>The weight.</summary>
    [JsonConverter(typeof(DecimalStringConverter))]
    public decimal? Amount { get; set; }

    /// <inheritdoc />
    public override string ToString() => ModelText.Join(" ", Amount, UnitOfMeasure);
}
