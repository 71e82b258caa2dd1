using System.Collections;
using System.Management.Automation;
using SpApi.Core.Invoicing;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// Turns what PowerShell hands a cmdlet (hashtables, PSCustomObjects from Import-Csv or ConvertFrom-Json,
/// deserialized objects from Import-Clixml) into Core's plain tree. Model objects pass through unchanged.
/// </summary>
internal static class PlainObject
{
    public static object? From(object? value)
    {
        if (value is PSObject wrapped)
        {
            if (wrapped.TypeNames.Contains("Deserialized.System.DateTimeOffset") && wrapped.Properties["UtcDateTime"]?.Value is DateTime utc)
            {
                // Import-Clixml gives a DateTimeOffset back as a bag of its properties.
                return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            }

            if (wrapped.BaseObject is PSCustomObject)
            {
                var fields = PlainTree.NewObject();
                foreach (var property in wrapped.Properties)
                {
                    fields[property.Name] = From(property.Value);
                }

                return fields;
            }

            value = wrapped.BaseObject;
        }

        switch (value)
        {
            case null or string or IFormattable or bool:
                return value;
            case IDictionary dictionary:
                var result = PlainTree.NewObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    result[entry.Key?.ToString() ?? string.Empty] = From(entry.Value);
                }

                return result;
            case IEnumerable list:
                return list.Cast<object?>().Select(From).ToList();
            default:
                // Model objects (Invoice, InvoiceDetail and their parts) and anything else the reader will judge.
                return value;
        }
    }
}
