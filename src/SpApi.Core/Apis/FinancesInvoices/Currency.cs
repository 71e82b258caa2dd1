using System.Globalization;

namespace SpApi.Core.Apis.FinancesInvoices;

/// <summary>
/// The model's Currency: an amount and its ISO 4217 code. The amount is the model's BigDecimal, a JSON
/// number, read straight into decimal (System.Text.Json parses the digits, no double on the way), so
/// 12345678901234.5678 and 0.1 arrive exactly and keep their scale.
/// </summary>
public sealed class Currency
{
    /// <summary>The ISO 4217 currency code, for example USD.</summary>
    public string? CurrencyCode { get; set; }

    /// <summary>The amount.</summary>
    public decimal? CurrencyAmount { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{CurrencyAmount?.ToString(CultureInfo.InvariantCulture)} {CurrencyCode}".Trim();
}
