using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>
/// Lets a DateTimeOffset parameter take what a PowerShell user has at hand: a DateTimeOffset (the module's
/// outputs carry them), a DateTime (Get-Date, a [datetime] literal) or a date string; see <see cref="DateArgument"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class DateArgumentAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        try
        {
            return DateArgument.ToInstant(inputData);
        }
        catch (FormatException ex)
        {
            // PowerShell puts "Cannot process argument transformation on parameter '<name>'." before this message.
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
    }
}

/// <summary>
/// The instant a date argument names. A DateTimeOffset is itself. A DateTime of kind Utc is that UTC time;
/// of kind Local or Unspecified (Get-Date, [datetime]'2024-05-01') it is local time, as the cmdlets read a
/// DateTime before. A string is read as ISO 8601 when it has that shape (2024-05-01, 2024-05-01T10:00:00Z,
/// 2024-05-01T10:00:00+02:00), otherwise in the current culture's formats, as PowerShell reads a string for a
/// compiled cmdlet's DateTime parameter; either way it is local time unless it carries Z or an offset.
/// </summary>
internal static class DateArgument
{
    private const string Expected =
        "Give a DateTime (Get-Date), a DateTimeOffset or a date string such as 2024-05-01, 2024-05-01T10:00:00 (local time) or 2024-05-01T10:00:00Z.";

    // A date first (yyyy-MM-dd), then anything: the rest is left to the invariant parser, which knows ISO 8601.
    private static readonly Regex IsoShape = new(@"^\s*\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant);

    /// <summary>The instant of <paramref name="input"/>; null stays null. Throws FormatException for anything else.</summary>
    public static DateTimeOffset? ToInstant(object? input)
    {
        switch (input is PSObject wrapped ? Unwrap(wrapped) : input)
        {
            case null:
                return null;
            case DateTimeOffset instant:
                return instant;
            case DateTime time:
                // Local and Unspecified are both local time here, as in PowerShell's date literals.
                return new DateTimeOffset(time);
            case string text:
                return Parse(text);
            case var other:
                throw new FormatException($"{other} ({other.GetType().Name}) is not a date. {Expected}");
        }
    }

    private static object? Unwrap(PSObject wrapped)
    {
        // Import-Clixml gives a DateTimeOffset back as a bag of its properties: its clock time and its offset.
        if (wrapped.TypeNames.Contains("Deserialized.System.DateTimeOffset")
            && wrapped.Properties["DateTime"]?.Value is DateTime clock && wrapped.Properties["Offset"]?.Value is TimeSpan offset)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(clock, DateTimeKind.Unspecified), offset);
        }

        return wrapped.BaseObject;
    }

    private static DateTimeOffset Parse(string text)
    {
        var culture = IsoShape.IsMatch(text) ? CultureInfo.InvariantCulture : CultureInfo.CurrentCulture;
        if (DateTimeOffset.TryParse(text, culture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeLocal, out var instant))
        {
            return instant;
        }

        var read = ReferenceEquals(culture, CultureInfo.InvariantCulture) ? "as ISO 8601" : $"in the formats of the current culture ({(CultureInfo.CurrentCulture.Name is { Length: > 0 } name ? name : "invariant")})";
        throw new FormatException($"'{text}' is not a date {read}. {Expected}");
    }
}
