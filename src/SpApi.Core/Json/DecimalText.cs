using System.Globalization;
using System.Text.RegularExpressions;

namespace SpApi.Core.Json;

/// <summary>The text form of the models' Decimal definition.</summary>
public static class DecimalText
{
    /// <summary>The pattern in the Decimal definition of vendorInvoices.json and vendorDirectFulfillmentPaymentsV1.json.</summary>
    public const string Pattern = @"^-?(0|([1-9]\d*))(\.\d+)?([eE][+-]?\d+)?$";

    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly Regex Matcher = new(Pattern, RegexOptions.CultureInvariant);

    /// <summary>Parses text that matches <see cref="Pattern"/>; anything else (12,50, $12, 012, 1.) is refused.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        return text is not null
            && Matcher.IsMatch(text)
            && decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True for text in the model's format whose value a decimal cannot hold (1e40, 30 digits): not a typo of the format.</summary>
    public static bool IsOutOfRange(string? text) =>
        text is not null && Matcher.IsMatch(text) && !decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out _);
}
