using System.Globalization;
using System.Text.Json;

namespace SpApi.Core.Invoicing;

/// <summary>
/// The neutral form every invoice input is turned into before it is read into a model: dictionaries with
/// case-insensitive keys, lists, and plain values. JSON numbers become decimals from their exact text.
/// </summary>
public static class PlainTree
{
    /// <summary>A new dictionary with the keys compared as the models' readers expect.</summary>
    public static Dictionary<string, object?> NewObject() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Converts a parsed JSON value.</summary>
    public static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = NewObject();
                foreach (var property in element.EnumerateObject())
                {
                    result[property.Name] = FromJson(property.Value);
                }

                return result;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(FromJson).ToList();
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                // The exact text: 12.50 stays 12.50, and no amount passes through a double.
                return decimal.TryParse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : element.GetRawText();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
