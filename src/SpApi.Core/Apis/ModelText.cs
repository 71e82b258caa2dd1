using System.Globalization;

namespace SpApi.Core.Apis;

/// <summary>The text of a model object for Format-List and CSV cells: its given parts, the missing ones left out.</summary>
internal static class ModelText
{
    /// <summary>The non-empty parts joined with <paramref name="separator"/>.</summary>
    public static string Join(string separator, params object?[] parts) =>
        string.Join(separator, parts.Select(Text).Where(text => text.Length > 0));

    /// <summary>A part with its label, or nothing when the value is missing: "net 30 days".</summary>
    public static string? Labelled(string format, object? value) =>
        value is null || Text(value).Length == 0 ? null : string.Format(CultureInfo.InvariantCulture, format, Text(value));

    // Numbers in the invariant culture, as the model writes them: 12.50, not 12,50; dates as the model's days,
    // 2026-06-01, in the Gregorian calendar whatever the current culture's is.
    private static string Text(object? part) => part switch
    {
        null => string.Empty,
        DateTimeOffset date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => part.ToString() ?? string.Empty,
    };
}
