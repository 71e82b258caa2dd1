using System.Globalization;
using System.Text.Json.Serialization;
using SpApi.Core.Json;

namespace SpApi.Core.Apis.VendorDirectFulfillmentPayments;

/// <summary>An amount of money: a Decimal (a string on the wire) and an ISO 4217 currency code; both required.</summary>
public sealed class Money
{
    /// <summary>The ISO 4217 currency code, for example EUR.</summary>
    public string? CurrencyCode { get; set; }

    /// <summary>The amount; sent as a decimal string with its scale kept.</summary>
    [JsonConverter(typeof(DecimalStringConverter))]
    public decimal? Amount { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Amount?.ToString(CultureInfo.InvariantCulture)} {CurrencyCode}".Trim();
}
