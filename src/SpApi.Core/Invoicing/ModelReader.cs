using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using SpApi.Core.Json;

namespace SpApi.Core.Invoicing;

/// <summary>
/// Reads a plain tree (see <see cref="PlainTree"/>) into a model type, property by property, and reports
/// every value that does not fit as a problem with its path instead of stopping at the first. This is where
/// shape mistakes are caught: an object where the model has an array, a comma in an amount, a date that is
/// not ISO 8601, a property the model does not have.
/// </summary>
public static class ModelReader
{
    private static readonly Regex IsoDate = new(
        @"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?$", RegexOptions.CultureInvariant);

    private static readonly Dictionary<Type, PropertyInfo[]> PropertiesByType = new();

    /// <summary>Reads <paramref name="source"/> as a <typeparamref name="T"/>; problems are added with paths below <paramref name="path"/>.</summary>
    public static T? Read<T>(object? source, string path, ICollection<InvoiceProblem> problems)
        where T : class => (T?)ReadValue(typeof(T), source, path, problems);

    /// <summary>The model's (camelCase) name of a property.</summary>
    public static string JsonName(PropertyInfo property) =>
        char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

    private static object? ReadValue(Type type, object? source, string path, ICollection<InvoiceProblem> problems)
    {
        if (source is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsInstanceOfType(source) && target != typeof(object))
        {
            return source;
        }

        if (target == typeof(string))
        {
            return ReadString(source, path, problems);
        }

        if (target == typeof(int))
        {
            return ReadInteger(source, path, problems);
        }

        if (target == typeof(decimal))
        {
            return ReadDecimal(source, path, problems);
        }

        if (target == typeof(DateTimeOffset))
        {
            return ReadDate(source, path, problems);
        }

        if (target.IsGenericType && target.GetGenericTypeDefinition() is var list && (list == typeof(List<>) || list == typeof(Apis.ReadableList<>)))
        {
            return ReadList(target, source, path, problems);
        }

        return ReadObject(target, source, path, problems);
    }

    private static object? ReadObject(Type type, object source, string path, ICollection<InvoiceProblem> problems)
    {
        if (source is not IDictionary fields)
        {
            // A bare number or text where the model has Money: the amount, with the currency to come from elsewhere.
            if (type.Name == "Money" && source is not IEnumerable or string)
            {
                var money = Activator.CreateInstance(type)!;
                type.GetProperty("Amount")!.SetValue(money, ReadDecimal(source, Join(path, "amount"), problems));
                return money;
            }

            problems.Add(new InvoiceProblem(path, $"must be an object with the model's {type.Name} fields, not {Describe(source)}."));
            return null;
        }

        var result = Activator.CreateInstance(type)!;
        var properties = Properties(type);
        foreach (DictionaryEntry field in fields)
        {
            var name = Convert.ToString(field.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                problems.Add(new InvoiceProblem(Join(path, name), UnknownProperty(type, name)));
                continue;
            }

            property.SetValue(result, ReadValue(property.PropertyType, field.Value, Join(path, JsonName(property)), problems));
        }

        return result;
    }

    private static object? ReadList(Type listType, object source, string path, ICollection<InvoiceProblem> problems)
    {
        if (source is string or IDictionary || source is not IEnumerable items)
        {
            problems.Add(new InvoiceProblem(path, $"must be an array (a list), even with one entry, not {Describe(source)}."));
            return null;
        }

        var elementType = listType.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(listType)!;
        var index = 0;
        foreach (var item in items)
        {
            list.Add(ReadValue(elementType, item, $"{path}[{index++}]", problems));
        }

        return list;
    }

    private static string? ReadString(object source, string path, ICollection<InvoiceProblem> problems)
    {
        switch (source)
        {
            case string text:
                return text;
            case int or long or decimal:
                return Convert.ToString(source, CultureInfo.InvariantCulture);
            default:
                problems.Add(new InvoiceProblem(path, $"must be text, not {Describe(source)}."));
                return null;
        }
    }

    private static int? ReadInteger(object source, string path, ICollection<InvoiceProblem> problems)
    {
        switch (source)
        {
            case int number:
                return number;
            case long number when number is >= int.MinValue and <= int.MaxValue:
                return (int)number;
            case decimal number when number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue:
                return (int)number;
            case double number when number == Math.Truncate(number) && number is >= int.MinValue and <= int.MaxValue:
                return (int)number;
            case string text when int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                problems.Add(new InvoiceProblem(path, $"must be a whole number, not {Describe(source)}."));
                return null;
        }
    }

    private static decimal? ReadDecimal(object source, string path, ICollection<InvoiceProblem> problems)
    {
        switch (source)
        {
            case decimal number:
                return number;
            case int or long:
                return Convert.ToDecimal(source, CultureInfo.InvariantCulture);
            case double or float:
                // A PowerShell literal such as 12.5 is a double. Its shortest round-trip text is what was typed
                // (up to 15 significant digits), so reading that text loses nothing.
                var text = ((IFormattable)source).ToString("R", CultureInfo.InvariantCulture);
                if (DecimalText.TryParse(text, out var fromDouble))
                {
                    return fromDouble;
                }

                break;
            case string value when DecimalText.TryParse(value.Trim(), out var parsed):
                return parsed;
        }

        if (source is string outside && DecimalText.IsOutOfRange(outside.Trim()))
        {
            problems.Add(new InvoiceProblem(path, $"{Describe(source)} is outside the range of a decimal (at most {decimal.MaxValue.ToString(CultureInfo.InvariantCulture)} either way); no amount of an invoice comes near it."));
            return null;
        }

        problems.Add(new InvoiceProblem(path,
            $"{Describe(source)} is not a Decimal in the model's format: digits with an optional '.' and fraction, no thousands separator, comma or currency symbol (pattern {DecimalText.Pattern}), for example 1428.00."));
        return null;
    }

    private static DateTimeOffset? ReadDate(object source, string path, ICollection<InvoiceProblem> problems)
    {
        switch (source)
        {
            case DateTime value:
                // PowerShell's Get-Date gives local times; an unspecified kind is local too, as for the date parameters.
                return new DateTimeOffset(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Local) : value);
            case string text when IsoDate.IsMatch(text.Trim()):
                return DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            default:
                problems.Add(new InvoiceProblem(path,
                    $"{Describe(source)} is not an ISO 8601 date-time with a zone, such as 2026-11-20T10:00:00Z, or a date such as 2026-11-20 (taken as midnight UTC)."));
                return null;
        }
    }

    private static PropertyInfo[] Properties(Type type)
    {
        lock (PropertiesByType)
        {
            if (!PropertiesByType.TryGetValue(type, out var properties))
            {
                properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();
                PropertiesByType[type] = properties;
            }

            return properties;
        }
    }

    private static string UnknownProperty(Type type, string name)
    {
        var directFulfillment = type.Namespace!.EndsWith("VendorDirectFulfillmentPayments", StringComparison.Ordinal);
        var hint = (directFulfillment, name.ToLowerInvariant()) switch
        {
            (false, "postalcode") => " Vendor invoices call it postalOrZipCode.",
            (true, "postalorzipcode") => " Direct Fulfillment invoices call it postalCode.",
            (false, "invoicenumber") => " Vendor invoices call it id.",
            (false, "invoicedate") => " Vendor invoices call it date.",
            (true, "id") => " Direct Fulfillment invoices call it invoiceNumber.",
            (true, "date") => " Direct Fulfillment invoices call it invoiceDate.",
            (false, "taxtotals") => " Vendor invoices call it taxDetails.",
            (true, "taxdetails") => " Direct Fulfillment invoices call the invoice's taxes taxTotals.",
            (false, "buyerproductidentifier") => " Vendor invoices call it amazonProductIdentifier.",
            (true, "amazonproductidentifier") => " Direct Fulfillment invoices call it buyerProductIdentifier.",
            (true, "allowancedetails") => " Direct Fulfillment invoices have no allowances.",
            (_, "payload") => " A request body is {\"invoices\": [ ... ]}, without the payload wrapper that the model's example shows.",
            (true, "invoicetype" or "creditnotedetails") => " Direct Fulfillment invoices have no invoice types or credit notes; is this a vendor invoice (leave out -DirectFulfillment)?",
            _ => string.Empty,
        };
        return $"the model's {type.Name} has no property '{name}'.{hint}";
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(object value) => value switch
    {
        string text => $"'{text}'",
        IDictionary => "an object",
        IEnumerable => "a list",
        IFormattable number => $"{number.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => $"a {value.GetType().Name}",
    };
}
