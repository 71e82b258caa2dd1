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

    /// <summary>
    /// Converts a parsed JSON value. A key that comes twice in one object (in any case, as the readers
    /// compare keys) is a <see cref="DuplicateJsonKeyException"/>: which of the two was meant cannot be known,
    /// and taking the last, as JSON parsers do, would send a value the person may never have seen.
    /// </summary>
    public static object? FromJson(JsonElement element) => FromJson(element, "$");

    private static object? FromJson(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = NewObject();
                foreach (var property in element.EnumerateObject())
                {
                    var propertyPath = PathOf(path, property.Name);
                    if (result.ContainsKey(property.Name))
                    {
                        throw new DuplicateJsonKeyException(property.Name, propertyPath);
                    }

                    result[property.Name] = FromJson(property.Value, propertyPath);
                }

                return result;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select((item, i) => FromJson(item, $"{path}[{i}]")).ToList();
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

    // $.invoices[0].id, or $['odd key'] for a key that is not a plain name.
    private static string PathOf(string parent, string key) =>
        key.Length > 0 && key.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? $"{parent}.{key}"
            : $"{parent}['{key.Replace("'", "\\'")}']";
}

/// <summary>A JSON object with the same key twice (compared as the invoice readers compare keys: in any case).</summary>
public sealed class DuplicateJsonKeyException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public DuplicateJsonKeyException(string key, string jsonPath)
        : base($"the key \"{key}\" appears twice in one object, at {jsonPath}; JSON readers would silently take the last value, so the input is refused.")
    {
        Key = key;
        JsonPath = jsonPath;
    }

    /// <summary>The repeated key, as it was written the second time.</summary>
    public string Key { get; }

    /// <summary>The JSON path of the second occurrence, for example $.invoices[0].id.</summary>
    public string JsonPath { get; }
}
