using System.Text.Json;
using SpApi.Core.Apis.FinancesInvoices;
using SpApi.Core.Http;
using SpApi.Core.Json;

namespace SpApi.Tests.FinancesInvoices;

/// <summary>The model's BigDecimal is a JSON number: it is read into decimal digit for digit, never through double.</summary>
public sealed class BigDecimalReadingTests
{
    [Theory]
    [InlineData("12345678901234.5678")]
    [InlineData("0.1")]
    [InlineData("0.30000000000000004")]
    [InlineData("-0.01")]
    [InlineData("2500.0")]
    [InlineData("79228162514264337593543950335")]
    public void TheNumberIsReadExactlyWithItsScale(string number)
    {
        var currency = SpApiJson.Deserialize<Currency>(System.Text.Encoding.UTF8.GetBytes($"{{\"currencyCode\":\"USD\",\"currencyAmount\":{number}}}"), "getInvoice");

        Assert.Equal(number, currency.CurrencyAmount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TenthsAddUpAsDecimalsDo()
    {
        var tenth = SpApiJson.Deserialize<Currency>("{\"currencyAmount\":0.1}"u8, "getInvoice").CurrencyAmount!.Value;
        var fifth = SpApiJson.Deserialize<Currency>("{\"currencyAmount\":0.2}"u8, "getInvoice").CurrencyAmount!.Value;

        Assert.Equal(0.3m, tenth + fifth);
    }

    [Theory]
    [InlineData("\"12.50\"")]
    [InlineData("1e400")]
    [InlineData("79228162514264337593543950336")]
    public void AStringOrANumberBeyondDecimalIsAnInvalidResponse(string value)
    {
        var error = Assert.Throws<SpApiException>(() => SpApiJson.Deserialize<Currency>(System.Text.Encoding.UTF8.GetBytes($"{{\"currencyAmount\":{value}}}"), "getInvoice"));

        Assert.Equal(SpApiFailureKind.InvalidResponse, error.Kind);
        Assert.IsType<JsonException>(error.InnerException);
    }
}
