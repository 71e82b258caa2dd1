using System.Globalization;
using System.Management.Automation;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.Tests.Values;

/// <summary>
/// What a date parameter accepts: DateTimeOffset, DateTime and date strings, read as PowerShell users expect.
/// PSObjects (wrapped values, Import-Clixml's bags) need the real PowerShell: Values.Tests.ps1 covers them.
/// </summary>
public sealed class DateArgumentTests
{
    [Fact]
    public void ADateTimeOffsetKeepsItsInstantAndOffset()
    {
        var given = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(-3));

        var instant = DateArgument.ToInstant(given)!.Value;

        Assert.Equal(given, instant);
        Assert.Equal(TimeSpan.FromHours(-3), instant.Offset);
    }

    [Fact]
    public void AUtcDateTimeIsThatUtcTime() =>
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), DateArgument.ToInstant(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Local)]
    public void ALocalOrUnspecifiedDateTimeIsLocalTime(DateTimeKind kind)
    {
        var local = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Local);

        var instant = DateArgument.ToInstant(DateTime.SpecifyKind(local, kind))!.Value;

        Assert.Equal(local.ToUniversalTime(), instant.UtcDateTime);
    }

    [Theory]
    [InlineData("2024-05-01T10:00:00Z", 0)]
    [InlineData("2024-05-01T10:00:00+02:00", 2)]
    [InlineData("2024-05-01T10:00-03:00", -3)]
    public void AnIsoStringWithAnOffsetIsThatInstant(string text, int offsetHours)
    {
        var instant = DateArgument.ToInstant(text)!.Value;

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(offsetHours)), instant);
        Assert.Equal(TimeSpan.FromHours(offsetHours), instant.Offset);
    }

    [Theory]
    [InlineData("2024-05-01")]
    [InlineData("2024-05-01T00:00:00")]
    public void AnIsoStringWithoutAnOffsetIsLocalTime(string text) =>
        Assert.Equal(new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Local).ToUniversalTime(), DateArgument.ToInstant(text)!.Value.UtcDateTime);

    [Theory]
    [InlineData("de-DE", "01.05.2024 10:00")]
    [InlineData("en-GB", "01/05/2024 10:00")]
    [InlineData("en-US", "05/01/2024 10:00")]
    public void AnyOtherStringIsReadInTheCurrentCultureAsGetDateReadsIt(string culture, string text) => InCulture(culture, () =>
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Local).ToUniversalTime(), DateArgument.ToInstant(text)!.Value.UtcDateTime));

    [Fact]
    public void AnIsoStringMeansTheSameInEveryCulture() => InCulture("th-TH", () =>
        Assert.Equal(2024, DateArgument.ToInstant("2024-05-01T10:00:00Z")!.Value.Year));

    [Fact]
    public void NullStaysNull() => Assert.Null(DateArgument.ToInstant(null));

    [Theory]
    [InlineData("2024-13-45", "as ISO 8601")]
    [InlineData("not a date", "in the formats of the current culture (en-US)")]
    public void ABadStringSaysHowItWasReadAndWhatADateLooksLike(string text, string how) => InCulture("en-US", () =>
    {
        var error = Assert.Throws<FormatException>(() => DateArgument.ToInstant(text));

        Assert.Contains($"'{text}' is not a date {how}", error.Message);
        Assert.Contains("2024-05-01T10:00:00Z", error.Message);
    });

    [Fact]
    public void AnotherTypeIsRefused() =>
        Assert.Contains("42 (Int32) is not a date", Assert.Throws<FormatException>(() => DateArgument.ToInstant(42)).Message);

    [Fact]
    public void TheAttributeRefusesABadValueAsATransformationError() =>
        Assert.Throws<ArgumentTransformationMetadataException>(() => new DateArgumentAttribute().Transform(null!, "not a date"));

    private static void InCulture(string name, Action test)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        try
        {
            test();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
