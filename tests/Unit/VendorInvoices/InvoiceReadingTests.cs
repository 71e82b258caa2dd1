using System.Text.Json;
using SpApi.Core.Apis.VendorInvoices;
using SpApi.Core.Http;
using SpApi.Core.Invoicing;
using SpApi.Core.Operations;
using Xunit;

namespace SpApi.Tests.VendorInvoices;

/// <summary>How input becomes model invoices and how they go on the wire: amounts stay decimal with their scale, files of three shapes.</summary>
public sealed class InvoiceReadingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-invoices-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void AmountsGoOnTheWireAsDecimalStringsWithTheirScale()
    {
        var invoice = (Invoice)InvoiceInput.Read(InvoiceSamples.Plain(InvoiceApi.Vendor, ("invoiceTotal.amount", "\"41.890\"")), InvoiceApi.Vendor).Invoice!;

        var json = System.Text.Encoding.UTF8.GetString(new SpApiRequest(SpApiOperations.SubmitVendorInvoices).WithJsonBody(new SubmitInvoicesRequest { Invoices = new() { invoice } }).Body!);

        Assert.Contains("\"invoiceTotal\":{\"currencyCode\":\"EUR\",\"amount\":\"41.890\"}", json);
        Assert.Contains("\"netCost\":{\"currencyCode\":\"EUR\",\"amount\":\"3.10\"}", json);
        Assert.Contains("\"taxRate\":\"0.19\"", json);
        Assert.Contains("\"itemSequenceNumber\":1", json);
        Assert.DoesNotContain("\"amount\":4", json);
    }

    [Fact]
    public void JsonNumbersAndPowerShellDoublesBecomeTheDecimalsThatWereWritten()
    {
        var fromJsonNumber = Read(("invoiceTotal.amount", "41.890"));
        var fromDouble = InvoiceInput.Read(new Dictionary<string, object?> { ["invoiceTotal"] = new Dictionary<string, object?> { ["amount"] = 0.1 + 0.2 - 0.3 + 12.5, ["currencyCode"] = "EUR" } }, InvoiceApi.Vendor);

        Assert.Equal("41.890", fromJsonNumber.InvoiceTotal!.Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(12.5m, ((Invoice)fromDouble.Invoice!).InvoiceTotal!.Amount);
    }

    [Fact]
    public void LocalDatesKeepTheirOffsetAndDateOnlyTextIsMidnightUtc()
    {
        var local = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Local);

        var fromDateTime = (Invoice)InvoiceInput.Read(new Dictionary<string, object?> { ["date"] = local }, InvoiceApi.Vendor).Invoice!;
        var fromText = Read(("date", "\"2026-11-20\""));

        Assert.Equal(new DateTimeOffset(local), fromDateTime.Date);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), fromText.Date);
    }

    [Fact]
    public void AMoneyGivenAsABareAmountTakesTheCurrencyFilledInLater()
    {
        var invoice = (Invoice)InvoiceInput.Read(InvoiceSamples.Plain(InvoiceApi.Vendor, ("items[0].netCost", "\"3.10\"")), InvoiceApi.Vendor).Invoice!;
        Assert.Null(invoice.Items![0].NetCost!.CurrencyCode);

        MoneyDefaults.FillCurrency(invoice, "EUR");

        Assert.Equal("EUR", invoice.Items[0].NetCost!.CurrencyCode);
        Assert.True(VendorInvoiceRules.Check(invoice).Count == 0);
    }

    [Fact]
    public void NothingIsNotAnInvoice()
    {
        var result = InvoiceInput.Test(null, InvoiceApi.Vendor);

        Assert.False(result.IsValid);
        Assert.Contains("The input is empty", result.Describe());
    }

    [Theory]
    [InlineData("{\"invoices\": [INVOICE, INVOICE2]}", 2)]
    [InlineData("[INVOICE, INVOICE2]", 2)]
    [InlineData("INVOICE", 1)]
    public void AFileHoldsARequestBodyAnArrayOrOneInvoice(string shape, int count)
    {
        var path = Path.Combine(folder, "invoices.json");
        File.WriteAllText(path, shape.Replace("INVOICE2", InvoiceSamples.Vendor.Replace("INV-1", "INV-2")).Replace("INVOICE", InvoiceSamples.Vendor));

        var results = InvoiceInput.ReadFile(path).Select(source => InvoiceInput.Test(source, InvoiceApi.Vendor)).ToList();

        Assert.Equal(count, results.Count);
        Assert.All(results, r => Assert.True(r.IsValid, r.ToString()));
    }

    [Theory]
    [InlineData("{ \"invoices\": [ ", "is not valid JSON")]
    [InlineData("\"INV-1\"", "must hold")]
    public void AFileOfAnotherShapeIsRefusedNamingPath(string content, string message)
    {
        var path = Path.Combine(folder, "bad.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<ArgumentException>(() => InvoiceInput.ReadFile(path));

        Assert.Equal("Path", error.ParamName);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void ThePayloadWrapperOfTheModelsExampleIsExplained()
    {
        var path = Path.Combine(folder, "example.json");
        File.WriteAllText(path, "{ \"payload\": { \"invoices\": [] } }");

        var result = InvoiceInput.Test(Assert.Single(InvoiceInput.ReadFile(path)), InvoiceApi.Vendor);

        Assert.Contains(result.Problems, p => p.Path == "payload" && p.Message.Contains("without the payload wrapper"));
    }

    private static Invoice Read(params (string Path, string? Json)[] edits) =>
        (Invoice)InvoiceInput.Read(InvoiceSamples.Plain(InvoiceApi.Vendor, edits), InvoiceApi.Vendor).Invoice!;
}
