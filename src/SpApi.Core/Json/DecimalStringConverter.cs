using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpApi.Core.Json;

/// <summary>
/// The models' Decimal: a JSON string such as "1428.00", never a JSON number, so no amount passes through
/// floating point. The value keeps its scale: 12.50m is sent as "12.50".
/// </summary>
public sealed class DecimalStringConverter : JsonConverter<decimal?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when DecimalText.TryParse(reader.GetString(), out var value):
                return value;
            case JsonTokenType.String when DecimalText.IsOutOfRange(reader.GetString()):
                // Only digits, '.', 'e' and signs match the pattern, so the server's text is safe to quote.
                throw new JsonException($"The Decimal \"{reader.GetString()}\" is outside the range of a decimal (at most {decimal.MaxValue.ToString(CultureInfo.InvariantCulture)} either way).");
            default:
                throw new JsonException($"A Decimal must be a string matching {DecimalText.Pattern}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } amount)
        {
            writer.WriteStringValue(amount.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
