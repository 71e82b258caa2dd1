using System.Management.Automation;
using System.Reflection;
using SpApi.PowerShell.Cmdlets;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.Tests.Values;

/// <summary>
/// Every cmdlet's date and enum-like parameters, read by reflection: a date takes what PowerShell users hold
/// (DateTimeOffset, DateTime, strings), and a value of a fixed set goes out in the API's spelling in any case.
/// </summary>
public sealed class ParameterValueTests
{
    private static readonly IReadOnlyList<PropertyInfo> Parameters = typeof(ConnectSpApiCommand).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<CmdletAttribute>() is not null)
        .SelectMany(t => t.GetProperties())
        .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any())
        .ToList();

    [Fact]
    public void NoParameterTakesADateTime() =>
        Assert.Empty(Parameters.Where(p => p.PropertyType == typeof(DateTime) || p.PropertyType == typeof(DateTime?)).Select(Name));

    [Fact]
    public void EveryDateParameterTakesDateTimeDateTimeOffsetAndStrings()
    {
        var dates = Parameters.Where(p => p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTimeOffset?)).ToList();

        Assert.Contains("GetSpCustomerInvoiceCommand.CreatedAfter", dates.Select(Name));
        Assert.Contains("GetSpInvoiceCommand.DateStart", dates.Select(Name));
        Assert.All(dates, p => Assert.True(p.GetCustomAttribute<DateArgumentAttribute>() is not null, $"{Name(p)} has no [DateArgument]"));
    }

    [Fact]
    public void EveryValidateSetSpellsItsValuesAsListed()
    {
        var sets = Parameters.Where(p => ValidValues(p) is not null).ToList();

        Assert.NotEmpty(sets);
        Assert.All(sets, p => Assert.Equal(ValidValues(p), p.GetCustomAttribute<CanonicalSpellingAttribute>()?.Spellings ?? Array.Empty<string>()));
        Assert.All(Parameters.Where(p => p.GetCustomAttribute<CanonicalSpellingAttribute>() is not null), p => Assert.NotNull(ValidValues(p)));
    }

    [Theory]
    [InlineData(typeof(GetSpInvoiceExportCommand), "Status", "done", "DONE")]
    [InlineData(typeof(GetSpInvoiceCommand), "SortOrder", "DESCENDING", "Descending")]
    [InlineData(typeof(GetSpCustomerInvoiceCommand), "SortOrder", "ascending", "Ascending")]
    [InlineData(typeof(GetSpCustomerInvoiceCommand), "ApiVersion", "V1", "v1")]
    [InlineData(typeof(NewSpVendorInvoiceCommand), "InvoiceType", "creditnote", "CreditNote")]
    [InlineData(typeof(NewSpInvoiceExportCommand), "FileFormat", "xml", "XML")]
    public void AValueInAnyCaseTakesTheListedSpelling(Type cmdlet, string parameter, string typed, string sent) =>
        Assert.Equal(sent, Spelling(cmdlet, parameter).Transform(null!, typed));

    [Fact]
    public void EachValueOfAnArrayIsSpelledAndAnUnlistedOneIsLeftForValidateSet()
    {
        var spelling = new CanonicalSpellingAttribute("REQUESTED", "DONE");

        Assert.Equal(new object[] { "DONE", "REQUESTED", "bogus" }, spelling.Transform(null!, new object[] { "done", "Requested", "bogus" }));
        Assert.Equal("bogus", spelling.Transform(null!, "bogus"));
        Assert.Null(spelling.Transform(null!, null));
    }

    // From the attribute's data: the tests run against PowerShellStandard.Library, whose ValidValues is a stub.
    private static string[]? ValidValues(PropertyInfo p) => p.GetCustomAttributesData()
        .Where(a => a.AttributeType == typeof(ValidateSetAttribute))
        .Select(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!).ToArray())
        .SingleOrDefault();

    private static CanonicalSpellingAttribute Spelling(Type cmdlet, string parameter) =>
        cmdlet.GetProperty(parameter)!.GetCustomAttribute<CanonicalSpellingAttribute>()!;

    private static string Name(PropertyInfo p) => $"{p.ReflectedType!.Name}.{p.Name}";
}
